import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { bundledScenarios } from './tools/lib/vite-bundled-scenarios.ts';
import { gameRoutePreload } from './tools/lib/vite-game-preload.ts';
import { phaserLite } from './tools/lib/vite-phaser-lite.ts';
import { kitPwa } from './tools/lib/vite-pwa.ts';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig(({ command }) => ({
  // Relative base: the built kit runs from any folder (a USB key, an LMS sub-path).
  base: './',
  plugins: [bundledScenarios(), gameRoutePreload(), ...(command === 'build' ? [phaserLite()] : []), kitPwa()],
  resolve: {
    // The built kit takes Phaser from its sources, with only what the map uses (src/game/map/phaser/lite.ts).
    // The dev server keeps the published bundle: its dependency pre-bundling cannot apply the build flags.
    alias:
      command === 'build'
        ? [
            { find: /^phaser$/, replacement: path('./src/game/map/phaser/lite.ts') },
            { find: /^phaser-src\//, replacement: path('./node_modules/phaser/src/') },
          ]
        : [],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    // The mutation run's own set too: it must stay green for npm run test:mutation to start.
    include: ['tests/unit/**/*.test.ts', 'tests/mutation/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup/happy-dom-nodename.ts'],
    testTimeout: 60_000,
  },
}));
