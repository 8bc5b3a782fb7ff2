/**
 * Browser benchmarks in headless Chromium (part of npm run bench):
 * time to `kit:game-ready` against a bare Phaser page, on the deep link and on
 * the projector screen of a session, frame times over 5 s of map animation
 * (both routes), gzipped JS loaded by #/ and by the game routes, and the JS
 * heap after one and three full games in the same tab.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumPath, HOW_TO_GET_CHROMIUM } from './lib/chromium.ts';

/** Load runs, kit and bare page taking turns: a shared machine's noise needs more than a handful. */
const RUNS = 25;
/** Games played in one tab for the heap figures; the second half shows the trend once the JIT has warmed up. */
const GAMES = 16;
const SETTLED = GAMES / 2;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

function serve(root: string): Promise<{ server: Server; url: string }> {
  return new Promise((done) => {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = join(root, path);
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!file.startsWith(root) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

/**
 * Reports every performance mark on the console (installed before the page's own code). The
 * load figures are read from there: polling the page with page.waitForFunction would inject
 * Playwright's script into it while it loads, and time the harness along with the page.
 */
const REPORT_MARKS = `new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) console.debug('bench-mark', entry.name, entry.startTime);
}).observe({ type: 'mark', buffered: true });`;

/** Opens `url` and resolves with the time from navigation to the performance mark `name`. */
async function openUntilMark(page: Page, url: string, name: string): Promise<number> {
  const marked = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} mark within 60 s at ${url}`)), 60_000);
    page.on('console', (message) => {
      const [tag, mark, time] = message.text().split(' ');
      if (tag !== 'bench-mark' || mark !== name) return;
      clearTimeout(timer);
      resolve(Number(time));
    });
  });
  await page.goto(url);
  return marked;
}

const DEEP_LINK = (seed: number) => `#/game/play?scenario=coastal-estuary&seed=${seed}&teams=3`;

/**
 * Starts a game from the deep link in the page's context and returns its
 * projector screen's route: the screen opens a session that is already saved.
 */
async function sessionScreen(page: Page, url: string, seed: number): Promise<string> {
  await openUntilMark(page, `${url}${DEEP_LINK(seed)}`, 'kit:game-ready');
  return screenOf(page);
}

/** The projector screen of the session a page is playing (a deep link becomes its session's route). */
function screenOf(page: Page): string {
  const id = /#\/game\/session\/([^/?]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`the deep link did not become a session: ${page.url()}`);
  return `#/game/session/${id}/screen`;
}

/** Empties the browser's cache, so the next page loads as cold as a first visit (storage stays). */
async function coldCache(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

async function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((done) => {
        const deltas: number[] = [];
        let last = performance.now();
        const end = last + duration;
        const step = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(step);
          else done(deltas.slice(1));
        };
        requestAnimationFrame(step);
      }),
    ms,
  );
}

/** Plays a whole game by passing, with the game's keyboard shortcuts. */
async function playToDebrief(page: Page, seed: number): Promise<void> {
  await page.evaluate((s) => {
    location.hash = `#/game/play?scenario=coastal-estuary&seed=${s}&teams=2`;
  }, seed);
  // A game already under way makes the kit ask before starting another.
  // Locators, not waitForSelector: its element handles would keep every old game alive.
  await page.locator('.play[data-ready="true"], .confirm-dialog').first().waitFor({ timeout: 60_000 });
  if (await page.locator('.confirm-dialog').count()) await page.locator('.confirm-dialog .button').click();
  await page.locator('.play[data-ready="true"]').waitFor({ timeout: 60_000 });
  for (let i = 0; i < 300 && !(await page.locator('.debrief-slot h2').count()); i += 1) {
    // At the end the phase panel gives way to the debrief, which loads on demand.
    const title =
      (await page
        .locator('#phase-title')
        .textContent({ timeout: 2000 })
        .catch(() => '')) ?? '';
    if (!title) continue;
    await page.keyboard.press(/Choix des projets|Financement/.test(title) ? 'p' : 'n');
    await page.waitForTimeout(15);
  }
}

async function heapMB(page: Page): Promise<number> {
  return page.evaluate(async () => {
    (window as unknown as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 200));
    (window as unknown as { gc?: () => void }).gc?.();
    return ((performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize ?? 0) / 1048576;
  });
}

/**
 * Live objects in the page (after a collection) whose prototype chain holds `prototype`:
 * WebGL contexts count the maps still in memory, plain objects show whether anything piles up.
 */
async function liveObjects(page: Page, prototype: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const proto = await cdp.send('Runtime.evaluate', { expression: prototype });
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId ?? '' });
    const count = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId ?? '',
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return Number(count.result.value);
  } finally {
    await cdp.detach();
  }
}

