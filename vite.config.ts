import { defineConfig } from 'vitest/config';
import { bundledScenarios } from './tools/lib/vite-bundled-scenarios.ts';

export default defineConfig({
  // Relative base: the built kit runs from any folder (a USB key, an LMS sub-path).
  base: './',
  plugins: [bundledScenarios()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup/happy-dom-nodename.ts'],
    testTimeout: 60_000,
  },
});
