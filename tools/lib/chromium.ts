/** Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, the system's, or Playwright's own. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function chromiumPath(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const path of SYSTEM_PATHS) if (existsSync(path)) return path;
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core has no browser of its own here.
  }
  return null;
}

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium found for the end-to-end tests. Get one of these:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/bin/chromium is found)',
  '  - or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
  '  - or, where downloads are allowed: npx playwright install chromium',
].join('\n');
