/** The five short effects (cues) of the game. */
import { Biquad, harmonics, mulberry32, peak, rms, SAMPLE_RATE, scaleTo, seedOf, TAU, white } from './dsp.ts';

export const EFFECT_IDS = ['build', 'hazard', 'success', 'turn', 'error'] as const;
export type EffectId = (typeof EFFECT_IDS)[number];

/** Effect lengths in seconds. */
export const EFFECT_SECONDS: Readonly<Record<EffectId, number>> = {
  build: 0.9,
  hazard: 1.2,
  success: 1.0,
  turn: 0.3,
  error: 0.45,
};

const EFFECT_PEAK = 0.8;

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
