/**
 * The small DSP kit every sound of the game is made with: a seeded PRNG (so every run gives the same
 * samples), an RBJ biquad, slow LFOs and helpers that keep loops seamless.
 */
export const SAMPLE_RATE = 22050;
export const TAU = Math.PI * 2;

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
export function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type FilterType = 'lowpass' | 'highpass' | 'bandpass';

/** RBJ biquad; coefficients can be changed while running for slowly swept filters. */
export class Biquad {
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

export function white(rng: () => number): number {
  return rng() * 2 - 1;
}

/** Rounds a frequency to a whole number of cycles per `period` seconds, so it loops cleanly. */
export function cyc(frequency: number, period: number): number {
  return Math.max(1, Math.round(frequency * period)) / period;
}

/** A slow sine LFO in [0, 1] with a whole number of cycles per loop. */
export function lfo(t: number, period: number, cycles: number, phase = 0): number {
  return 0.5 + 0.5 * Math.sin((TAU * cycles * t) / period + phase);
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export function rms(samples: Float64Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

export function peak(samples: Float64Array): number {
  let max = 0;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  return max;
}

export function scaleTo(samples: Float64Array, target: number, measure: number): Float64Array {
  const gain = measure > 0 ? target / measure : 0;
  for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] ?? 0) * gain;
  return samples;
}

/** Sum of harmonics of `frequency`: weights[k] is the amplitude of harmonic k + 1. */
export function harmonics(t: number, frequency: number, weights: readonly number[], phase = 0): number {
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += (weights[k] ?? 0) * Math.sin((k + 1) * (TAU * frequency * t + phase));
  return sum;
}

/**
 * A slowly breathing chord; every frequency (and its slightly detuned twin) has a whole number of
 * cycles per loop. Peak level stays below about 1.
 */
export function pad(period: number, notes: readonly number[], weights: readonly number[]): (t: number) => number {
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

export interface LoopEvent {
  start: number;
  length: number;
  render: (dt: number) => number;
}

/** Sums the events sounding at time t; an event that overruns the loop end continues at its start. */
export function events(t: number, period: number, list: readonly LoopEvent[]): number {
  let sum = 0;
  for (const e of list) {
    let dt = t - e.start;
    if (dt < 0) dt += period;
    if (dt < e.length) sum += e.render(dt);
  }
  return sum;
}
