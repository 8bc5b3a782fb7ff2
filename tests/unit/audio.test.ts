import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AMBIENT_IDS,
  type AudioFile,
  EFFECT_IDS,
  encodeWav,
  generateAudioFiles,
  SAMPLE_RATE,
  synthesizeAmbient,
  synthesizeEffect,
  toPcm16,
  WAV_HEADER_BYTES,
} from '../../tools/generate-audio.ts';

// ---------------------------------------------------------------------------------------------
// A Howler double: records every Howl and lets a test fire its callbacks.
// ---------------------------------------------------------------------------------------------

interface FakeOptions {
  src: string[];
  loop?: boolean;
  volume?: number;
  onend?: (id: number) => void;
  onstop?: (id: number) => void;
  onloaderror?: (id: number | null, error: unknown) => void;
  onplayerror?: (id: number, error: unknown) => void;
}

const fake = vi.hoisted(() => {
  class FakeHowl {
    static instances: FakeHowl[] = [];
    static nextId = 1;
    readonly plays: number[] = [];
    unloaded = false;
    constructor(readonly options: FakeOptions) {
      FakeHowl.instances.push(this);
    }
    play(): number {
      const id = FakeHowl.nextId++;
      this.plays.push(id);
      return id;
    }
    stop(): this {
      return this;
    }
    fade(): this {
      return this;
    }
    volume(): number {
      return 0.6;
    }
    state(): string {
      return 'loaded';
    }
    unload(): null {
      this.unloaded = true;
      return null;
    }
  }
  return { FakeHowl, masterVolume: [] as number[] };
});

vi.mock('howler', () => ({
  Howl: fake.FakeHowl,
  Howler: { volume: (v: number) => fake.masterVolume.push(v) },
}));

const { createSoundBank } = await import('../../src/audio/sound.ts');
type SoundSource = import('../../src/audio/sound-source.ts').SoundSource;

/** Sounds "made" at once, as blob URLs named after the sound; records what was asked. */
function fakeSource(fail: readonly string[] = []): SoundSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    url(id) {
      asked.push(id);
      return fail.includes(id) ? Promise.reject(new Error(`could not make ${id}`)) : Promise.resolve(`blob:kit/${id}.wav`);
    },
  };
}

