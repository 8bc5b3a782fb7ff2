/** npm run test:e2e: the Playwright suite in Chromium, or a clear word on how to get Chromium. */
import { spawnSync } from 'node:child_process';
import { chromiumPath, HOW_TO_GET_CHROMIUM } from './lib/chromium.ts';

if (!chromiumPath()) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', '--config', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