/** Least-squares slope of ys over their index, per step. */
function slope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den > 0 ? num / den : 0;
}

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log(`Browser benchmarks skipped.\n${HOW_TO_GET_CHROMIUM}`);
    return;
  }
  const out = resolve('node_modules/.cache/bench-browser');
  await build({ logLevel: 'warn', build: { outDir: join(out, 'kit'), emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
  await build({
    configFile: false,
    root: resolve('tools/bench/bare-phaser'),
    base: './',
    logLevel: 'warn',
    build: { outDir: join(out, 'bare'), emptyOutDir: true },
  });
  const kit = await serve(join(out, 'kit'));
  const bare = await serve(join(out, 'bare'));
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--js-flags=--expose-gc',
      '--enable-precise-memory-info',
      '--disable-background-networking',
    ],
  });
  // Each measurement gets a fresh context (empty storage, cold cache). tsx keeps function
  // names with a __name helper that page.evaluate'd code also calls.
  const freshPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(`globalThis.__name = (target) => target;\n${REPORT_MARKS}`);
    return context.newPage();
  };
  try {
    const ready: number[] = [];
    const screenReady: number[] = [];
    const bareReady: number[] = [];
    // Run 0 of each warms the browser (its GPU process starts on the first page) and is not counted.
    for (let i = 0; i <= RUNS; i += 1) {
      const page = await freshPage();
      const kitMs = await openUntilMark(page, `${kit.url}${DEEP_LINK(i + 1)}`, 'kit:game-ready');
      const screenRoute = screenOf(page);
      await coldCache(page);
      const screenPage = await page.context().newPage();
      await page.close();
      const screenMs = await openUntilMark(screenPage, `${kit.url}${screenRoute}`, 'kit:game-ready');
      await screenPage.close();
      const ref = await freshPage();
      const bareMs = await openUntilMark(ref, bare.url, 'bare:ready');
      await ref.close();
      if (i === 0) continue;
      ready.push(kitMs);
      screenReady.push(screenMs);
      bareReady.push(bareMs);
    }

    const gamePage = await freshPage();
    await openUntilMark(gamePage, `${kit.url}${DEEP_LINK(7)}`, 'kit:game-ready');
    const kitFrames = await frameTimes(gamePage, 5000);
    const frameScreen = screenOf(gamePage);
    const screenFramePage = await gamePage.context().newPage();
    await gamePage.close();
    await openUntilMark(screenFramePage, `${kit.url}${frameScreen}`, 'kit:game-ready');
    const screenFrames = await frameTimes(screenFramePage, 5000);
    await screenFramePage.close();
    const barePage = await freshPage();
    await openUntilMark(barePage, bare.url, 'bare:ready');
    const bareFrames = await frameTimes(barePage, 5000);
    await barePage.close();

    const jsBytes = async (hash: string | ((page: Page) => Promise<string>), wait: string) => {
      let page = await freshPage();
      if (typeof hash !== 'string') {
        // A session's screen: the game is started first, then the screen opens cold in the same storage.
        const route = await hash(page);
        await coldCache(page);
        const next = await page.context().newPage();
        await page.close();
        page = next;
        hash = route;
      }
      const files = new Set<string>();
      page.on('response', (response) => {
        if (response.url().endsWith('.js')) files.add(new URL(response.url()).pathname);
      });
      await page.goto(`${kit.url}${hash}`);
      await page.locator(wait).waitFor({ timeout: 60_000 });
      await page.close();
      let gz = 0;
      for (const file of files) gz += gzipSync(readFileSync(join(out, 'kit', file))).byteLength;
      return gz / 1024;
    };
    const homeKB = await jsBytes('#/', 'html[data-ready="true"]');
    const gameKB = await jsBytes(DEEP_LINK(1), '.play[data-ready="true"]');
    const screenKB = await jsBytes((page) => sessionScreen(page, kit.url, 2), '.play[data-ready="true"]');

    const heapPage = await freshPage();
    await heapPage.goto(`${kit.url}#/`);
    await heapPage.locator('html[data-ready="true"]').waitFor();
    const heaps: number[] = [];
    const contexts: number[] = [];
    const objects: number[] = [];
    for (let g = 0; g < GAMES; g += 1) {
      await playToDebrief(heapPage, 100 + g);
      heaps.push(await heapMB(heapPage));
      contexts.push(await liveObjects(heapPage, 'WebGLRenderingContext.prototype'));
      objects.push(await liveObjects(heapPage, 'Object.prototype'));
    }
    await heapPage.close();

    const readyMs = median(ready);
    const screenMs = median(screenReady);
    const bareMs = median(bareReady);
    const p95Ratio = (frames: number[]) => (pct(frames, 0.95) / pct(bareFrames, 0.95)).toFixed(2);
    const rows: [string, string, string][] = [
      [
        `navigation -> kit:game-ready, deep link (median of ${RUNS})`,
        `${readyMs.toFixed(0)} ms`,
        `bare Phaser page ${bareMs.toFixed(0)} ms; ratio ${(readyMs / bareMs).toFixed(2)} (target <= 1.0)`,
      ],
      [
        `navigation -> kit:game-ready, projector screen (median of ${RUNS})`,
        `${screenMs.toFixed(0)} ms`,
        `ratio ${(screenMs / bareMs).toFixed(2)} to the bare page (target <= 1.0)`,
      ],
      [
        'frame time over 5 s, map, deep link',
        `p50 ${pct(kitFrames, 0.5).toFixed(1)} ms, p95 ${pct(kitFrames, 0.95).toFixed(1)} ms`,
        `bare p50 ${pct(bareFrames, 0.5).toFixed(1)} ms, p95 ${pct(bareFrames, 0.95).toFixed(1)} ms; p95 ratio ${p95Ratio(kitFrames)} (target <= 1.1)`,
      ],
      [
        'frame time over 5 s, map, projector screen',
        `p50 ${pct(screenFrames, 0.5).toFixed(1)} ms, p95 ${pct(screenFrames, 0.95).toFixed(1)} ms`,
        `p95 ratio ${p95Ratio(screenFrames)} (target <= 1.1)`,
      ],
      ['gzipped JS loaded by #/', `${homeKB.toFixed(1)} KB`, 'target < 120 KB'],
      ['gzipped JS loaded by the deep link (playing)', `${gameKB.toFixed(1)} KB`, 'target <= 300 KB'],
      ['gzipped JS loaded by the projector screen', `${screenKB.toFixed(1)} KB`, 'target <= 300 KB'],
      ['JS heap after 1 full game', `${heaps[0]?.toFixed(1)} MB`, 'target < 100 MB'],
      [
        `JS heap after each of ${GAMES} games, same tab`,
        `${heaps.map((x) => x.toFixed(1)).join(' / ')} MB`,
        `after 3 games ${heaps[2]?.toFixed(1)} MB; trend over games ${SETTLED + 1}-${GAMES} ${(slope(heaps.slice(SETTLED)) * 1024).toFixed(0)} KB/game`,
      ],
      [
        'maps still in memory after each game',
        contexts.join(' / '),
        'WebGL contexts alive; 1 = only the current map (target: not growing)',
      ],
      [
        'live JS objects after each game',
        objects.map((n) => `${(n / 1000).toFixed(1)}k`).join(' / '),
        `trend over games ${SETTLED + 1}-${GAMES} ${slope(objects.slice(SETTLED)).toFixed(0)} objects/game`,
      ],
    ];
    console.log('\nBrowser benchmark (headless Chromium, SwiftShader WebGL)\n');
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
  } finally {
    await browser.close();
    kit.server.close();
    bare.server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench-browser: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
