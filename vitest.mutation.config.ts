import { defineConfig } from 'vitest/config';

/**
 * The mutation run's own test set (npm run test:mutation): small synthetic
 * scenarios in tests/mutation, fast enough for Stryker to run them once per
 * mutant. Standalone: none of the unit suite's plugins, set-up or files.
 */
export default defineConfig({
  test: {
    include: ['tests/mutation/**/*.test.ts'],
    environment: 'node',
    testTimeout: 10_000,
  },
});
