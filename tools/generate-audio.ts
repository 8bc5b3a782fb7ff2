/**
 * npx tsx tools/generate-audio.ts
 * Synthesises every sound of the game into assets/audio/ as 16-bit PCM mono WAV files at 22050 Hz:
 * one ambient loop per scenario and five short effects. No recorded or downloaded audio is used.
 * Noise comes from a seeded PRNG, so every run writes byte-identical files (tests/unit/audio.test.ts
 * checks that the committed files equal what this script produces now).
 *
 * Loops are seamless: tonal layers use frequencies with a whole number of cycles per loop, events
 * that overrun the loop end wrap round to its start, and noise layers are rendered past the loop end
 * and crossfaded (equal power) into the loop start.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_RATE = 22050;

export const AMBIENT_IDS = ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield'] as const;
export type AmbientId = (typeof AMBIENT_IDS)[number];

export const EFFECT_IDS = ['build', 'hazard', 'success', 'turn', 'error'] as const;
export type EffectId = (typeof EFFECT_IDS)[number];

/** Loop lengths in seconds (short loops keep the whole set small). */
export const AMBIENT_SECONDS: Readonly<Record<AmbientId, number>> = {
  'market-town-drought': 12,
  'forest-commune-wildfire': 12,
  'coastal-estuary': 12,
  'periurban-brownfield': 12,
};

/** Effect lengths in seconds. */
export const EFFECT_SECONDS: Readonly<Record<EffectId, number>> = {
  build: 0.9,
  hazard: 1.2,
  success: 1.0,
  turn: 0.3,
  error: 0.45,
};

/** Peak levels after normalisation: loops sit under the effects. */
const AMBIENT_PEAK = 0.5;
const EFFECT_PEAK = 0.8;
const LOOP_CROSSFADE_SECONDS = 1.5;
/** Noise filters run this long before the first kept sample so they start settled. */
const FILTER_WARMUP_SECONDS = 0.5;
const TAU = Math.PI * 2;

// ---------------------------------------------------------------------------------------------
// Seeded randomness and small DSP helpers
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small, fast, well-distributed 32-bit PRNG returning values in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a name, used to give each file (and each layer) its own noise seed. */
function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type FilterType = 'lowpass' | 'highpass' | 'bandpass';

/** RBJ biquad; coefficients can be changed while running for slowly swept filters. */
class Biquad {
  private b0 = 0;
  private b1 = 0;
  private b2 = 0;
  private a1 = 0;
  private a2 = 0;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(type: FilterType, frequency: number, q: number) {
    this.set(type, frequency, q);
  }

