/**
 * npm test: types, lint, unit and end-to-end tests, in that order; stops at
 * the first failing step and says which one failed.
 */
import { spawnSync } from 'node:child_process';
import { chromiumPath, HOW_TO_GET_CHROMIUM } from './lib/chromium.ts';

const steps: [string, string[]][] = [
  ['types', ['npx', 'tsc', '-p', '.']],
  ['lint', ['npx', 'biome', 'check', '.']],
  ['unit', ['npx', 'vitest', 'run']],
  ['end-to-end', ['npx', 'playwright', 'test', '--config', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)]],
];

if (!chromiumPath()) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}

let passed = 0;
for (const [name, [command, ...args]] of steps) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command as string, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`\n=== ${name} failed after ${seconds} s`);
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  console.log(`=== ${name} passed in ${seconds} s`);
  passed += 1;
}
console.log(`steps: ${passed} passed, 0 failed`);
