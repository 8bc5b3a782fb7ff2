import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { synthesizedSource } from '../../src/audio/sound-source.ts';

// Node has no Web Worker: the source makes the sounds on the main thread, as a page from file:// would.
describe('synthesised sound source without a worker', () => {
  it('gives each sound a WAV blob URL once, and the same URL when asked again', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const source = synthesizedSource();
    const [first, again] = await Promise.all([source.url('turn'), source.url('turn')]);
    expect(first).toMatch(/^blob:/);
    expect(again).toBe(first);
    const blob = resolveObjectURL(first);
    expect(blob?.type).toBe('audio/wav');
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    // 44-byte header + 6615 samples of 16 bits (0.3 s at 22050 Hz).
    expect(bytes.length).toBe(44 + 6615 * 2);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('RIFF');
    expect(String.fromCharCode(...bytes.subarray(8, 12))).toBe('WAVE');
    expect(await source.url('error')).not.toBe(first);
  });
});