  set(type: FilterType, frequency: number, q: number): void {
    const w = (TAU * Math.min(frequency, SAMPLE_RATE * 0.45)) / SAMPLE_RATE;
    const cos = Math.cos(w);
    const alpha = Math.sin(w) / (2 * q);
    const a0 = 1 + alpha;
    let b0: number;
    let b1: number;
    let b2: number;
    if (type === 'lowpass') {
      b0 = (1 - cos) / 2;
      b1 = 1 - cos;
      b2 = b0;
    } else if (type === 'highpass') {
      b0 = (1 + cos) / 2;
      b1 = -(1 + cos);
      b2 = b0;
    } else {
      b0 = alpha;
      b1 = 0;
      b2 = -alpha;
    }
    this.b0 = b0 / a0;
    this.b1 = b1 / a0;
    this.b2 = b2 / a0;
    this.a1 = (-2 * cos) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  process(x: number): number {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

function white(rng: () => number): number {
  return rng() * 2 - 1;
}

/** Rounds a frequency to a whole number of cycles per `period` seconds, so it loops cleanly. */
function cyc(frequency: number, period: number): number {
  return Math.max(1, Math.round(frequency * period)) / period;
}

/** A slow sine LFO in [0, 1] with a whole number of cycles per loop. */
function lfo(t: number, period: number, cycles: number, phase = 0): number {
  return 0.5 + 0.5 * Math.sin((TAU * cycles * t) / period + phase);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function rms(samples: Float64Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

function peak(samples: Float64Array): number {
  let max = 0;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  return max;
}

function scaleTo(samples: Float64Array, target: number, measure: number): Float64Array {
  const gain = measure > 0 ? target / measure : 0;
  for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] ?? 0) * gain;
  return samples;
}

/** Sum of harmonics of `frequency`: weights[k] is the amplitude of harmonic k + 1. */
function harmonics(t: number, frequency: number, weights: readonly number[], phase = 0): number {
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += (weights[k] ?? 0) * Math.sin((k + 1) * (TAU * frequency * t + phase));
  return sum;
}

/**
 * A slowly breathing chord; every frequency (and its slightly detuned twin) has a whole number of
 * cycles per loop. Peak level stays below about 1.
 */
function pad(period: number, notes: readonly number[], weights: readonly number[]): (t: number) => number {
  const voices = notes.map((note, i) => {
    const f = cyc(note, period);
    return { f, twin: f + 2 / period, cycles: 1 + (i % 2), phase: i * 1.7, detunedPhase: i * 2.3, index: i };
  });
  const norm = notes.length * 1.6 * weights.reduce((a, b) => a + b, 0);
  return (t) => {
    let sum = 0;
    for (const v of voices) {
      const swell = 0.45 + 0.55 * lfo(t, period, v.cycles, v.phase);
      sum += swell * (harmonics(t, v.f, weights, v.index) + 0.6 * harmonics(t, v.twin, weights, v.detunedPhase));
    }
    return sum / norm;
  };
}

interface LoopEvent {
  start: number;
  length: number;
  render: (dt: number) => number;
}

/** Sums the events sounding at time t; an event that overruns the loop end continues at its start. */
function events(t: number, period: number, list: readonly LoopEvent[]): number {
  let sum = 0;
  for (const e of list) {
    let dt = t - e.start;
    if (dt < 0) dt += period;
    if (dt < e.length) sum += e.render(dt);
  }
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Ambient loops
// ---------------------------------------------------------------------------------------------

/** Periodic content, evaluated at t in [0, period); `gain` scales the raw values. */
interface TonalLayer {
  kind: 'tonal';
  gain: number;
  at: (t: number) => number;
}

/**
 * Noise content rendered sample by sample; `gain` is the layer's RMS level in the mix.
 * `next(rng, t)` returns the sample at time t (t runs from before 0 to past the loop end).
 */
interface TextureLayer {
  kind: 'texture';
  gain: number;
  make: () => (rng: () => number, t: number) => number;
}

type Layer = TonalLayer | TextureLayer;

function renderLoop(id: string, period: number, layers: readonly Layer[]): Float64Array {
  const n = Math.round(period * SAMPLE_RATE);
  const fade = Math.round(LOOP_CROSSFADE_SECONDS * SAMPLE_RATE);
  const warm = Math.round(FILTER_WARMUP_SECONDS * SAMPLE_RATE);
  const out = new Float64Array(n);
  layers.forEach((layer, index) => {
    if (layer.kind === 'tonal') {
      for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) + layer.gain * layer.at(i / SAMPLE_RATE);
      return;
    }
    const rng = mulberry32(seedOf(`${id}#${index}`));
    const next = layer.make();
    const raw = new Float64Array(warm + n + fade);
    for (let j = 0; j < raw.length; j++) raw[j] = next(rng, (j - warm) / SAMPLE_RATE);
    const looped = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const body = raw[warm + i] ?? 0;
      if (i < fade) {
        // Equal-power crossfade: the loop starts with the material that follows its own end.
        const u = (i / fade) * (Math.PI / 2);
        looped[i] = body * Math.sin(u) + (raw[warm + n + i] ?? 0) * Math.cos(u);
      } else {
        looped[i] = body;
      }
    }
    scaleTo(looped, layer.gain, rms(looped));
    for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) + (looped[i] ?? 0);
  });
  return scaleTo(out, AMBIENT_PEAK, peak(out));
}

/** Filtered white noise shaped by a time-varying gain; the filter can be swept by `tune`. */
function noiseLayer(
  gain: number,
  type: FilterType,
  frequency: number,
  q: number,
  amplitude: (t: number) => number = () => 1,
  tune?: (t: number) => number,
  stages = 1,
): TextureLayer {
  return {
    kind: 'texture',
    gain,
    make: () => {
      const filters = Array.from({ length: stages }, () => new Biquad(type, frequency, q));
      let count = 0;
      return (rng, t) => {
        if (tune && count++ % 32 === 0) for (const f of filters) f.set(type, tune(t), q);
        let x = white(rng);
        for (const f of filters) x = f.process(x);
        return x * amplitude(t);
      };
    },
  };
}

function marketTownDrought(period: number): Float64Array {
  // Dry heat: two bands of cicada-like shimmer pulsing in slow choruses over a warm D major pad.
  const chorus = (t: number, cycles: number, phase: number) => 0.15 + 0.85 * lfo(t, period, cycles, phase) ** 2;
  const buzz = (t: number, rate: number) => (0.5 + 0.5 * Math.sin(TAU * cyc(rate, period) * t)) ** 4;
  return renderLoop('market-town-drought', period, [
    { kind: 'tonal', gain: 0.9, at: pad(period, [73.42, 146.83, 220, 369.99], [1, 0.3, 0.12]) },
    noiseLayer(0.11, 'bandpass', 4700, 6, (t) => chorus(t, 3, 0) * (0.35 + 0.65 * buzz(t, 42))),
    noiseLayer(0.07, 'bandpass', 6200, 8, (t) => chorus(t, 2, 2.2) * (0.35 + 0.65 * buzz(t, 55))),
    noiseLayer(0.06, 'lowpass', 420, 0.7, (t) => 0.7 + 0.3 * lfo(t, period, 1, 0.5)),
  ]);
}

function forestCommuneWildfire(period: number): Float64Array {
  // Wind in pines: swept band of noise in gusts, a needle-like hiss on the strongest gusts, a soft A minor pad.
  const gust = (t: number) =>
    clamp01(
      0.5 +
        0.3 * Math.sin((TAU * t) / period + 0.4) +
        0.15 * Math.sin((TAU * 3 * t) / period + 1.9) +
        0.05 * Math.sin((TAU * 7 * t) / period),
    );
  return renderLoop('forest-commune-wildfire', period, [
    noiseLayer(
      0.2,
      'bandpass',
      500,
      0.9,
      (t) => 0.35 + 0.65 * gust(t),
      (t) => 300 + 650 * gust(t),
    ),
    noiseLayer(0.05, 'highpass', 2600, 0.7, (t) => gust(t) ** 2),
    noiseLayer(0.08, 'lowpass', 120, 0.7, (t) => 0.6 + 0.4 * gust(t)),
    { kind: 'tonal', gain: 0.55, at: pad(period, [110, 164.81, 220, 261.63], [1, 0.2]) },
  ]);
}

/** A gull-like cry: a quick rise then a falling glide, with a few harmonics for its nasal tone. */
function gull(start: number, length: number, base: number, level: number): LoopEvent {
  // f(u) = base + a·u − b·u², peaking at u = 0.3 and ending 23 % lower; phase is its integral.
  const b = base * 0.58;
  const a = 0.6 * b;
  return {
    start,
    length,
    render: (dt) => {
      const u = dt / length;
      const phase = TAU * (base * dt + (a * dt * dt) / (2 * length) - (b * dt * dt * dt) / (3 * length * length));
      const env = Math.sin(Math.PI * u) ** 0.7 * (1 - 0.3 * u);
      return level * env * (Math.sin(phase) + 0.4 * Math.sin(2 * phase) + 0.18 * Math.sin(3 * phase));
    },
  };
}

function coastalEstuary(period: number): Float64Array {
  // Sea swell: noise that opens and brightens with each wave (two overlapping wave trains), foam on
  // the crests, a low bed, and a few distant gull cries.
  const wave = (t: number, cycles: number, offset: number) => {
    const p = ((((cycles * t) / period + offset) % 1) + 1) % 1;
    return p < 0.3 ? Math.sin((Math.PI / 2) * (p / 0.3)) ** 2 : (0.5 + 0.5 * Math.cos((Math.PI * (p - 0.3)) / 0.7)) ** 1.5;
  };
  const swell = (t: number) => 0.6 * wave(t, 2, 0) + 0.4 * wave(t, 3, 0.37);
  const cries: LoopEvent[] = [
    gull(2.0, 0.3, 1320, 0.5),
    gull(2.42, 0.26, 1400, 0.4),
    gull(2.8, 0.34, 1260, 0.45),
    gull(7.45, 0.28, 1480, 0.3),
    gull(7.85, 0.32, 1380, 0.28),
  ];
  return renderLoop('coastal-estuary', period, [
    noiseLayer(
      0.22,
      'lowpass',
      400,
      0.7,
      (t) => 0.25 + 0.75 * swell(t),
      (t) => 250 + 900 * swell(t),
      2,
    ),
    noiseLayer(0.05, 'highpass', 1800, 0.7, (t) => swell(t) ** 2),
    noiseLayer(0.08, 'lowpass', 200, 0.7),
    { kind: 'tonal', gain: 0.16, at: (t) => events(t, period, cries) },
    { kind: 'tonal', gain: 0.25, at: pad(period, [98, 146.83], [1, 0.15]) },
  ]);
}

/** A soft bell-like note for the brownfield melody. */
function softBell(start: number, frequency: number): LoopEvent {
  return {
    start,
    length: 3,
    render: (dt) => {
      const env = (1 - Math.exp(-dt / 0.015)) * Math.exp(-dt / 0.9);
      const w = TAU * frequency * dt;
      return env * (Math.sin(w) + 0.2 * Math.sin(2 * w) + 0.05 * Math.exp(-dt / 0.2) * Math.sin(3 * w));
    },
  };
}

function periurbanBrownfield(period: number): Float64Array {
  // Distant city: mains-like hum, a low traffic rumble that swells and recedes, a light C major pad and
  // a slow pentatonic melody of soft bells.
  const melody = [
    softBell(0.8, 659.25),
    softBell(2.3, 783.99),
    softBell(3.8, 587.33),
    softBell(6.8, 880),
    softBell(8.3, 783.99),
    softBell(9.8, 659.25),
  ];
  return renderLoop('periurban-brownfield', period, [
    {
      kind: 'tonal',
      gain: 0.12,
      at: (t) => (0.85 + 0.15 * lfo(t, period, 5)) * harmonics(t, cyc(50, period), [0.5, 0.6, 0.3, 0.2]),
    },
    noiseLayer(0.16, 'lowpass', 180, 0.7, (t) => 0.6 + 0.4 * lfo(t, period, 1, 1) * lfo(t, period, 2)),
    noiseLayer(0.025, 'bandpass', 900, 0.5, (t) => 0.5 + 0.5 * lfo(t, period, 1, 2.5)),
    { kind: 'tonal', gain: 0.55, at: pad(period, [130.81, 196, 293.66, 329.63], [1, 0.25, 0.08]) },
    { kind: 'tonal', gain: 0.13, at: (t) => events(t, period, melody) },
  ]);
}

/** The ambient loop of a scenario as floating-point samples in [-1, 1]. */
export function synthesizeAmbient(id: AmbientId): Float64Array {
  const period = AMBIENT_SECONDS[id];
  switch (id) {
    case 'market-town-drought':
      return marketTownDrought(period);
    case 'forest-commune-wildfire':
      return forestCommuneWildfire(period);
    case 'coastal-estuary':
      return coastalEstuary(period);
    case 'periurban-brownfield':
      return periurbanBrownfield(period);
  }
}

// ---------------------------------------------------------------------------------------------
// Effects
// ---------------------------------------------------------------------------------------------

function renderEffect(seconds: number, at: (t: number) => number): Float64Array {
  const n = Math.round(seconds * SAMPLE_RATE);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = at(i / SAMPLE_RATE);
  return out;
}

/** Short fades at both ends so an effect never starts or stops with a click, then peak normalisation. */
function finishEffect(samples: Float64Array): Float64Array {
  const fadeIn = Math.round(0.002 * SAMPLE_RATE);
  const fadeOut = Math.round(0.02 * SAMPLE_RATE);
  const n = samples.length;
  for (let i = 0; i < fadeIn; i++) samples[i] = (samples[i] ?? 0) * (i / fadeIn);
  for (let i = 0; i < fadeOut; i++) samples[n - 1 - i] = (samples[n - 1 - i] ?? 0) * (i / fadeOut);
  return scaleTo(samples, EFFECT_PEAK, peak(samples));
}

/** A struck tone with a quick attack and exponential decay; partials are [ratio, level, decay] triples. */
function strike(dt: number, frequency: number, decay: number, partials: readonly (readonly [number, number, number])[]): number {
  if (dt < 0) return 0;
  let sum = 0;
  for (const [ratio, level, partialDecay] of partials)
    sum += level * Math.exp(-dt / partialDecay) * Math.sin(TAU * ratio * frequency * dt);
  return (1 - Math.exp(-dt / 0.003)) * Math.exp(-dt / decay) * sum;
}

function buildCue(): Float64Array {
  // Bright rising chime: C6 E6 G6 C7 in quick succession, bell partials fading faster than the body.
  const notes = [1046.5, 1318.51, 1567.98, 2093];
  const bell = [
    [1, 1, 10],
    [2.01, 0.35, 0.08],
    [3, 0.15, 0.05],
  ] as const;
  return finishEffect(
    renderEffect(EFFECT_SECONDS.build, (t) =>
      notes.reduce((sum, f, i) => sum + (i === 3 ? 0.8 : 0.6) * strike(t - i * 0.07, f, i === 3 ? 0.3 : 0.2, bell), 0),
    ),
  );
}

function hazardCue(): Float64Array {
  // Low dull alert: a rumble of low-passed noise under two low pulses gliding down (110 → 98 Hz).
  const rng = mulberry32(seedOf('hazard'));
  const rumble = [new Biquad('lowpass', 140, 0.7), new Biquad('lowpass', 140, 0.7)];
  const dull = new Biquad('lowpass', 800, 0.7);
  const seconds = EFFECT_SECONDS.hazard;
  const noise = renderEffect(seconds, (t) => {
    const env = (1 - Math.exp(-t / 0.06)) * (t < 0.8 ? 1 : 0.5 + 0.5 * Math.cos((Math.PI * (t - 0.8)) / (seconds - 0.8)));
    return env * rumble.reduce((x, f) => f.process(x), white(rng));
  });
  scaleTo(noise, 0.25, rms(noise));
  const pulse = (dt: number, length: number) => {
    if (dt < 0 || dt >= length) return 0;
    const glide = 12; // Hz lost over the pulse
    const phase = TAU * (110 * dt - (glide * dt * dt) / (2 * length));
    const env = Math.sin((Math.PI * dt) / length) ** 2;
    return env * (Math.sin(phase) + 0.15 * Math.sin(2 * phase) + 0.3 * Math.sin(3 * phase) + 0.12 * Math.sin(4 * phase));
  };
  const out = renderEffect(
    seconds,
    (t) => (noise[Math.round(t * SAMPLE_RATE)] ?? 0) + 0.5 * (pulse(t, 0.42) + pulse(t - 0.5, 0.55)),
  );
  for (let i = 0; i < out.length; i++) out[i] = dull.process(out[i] ?? 0);
  return finishEffect(out);
}

function successCue(): Float64Array {
  // Major arpeggio C5 E5 G5 C6 with soft, triangle-like tones; the top note rings longer.
  const notes = [523.25, 659.25, 783.99, 1046.5];
  const tone = [
    [1, 1, 10],
    [2, 0.15, 0.2],
    [3, 0.11, 0.15],
    [5, 0.04, 0.1],
  ] as const;
  return finishEffect(
    renderEffect(EFFECT_SECONDS.success, (t) =>
      notes.reduce((sum, f, i) => sum + strike(t - i * 0.09, f, i === 3 ? 0.4 : 0.22, tone), 0),
    ),
  );
}

function turnCue(): Float64Array {
  // Soft click (a 2 ms band-passed noise tick) and a short A5 bell.
  const rng = mulberry32(seedOf('turn'));
  const band = new Biquad('bandpass', 2500, 1.2);
  const bell = [
    [1, 1, 10],
    [2.76, 0.25, 0.03],
  ] as const;
  return finishEffect(
    renderEffect(
      EFFECT_SECONDS.turn,
      (t) => 1.5 * Math.exp(-t / 0.002) * band.process(white(rng)) + 0.5 * strike(t - 0.004, 880, 0.07, bell),
    ),
  );
}

function errorCue(): Float64Array {
  // Two short low beeps (220 Hz, softened square) with clean edges.
  const beep = (dt: number) => {
    if (dt < 0 || dt >= 0.14) return 0;
    const env = Math.min(1, dt / 0.006, (0.14 - dt) / 0.006);
    return env * harmonics(dt, 220, [1, 0.1, 0.2, 0, 0.08]);
  };
  return finishEffect(renderEffect(EFFECT_SECONDS.error, (t) => beep(t - 0.01) + beep(t - 0.21)));
}

/** An effect as floating-point samples in [-1, 1]. */
export function synthesizeEffect(id: EffectId): Float64Array {
  switch (id) {
    case 'build':
      return buildCue();
    case 'hazard':
      return hazardCue();
    case 'success':
      return successCue();
    case 'turn':
      return turnCue();
    case 'error':
      return errorCue();
  }
}

// ---------------------------------------------------------------------------------------------
// WAV encoding and file set
// ---------------------------------------------------------------------------------------------

/** Floating-point samples to 16-bit integers (clamped to [-1, 1], rounded). */
export function toPcm16(samples: Float64Array): Int16Array {
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    pcm[i] = Math.round(s * 32767);
  }
  return pcm;
}

