import { chromium } from '@playwright/test';
const PORT = 4181;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader','--ignore-gpu-blocklist','--disable-quic'] });
const mode = process.argv[2] ?? '';
const newPage = async () => {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript('globalThis.__name = (t) => t;' + (mode === 'rm' ? 'localStorage.setItem("rtk:settings", JSON.stringify({version:1,language:"fr",sound:false,volume:0.6,reducedMotion:"on"}));' : ''));
  return ctx.newPage();
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const readies: number[] = [];
for (let i = 0; i < 3; i++) {
  const p = await newPage();
  await p.goto(`http://127.0.0.1:${PORT}/#/game/play?scenario=coastal-estuary&seed=${i + 1}&teams=2`);
  await p.waitForFunction(() => performance.getEntriesByName('kit:game-ready').length > 0, null, { timeout: 60000 });
  readies.push(await p.evaluate(() => performance.getEntriesByName('kit:game-ready')[0]!.startTime));
  await p.context().close();
}
console.log('ready', readies.map((x) => x.toFixed(0)).join(' '));
const p = await newPage();
p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text()); });
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto(`http://127.0.0.1:${PORT}/#/game/play?scenario=coastal-estuary&seed=7&teams=2`);
await p.waitForSelector('.play[data-ready="true"]');
const frames = async (ms: number) => p.evaluate((dur) => new Promise<number[]>((done) => { const d: number[] = []; let last = performance.now(); const end = last + dur; const step = (n: number) => { d.push(n - last); last = n; if (n < end) requestAnimationFrame(step); else done(d.slice(1)); }; requestAnimationFrame(step); }), ms);
const f = await frames(5000);
console.log('frames n', f.length, 'p50', pct(f, 0.5).toFixed(1), 'p95', pct(f, 0.95).toFixed(1));
if (process.argv[3] === 'shot') await p.screenshot({ path: `/tmp/shot-${process.argv[4] ?? 'x'}.png` });
await b.close();