/** Lets the sounds being made arrive (promise callbacks), without moving the fake clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

// ---------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------

let cached: AudioFile[] | null = null;
function files(): AudioFile[] {
  cached ??= generateAudioFiles();
  return cached;
}

/** A second, independent synthesis of every file (floating-point samples, before encoding). */
const synthCache = new Map<string, Float64Array>();
function synth(id: string): Float64Array {
  let samples = synthCache.get(id);
  if (!samples) {
    samples = (AMBIENT_IDS as readonly string[]).includes(id)
      ? synthesizeAmbient(id as (typeof AMBIENT_IDS)[number])
      : synthesizeEffect(id as (typeof EFFECT_IDS)[number]);
    synthCache.set(id, samples);
  }
  return samples;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function pcmOf(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pcm = new Int16Array((bytes.length - WAV_HEADER_BYTES) / 2);
  for (let i = 0; i < pcm.length; i++) pcm[i] = view.getInt16(WAV_HEADER_BYTES + i * 2, true);
  return pcm;
}

function seconds(bytes: Uint8Array): number {
  return (bytes.length - WAV_HEADER_BYTES) / 2 / SAMPLE_RATE;
}

describe('audio generator', () => {
  it('is deterministic: two runs give the same bytes', () => {
    for (const file of files()) {
      expect(same(encodeWav(toPcm16(synth(file.id))), file.bytes), file.name).toBe(true);
    }
  });

  it('makes one loop per scenario and the five effects', () => {
    expect(files().map((f) => f.name)).toEqual([...AMBIENT_IDS, ...EFFECT_IDS].map((id) => `${id}.wav`));
  });

  it('writes valid RIFF/WAVE headers: PCM, mono, 16-bit, 22050 Hz, right sizes', () => {
    for (const { name, bytes } of files()) {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
      expect(text(0), name).toBe('RIFF');
      expect(view.getUint32(4, true), name).toBe(bytes.length - 8);
      expect(text(8), name).toBe('WAVE');
      expect(text(12), name).toBe('fmt ');
      expect(view.getUint32(16, true), name).toBe(16);
      expect(view.getUint16(20, true), name).toBe(1);
      expect(view.getUint16(22, true), name).toBe(1);
      expect(view.getUint32(24, true), name).toBe(SAMPLE_RATE);
      expect(view.getUint32(28, true), name).toBe(SAMPLE_RATE * 2);
      expect(view.getUint16(32, true), name).toBe(2);
      expect(view.getUint16(34, true), name).toBe(16);
      expect(text(36), name).toBe('data');
      expect(view.getUint32(40, true), name).toBe(bytes.length - WAV_HEADER_BYTES);
    }
  });

  it('encodes samples little-endian after the header', () => {
    const bytes = encodeWav(new Int16Array([0, 1, -1, 32767, -32768]));
    expect(bytes.length).toBe(WAV_HEADER_BYTES + 10);
    expect([...bytes.subarray(WAV_HEADER_BYTES)]).toEqual([0, 0, 1, 0, 255, 255, 255, 127, 0, 128]);
  });

  it('keeps loops within 12-20 s and effects within 0.3-1.5 s', () => {
    for (const { name, kind, bytes } of files()) {
      const s = seconds(bytes);
      if (kind === 'ambient') {
        expect(s, name).toBeGreaterThanOrEqual(12);
        expect(s, name).toBeLessThanOrEqual(20);
      } else {
        expect(s, name).toBeGreaterThanOrEqual(0.3);
        expect(s, name).toBeLessThanOrEqual(1.5);
      }
    }
  });

  it('stays within 16-bit range without clipping, and is not silent', () => {
    for (const id of [...AMBIENT_IDS, ...EFFECT_IDS]) {
      const samples = synth(id);
      let max = 0;
      let nonFinite = 0;
      for (const s of samples) {
        if (!Number.isFinite(s)) nonFinite++;
        max = Math.max(max, Math.abs(s));
      }
      expect(nonFinite, id).toBe(0);
      expect(max, id).toBeLessThan(1);
      expect(max, id).toBeGreaterThan(0.2);
      let low = 0;
      let high = 0;
      for (const v of toPcm16(samples)) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
      expect(high, id).toBeLessThan(32767);
      expect(low, id).toBeGreaterThan(-32768);
    }
  });

  it('loops seamlessly and starts and ends effects at silence', () => {
    for (const { name, kind, bytes } of files()) {
      const pcm = pcmOf(bytes);
      const first = pcm[0] ?? 0;
      const last = pcm[pcm.length - 1] ?? 0;
      if (kind === 'ambient') {
        // The jump from the last sample back to the first is no larger than steps inside the loop.
        let largest = 0;
        for (let i = 1; i < pcm.length; i++) largest = Math.max(largest, Math.abs((pcm[i] ?? 0) - (pcm[i - 1] ?? 0)));
        expect(Math.abs(last - first), name).toBeLessThanOrEqual(largest);
      } else {
        expect(first, name).toBe(0);
        expect(Math.abs(last), name).toBeLessThan(100);
      }
    }
  });

  it('makes the very sounds the kit shipped as WAV files before (SHA-256 of each file)', () => {
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(Object.fromEntries(files().map((f) => [f.name, sha(f.bytes)]))).toEqual({
      'market-town-drought.wav': '088891ac78137898cb1b96371273d4b1927cc854afe87fce5b5cfbe10c535ef9',
      'forest-commune-wildfire.wav': 'a6abd80636c8283da5e9611d5b67c082b52a9cdfa4bff6fb9d5911b58274e8fa',
      'coastal-estuary.wav': 'e5c2812eb9b747897169d60fadcb4bcd3d78c4976554740f2ca6d08b593f5c0d',
      'periurban-brownfield.wav': '361cf4dc10c5d0bdd4da541c2fc019711219322c1b7f25c48276ac7a915305a5',
      'build.wav': '24ab88cf76ac2f45903f7a62693ccccd33fdafe8faee2a615b96b386d4c7f794',
      'hazard.wav': 'bc4ecc9b06a6f8394248ade98de7aff6dfe1abd76a3c94e60f197eee3f7a2f0c',
      'success.wav': '6663fc87f3b7894dd20e5d56b5ffb64eafce34099cfbded7cedeef71230d9ff7',
      'turn.wav': '2f5a450457a469fdc26236ac328e84bfd6db4dd86503b5b582cd98696bbc5e5c',
      'error.wav': '87241b8d83b176163b755cc9b91881aab506290d2ba5a6728ea4a4c903e72d09',
    });
  });

  it('ships no audio file: the repository holds none for the build to bundle', () => {
    expect(existsSync(new URL('../../assets/audio/', import.meta.url))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Howler wrapper
// ---------------------------------------------------------------------------------------------

type Caption = [string, boolean];

describe('sound bank', () => {
  beforeEach(() => {
    fake.FakeHowl.instances = [];
    fake.masterVolume.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function howlFor(file: string) {
    const howl = fake.FakeHowl.instances.find((h) => h.options.src[0]?.endsWith(file) && !h.unloaded);
    if (!howl) throw new Error(`no Howl for ${file}`);
    return howl;
  }

  it('makes, loads and plays nothing before it is enabled', async () => {
    const captions: Caption[] = [];
    const source = fakeSource();
    const bank = createSoundBank({ enabled: false, volume: 0.5, source });
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.setVolume(0.8);
    bank.playAmbient('coastal-estuary');
    bank.play('build');
    await flush();
    expect(source.asked).toEqual([]);
    expect(fake.FakeHowl.instances).toEqual([]);
    expect(fake.masterVolume).toEqual([]);
    expect(captions).toEqual([]);
    bank.dispose();
  });

  it('starts the wanted loop and preloads the cues when enabled, with captions', async () => {
    const captions: Caption[] = [];
    const source = fakeSource();
    const bank = createSoundBank({ enabled: false, volume: 0.5, source });
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.playAmbient('coastal-estuary');
    bank.setEnabled(true);
    expect(source.asked).toEqual(['build', 'hazard', 'success', 'turn', 'error', 'coastal-estuary']);
    await flush();
    expect(fake.FakeHowl.instances).toHaveLength(6);
    expect(fake.FakeHowl.instances.every((h) => (h.options as { format?: string[] }).format?.[0] === 'wav')).toBe(true);
    expect(fake.masterVolume).toEqual([0.5]);
    const loop = howlFor('coastal-estuary.wav');
    expect(loop.options.loop).toBe(true);
    expect(loop.plays).toHaveLength(1);
    expect(captions).toEqual([['ambient', true]]);

    bank.play('build');
    bank.play('build');
    const build = howlFor('build.wav');
    expect(build.plays).toHaveLength(2);
    expect(captions.slice(1)).toEqual([
      ['build', true],
      ['build', true],
    ]);
    build.options.onend?.(build.plays[0] ?? 0);
    expect(captions).toHaveLength(3); // the second copy still sounds
    build.options.onend?.(build.plays[1] ?? 0);
    expect(captions.at(-1)).toEqual(['build', false]);

    bank.play('hazard');
    vi.advanceTimersByTime(3000); // the end was never reported: the caption still clears
    expect(captions.at(-1)).toEqual(['hazard', false]);

    bank.setVolume(2);
    expect(fake.masterVolume.at(-1)).toBe(1);

    bank.setEnabled(false);
    expect(loop.unloaded).toBe(true);
    expect(captions.at(-1)).toEqual(['ambient', false]);
    bank.dispose();
    expect(fake.FakeHowl.instances.every((h) => h.unloaded)).toBe(true);
  });

  it('plays a cue asked for while its sound is still being made, once it is ready', async () => {
    const captions: Caption[] = [];
    const bank = createSoundBank({ enabled: true, volume: 1, source: fakeSource() });
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.play('turn');
    expect(captions).toEqual([]);
    await flush();
    expect(howlFor('turn.wav').plays).toHaveLength(1);
    expect(captions).toEqual([['turn', true]]);
    bank.dispose();
  });

  it('switches loops, ignores scenarios without one and stops the loop on request', async () => {
    const captions: Caption[] = [];
    const bank = createSoundBank({ enabled: true, volume: 1, source: fakeSource() });
    expect(fake.FakeHowl.instances).toEqual([]); // created enabled, but nothing needed yet
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.playAmbient('market-town-drought');
    bank.playAmbient('market-town-drought');
    await flush();
    const market = howlFor('market-town-drought.wav');
    expect(market.plays).toHaveLength(1);
    expect(captions).toEqual([['ambient', true]]);
    bank.playAmbient('forest-commune-wildfire');
    await flush();
    vi.advanceTimersByTime(1000);
    expect(market.unloaded).toBe(true);
    expect(howlFor('forest-commune-wildfire.wav').plays).toHaveLength(1);
    bank.playAmbient('custom-scenario');
    expect(captions.at(-1)).toEqual(['ambient', false]);
    bank.playAmbient('periurban-brownfield');
    bank.stopAmbient(); // before its sound was made: it never starts
    await flush();
    expect(fake.FakeHowl.instances.some((h) => h.options.src[0]?.endsWith('periurban-brownfield.wav'))).toBe(false);
    expect(captions.at(-1)).toEqual(['ambient', false]);
    vi.advanceTimersByTime(1000);
    expect(fake.FakeHowl.instances.filter((h) => h.options.loop && !h.unloaded)).toEqual([]);
    bank.playAmbient('coastal-estuary');
    await flush();
    bank.stopAmbient();
    bank.dispose(); // a loop still fading out is unloaded too
    expect(fake.FakeHowl.instances.every((h) => h.unloaded)).toBe(true);
  });

  it('reports load failures through onError, not the console, and does not retry', async () => {
    const errors: unknown[] = [];
    const captions: Caption[] = [];
    const consoleError = vi.spyOn(console, 'error');
    const source = fakeSource(['turn']);
    const bank = createSoundBank({ enabled: false, volume: 1, onError: (e) => errors.push(e), source });
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.setEnabled(true);
    await flush();
    expect(errors).toEqual([{ asset: 'turn', kind: 'load', message: 'could not make turn' }]);
    bank.play('turn');
    await flush();
    expect(source.asked.filter((id) => id === 'turn')).toHaveLength(1);
    const success = howlFor('success.wav');
    bank.play('success');
    success.options.onloaderror?.(null, 'Decoding audio data failed.');
    expect(errors.at(-1)).toEqual({ asset: 'success', kind: 'load', message: 'Decoding audio data failed.' });
    expect(captions).toEqual([
      ['success', true],
      ['success', false],
    ]);
    const count = fake.FakeHowl.instances.length;
    bank.play('success');
    await flush();
    expect(fake.FakeHowl.instances).toHaveLength(count);
    expect(captions).toHaveLength(2);

    bank.playAmbient('coastal-estuary');
    await flush();
    howlFor('coastal-estuary.wav').options.onloaderror?.(null, 4);
    expect(errors.at(-1)).toEqual({ asset: 'coastal-estuary', kind: 'load', message: 'media error code 4' });
    expect(captions.at(-1)).toEqual(['ambient', false]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    bank.dispose();
  });

  it('keeps a throwing caption listener from breaking playback and unsubscribes', async () => {
    const errors: unknown[] = [];
    const seen: Caption[] = [];
    const bank = createSoundBank({ enabled: true, volume: 1, onError: (e) => errors.push(e), source: fakeSource() });
    bank.onCaption(() => {
      throw new Error('listener failed');
    });
    const off = bank.onCaption((cue, active) => seen.push([cue, active]));
    bank.play('turn');
    await flush();
    expect(seen).toEqual([['turn', true]]);
    expect(errors).toEqual([{ asset: 'turn', kind: 'caption', message: 'listener failed' }]);
    off();
    bank.play('error');
    await flush();
    expect(seen).toHaveLength(1);
    bank.dispose();
  });
});
