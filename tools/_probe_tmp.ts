import { chromium } from '@playwright/test';
const PORT = 4181;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader','--ignore-gpu-blocklist','--disable-quic'] });
const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
await ctx.addInitScript('globalThis.__name = (t) => t;');
const p = await ctx.newPage();
await p.goto(`http://127.0.0.1:${PORT}/#/game/play?scenario=coastal-estuary&seed=7&teams=2`);
await p.waitForSelector('.play[data-ready="true"]');
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const frames = async (ms: number) => p.evaluate((dur) => new Promise<number[]>((done) => { const d: number[] = []; let last = performance.now(); const end = last + dur; const step = (n: number) => { d.push(n - last); last = n; if (n < end) requestAnimationFrame(step); else done(d.slice(1)); }; requestAnimationFrame(step); }), ms);
const run = async (name: string, code: string) => {
  await p.evaluate(code);
  const f = await frames(3000);
  console.log(name.padEnd(20), 'n', f.length, 'p50', pct(f, 0.5).toFixed(1), 'p95', pct(f, 0.95).toFixed(1));
};
const S = `var s=globalThis.__game.scene.getScene('Map');`;
for (const a of process.argv.slice(2)) {
  const [name, code] = a.split('::');
  await run(name!, S + code);
}
await b.close();
