/**
 * The kit ships no audio file: every sound is synthesised on the device. Chromium decodes each one
 * as the build makes it, and a game with sound on plays its loop with its caption.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, open, test } from './fixtures.ts';
import { gameReady } from './game-helpers.ts';

const ASSETS = fileURLToPath(new URL('../../dist/assets/', import.meta.url));

/** Samples at 22050 Hz: 12 s loops; effects of 0.9, 1.2, 1.0, 0.3 and 0.45 s. */
const LENGTHS: Record<string, number> = {
  'market-town-drought': 264_600,
  'forest-commune-wildfire': 264_600,
  'coastal-estuary': 264_600,
  'periurban-brownfield': 264_600,
  build: 19_845,
  hazard: 26_460,
  success: 22_050,
  turn: 6_615,
  error: 9_923,
};

test('the build carries no audio file, and Chromium decodes every sound its worker makes', async ({ page }) => {
  const files = readdirSync(ASSETS);
  expect(files.filter((name) => /\.(wav|mp3|ogg|opus|m4a|webm)$/.test(name))).toEqual([]);
  const worker = files.find((name) => /^synthesis-worker-.*\.js$/.test(name));
  expect(worker).toBeDefined();
  await open(page);
  const decoded = await page.evaluate(
    async ({ url, ids }) => {
      const synth = new Worker(url, { type: 'module' });
      const out: Record<string, { length: number; sampleRate: number; peak: number }> = {};
      for (const id of ids) {
        const bytes = await new Promise<Uint8Array>((resolve, reject) => {
          synth.onmessage = (event: MessageEvent<{ bytes?: Uint8Array; error?: string }>) =>
            event.data.bytes ? resolve(event.data.bytes) : reject(new Error(event.data.error));
          synth.postMessage({ id });
        });
        const context = new OfflineAudioContext(1, 1, 22050);
        const buffer = await context.decodeAudioData(bytes.buffer as ArrayBuffer);
        let peak = 0;
        for (const s of buffer.getChannelData(0)) peak = Math.max(peak, Math.abs(s));
        out[id] = { length: buffer.length, sampleRate: buffer.sampleRate, peak };
      }
      synth.terminate();
      return out;
    },
    { url: `./assets/${worker}`, ids: Object.keys(LENGTHS) },
  );
  for (const [id, length] of Object.entries(LENGTHS)) {
    expect(decoded[id]?.length, id).toBe(length);
    expect(decoded[id]?.sampleRate, id).toBe(22050);
    expect(decoded[id]?.peak, id).toBeGreaterThan(0.2);
    expect(decoded[id]?.peak, id).toBeLessThan(1);
  }
});

test('with sound on, a game plays its ambient loop and shows its caption', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Réglages' }).click();
  await page.getByRole('dialog', { name: 'Réglages' }).getByLabel('Activer le son').check();
  await page.getByRole('dialog', { name: 'Réglages' }).getByRole('button', { name: 'Fermer' }).click();
  await page.goto('./#/game/play?scenario=coastal-estuary&seed=3&teams=1&difficulty=normal&rounds=4&name=Solo');
  await gameReady(page);
  await expect(page.locator('.captions')).toHaveText('♪ Son\u00a0: ambiance du territoire', { timeout: 15_000 });
});