export const WAV_HEADER_BYTES = 44;

/** A canonical 44-byte-header RIFF/WAVE file: PCM, mono, 16 bits, little-endian. */
export function encodeWav(pcm: Int16Array, sampleRate = SAMPLE_RATE): Uint8Array {
  const dataBytes = pcm.length * 2;
  const bytes = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.length; i++) view.setInt16(WAV_HEADER_BYTES + i * 2, pcm[i] ?? 0, true);
  return bytes;
}

export interface AudioFile {
  /** File name inside assets/audio/. */
  name: string;
  kind: 'ambient' | 'effect';
  id: AmbientId | EffectId;
  bytes: Uint8Array;
}

/** Every audio file of the game, in memory (pure: no file system access). */
export function generateAudioFiles(): AudioFile[] {
  return [
    ...AMBIENT_IDS.map((id) => ({
      name: `${id}.wav`,
      kind: 'ambient' as const,
      id,
      bytes: encodeWav(toPcm16(synthesizeAmbient(id))),
    })),
    ...EFFECT_IDS.map((id) => ({
      name: `${id}.wav`,
      kind: 'effect' as const,
      id,
      bytes: encodeWav(toPcm16(synthesizeEffect(id))),
    })),
  ];
}

export const AUDIO_DIR = fileURLToPath(new URL('../assets/audio/', import.meta.url));

export function writeAudioFiles(dir = AUDIO_DIR): AudioFile[] {
  mkdirSync(dir, { recursive: true });
  const files = generateAudioFiles();
  for (const file of files) writeFileSync(join(dir, file.name), file.bytes);
  return files;
}

if (process.argv[1]?.endsWith('generate-audio.ts')) {
  const files = writeAudioFiles();
  let total = 0;
  for (const file of files) {
    total += file.bytes.length;
    const seconds = (file.bytes.length - WAV_HEADER_BYTES) / 2 / SAMPLE_RATE;
    console.log(
      `${file.name.padEnd(30)} ${seconds.toFixed(2).padStart(6)} s ${(file.bytes.length / 1024).toFixed(0).padStart(6)} KiB`,
    );
  }
  console.log(`${files.length} files, ${(total / 1024).toFixed(0)} KiB in total, written to assets/audio/`);
}
