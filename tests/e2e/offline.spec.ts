/**
 * The kit works offline once loaded (a precaching service worker), and a new version waits for the
 * user: it is offered in a prompt and never reloads the page by itself.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, open, test } from './fixtures.ts';
import { gameReady } from './game-helpers.ts';

/** Each route and the link its page marks as current (in the header, or in the footer for the legal pages). */
const ROUTES: readonly { hash: string; current: string | null }[] = [
  { hash: '#/', current: null },
  { hash: '#/game', current: 'Jeu sérieux' },
  { hash: '#/course', current: 'Formation' },
  { hash: '#/course/progress', current: 'Formation' },
  { hash: '#/test', current: 'Test' },
  { hash: '#/guide', current: 'Guide pratique' },
  { hash: '#/guide/search?q=eau', current: 'Guide pratique' },
  { hash: '#/facilitator', current: 'Animation' },
  { hash: '#/accessibilite', current: 'Accessibilité\u00a0: non conforme' },
  { hash: '#/donnees-personnelles', current: 'Données personnelles et mentions légales' },
];

const GAME_LINK = '#/game/play?scenario=market-town-drought&seed=7&teams=2&difficulty=normal&rounds=4&name=Ouest&name=Est';

async function waitOfflineReady(page: Page): Promise<void> {
  await expect(page.locator('html[data-offline-ready="true"]')).toBeAttached({ timeout: 30_000 });
  // The worker that stored the kit now controls the page's next loads.
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('once loaded, every route renders offline, after a reload too', async ({ page, context }) => {
  await open(page);
  await waitOfflineReady(page);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.locator('#page-title')).toHaveText('Bienvenue dans le kit territoire résilient');
  for (const { hash, current } of ROUTES) {
    for (const load of ['navigate', 'reload'] as const) {
      if (load === 'navigate') await open(page, hash);
      else await page.reload();
      await expect(page.locator('html[data-ready="true"]')).toBeAttached();
      await expect(page.locator('#page-title')).toBeVisible();
      await expect(page.locator('#page-title')).not.toHaveText('Page introuvable');
      const marked = page.locator('a[aria-current="page"]');
      if (current === null) await expect(marked).toHaveCount(0);
      else await expect(marked).toHaveText(current);
      if (hash.includes('search')) await expect(page.locator('main mark').first()).toBeVisible(); // found offline
    }
  }
  // A game from a deep link, with its map (Phaser's chunk comes from the cache too).
  await page.goto(`./${GAME_LINK}`);
  await expect(page).toHaveURL(/#\/game\/session\//);
  await gameReady(page);
  await page.reload();
  await gameReady(page);
});

// ---------------------------------------------------------------------------------------------
// A new version: served by a server of our own, whose worker script changes on demand.
// ---------------------------------------------------------------------------------------------

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

function serveDist(workerSuffix: () => string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    try {
      let body: Buffer | string = readFileSync(file);
      if (path === '/sw.js') body = body.toString('utf8') + workerSuffix();
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('a new version waits for the user: the prompt shows, nothing reloads by itself', async ({ page }) => {
  let version = '';
  const server = await serveDist(() => version);
  try {
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/#/test`);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await waitOfflineReady(page);
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    version = '\n// the next version of the kit\n';
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const prompt = page.getByRole('region', { name: 'Une nouvelle version du kit est prête' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Plus tard' })).toBeVisible();
    // Left alone, the page stays as it is: same document, the old worker still in charge.
    await page.waitForTimeout(3000);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);
    await expect(page.locator('#page-title')).toBeVisible();
    // "Later" dismisses it; accepting, on the next offer, switches and reloads once.
    await page.getByRole('button', { name: 'Plus tard' }).click();
    await expect(prompt).toBeHidden();
    await page.reload();
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Mettre à jour maintenant' }).click();
    await expect(prompt).toBeHidden({ timeout: 20_000 });
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
  } finally {
    server.close();
  }
});
