/**
 * The ambient loops, one per scenario. Loops are seamless: tonal layers use frequencies with a whole
 * number of cycles per loop, events that overrun the loop end wrap round to its start, and noise
 * layers are rendered past the loop end and crossfaded (equal power) into the loop start.
 */
import {
  Biquad,
  clamp01,
  cyc,
  events,
  type FilterType,
  harmonics,
  type LoopEvent,
  lfo,
  mulberry32,
  pad,
  peak,
  rms,
  SAMPLE_RATE,
  scaleTo,
  seedOf,
  TAU,
  white,
} from './dsp.ts';

export const AMBIENT_IDS = ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield'] as const;
export type AmbientId = (typeof AMBIENT_IDS)[number];

/** Loop lengths in seconds (short loops keep the whole set small). */
export const AMBIENT_SECONDS: Readonly<Record<AmbientId, number>> = {
  'market-town-drought': 12,
  'forest-commune-wildfire': 12,
  'coastal-estuary': 12,
  'periurban-brownfield': 12,
};

/** Peak levels after normalisation: loops sit under the effects. */
const AMBIENT_PEAK = 0.5;
const LOOP_CROSSFADE_SECONDS = 1.5;
/** Noise filters run this long before the first kept sample so they start settled. */
const FILTER_WARMUP_SECONDS = 0.5;

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
