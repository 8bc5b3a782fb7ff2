/** Every sound of the game, synthesised on demand: same seed, same samples, on every device. */
import { AMBIENT_IDS, type AmbientId, synthesizeAmbient } from './ambient.ts';
import { EFFECT_IDS, type EffectId, synthesizeEffect } from './effects.ts';
import { encodeWav, toPcm16 } from './wav.ts';

export type SoundId = AmbientId | EffectId;
export const SOUND_IDS: readonly SoundId[] = [...AMBIENT_IDS, ...EFFECT_IDS];

export function isAmbientId(id: string): id is AmbientId {
  return (AMBIENT_IDS as readonly string[]).includes(id);
}

/** The sound as floating-point samples in [-1, 1]. */
export function synthesize(id: SoundId): Float64Array {
  return isAmbientId(id) ? synthesizeAmbient(id) : synthesizeEffect(id);
}

/** The sound as a 16-bit PCM mono WAV file, as Howler receives it. */
export function synthesizeWav(id: SoundId): Uint8Array {
  return encodeWav(toPcm16(synthesize(id)));
}
