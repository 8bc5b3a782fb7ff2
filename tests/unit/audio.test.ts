import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AMBIENT_IDS,
  AUDIO_DIR,
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

  it('committed files in assets/audio equal what the generator produces now', () => {
    let total = 0;
    for (const { name, bytes } of files()) {
      const path = join(AUDIO_DIR, name);
      const onDisk = readFileSync(path);
      total += statSync(path).size;
      expect(same(onDisk, bytes), `${name} is stale: run npx tsx tools/generate-audio.ts`).toBe(true);
    }
    expect(total).toBeLessThan(2.5 * 1000 * 1000);
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

  it('loads and plays nothing before it is enabled', () => {
    const captions: Caption[] = [];
    const bank = createSoundBank({ enabled: false, volume: 0.5 });
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.setVolume(0.8);
    bank.playAmbient('coastal-estuary');
    bank.play('build');
    expect(fake.FakeHowl.instances).toEqual([]);
    expect(fake.masterVolume).toEqual([]);
    expect(captions).toEqual([]);
    bank.dispose();
  });

  it('starts the wanted loop and preloads the cues when enabled, with captions', () => {
    const captions: Caption[] = [];
    const bank = createSoundBank({ enabled: false, volume: 0.5 });
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.playAmbient('coastal-estuary');
    bank.setEnabled(true);
    expect(fake.FakeHowl.instances).toHaveLength(6);
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

  it('switches loops, ignores scenarios without one and stops the loop on request', () => {
    const captions: Caption[] = [];
    const bank = createSoundBank({ enabled: true, volume: 1 });
    expect(fake.FakeHowl.instances).toEqual([]); // created enabled, but nothing needed yet
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.playAmbient('market-town-drought');
    bank.playAmbient('market-town-drought');
    const market = howlFor('market-town-drought.wav');
    expect(market.plays).toHaveLength(1);
    bank.playAmbient('forest-commune-wildfire');
    vi.advanceTimersByTime(1000);
    expect(market.unloaded).toBe(true);
    expect(howlFor('forest-commune-wildfire.wav').plays).toHaveLength(1);
    bank.playAmbient('custom-scenario');
    expect(captions.at(-1)).toEqual(['ambient', false]);
    bank.playAmbient('periurban-brownfield');
    bank.stopAmbient();
    expect(captions.at(-1)).toEqual(['ambient', false]);
    vi.advanceTimersByTime(1000);
    expect(fake.FakeHowl.instances.filter((h) => h.options.loop && !h.unloaded)).toEqual([]);
    bank.playAmbient('coastal-estuary');
    bank.stopAmbient();
    bank.dispose(); // a loop still fading out is unloaded too
    expect(fake.FakeHowl.instances.every((h) => h.unloaded)).toBe(true);
  });

  it('reports load failures through onError, not the console, and does not retry', () => {
    const errors: unknown[] = [];
    const captions: Caption[] = [];
    const consoleError = vi.spyOn(console, 'error');
    const bank = createSoundBank({ enabled: false, volume: 1, onError: (e) => errors.push(e) });
    bank.onCaption((cue, active) => captions.push([cue, active]));
    bank.setEnabled(true);
    const success = howlFor('success.wav');
    bank.play('success');
    success.options.onloaderror?.(null, 'Decoding audio data failed.');
    expect(errors).toEqual([{ asset: 'success', kind: 'load', message: 'Decoding audio data failed.' }]);
    expect(captions).toEqual([
      ['success', true],
      ['success', false],
    ]);
    const count = fake.FakeHowl.instances.length;
    bank.play('success');
    expect(fake.FakeHowl.instances).toHaveLength(count);
    expect(captions).toHaveLength(2);

    bank.playAmbient('coastal-estuary');
    howlFor('coastal-estuary.wav').options.onloaderror?.(null, 4);
    expect(errors.at(-1)).toEqual({ asset: 'coastal-estuary', kind: 'load', message: 'media error code 4' });
    expect(captions.at(-1)).toEqual(['ambient', false]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    bank.dispose();
  });

  it('keeps a throwing caption listener from breaking playback and unsubscribes', () => {
    const errors: unknown[] = [];
    const seen: Caption[] = [];
    const bank = createSoundBank({ enabled: true, volume: 1, onError: (e) => errors.push(e) });
    bank.onCaption(() => {
      throw new Error('listener failed');
    });
    const off = bank.onCaption((cue, active) => seen.push([cue, active]));
    bank.play('turn');
    expect(seen).toEqual([['turn', true]]);
    expect(errors).toEqual([{ asset: 'turn', kind: 'caption', message: 'listener failed' }]);
    off();
    bank.play('error');
    expect(seen).toHaveLength(1);
    bank.dispose();
  });
});
