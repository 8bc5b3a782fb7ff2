/**
 * npx tsx tools/generate-audio.ts [dir]
 * Writes every sound of the game as a 16-bit PCM mono WAV file at 22050 Hz into `dir` (default
 * dist/audio-preview/), to listen to them or open them in an editor. The kit itself ships none of
 * these files: it synthesises the same samples on the device (src/audio/synthesis, in a worker).
 * No recorded or downloaded audio is used; noise comes from a seeded PRNG, so every run writes
 * byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AMBIENT_IDS, type AmbientId } from '../src/audio/synthesis/ambient.ts';
import { EFFECT_IDS, type EffectId } from '../src/audio/synthesis/effects.ts';
import { synthesizeWav } from '../src/audio/synthesis/index.ts';
import { WAV_HEADER_BYTES } from '../src/audio/synthesis/wav.ts';

export { AMBIENT_IDS, AMBIENT_SECONDS, synthesizeAmbient } from '../src/audio/synthesis/ambient.ts';
export { SAMPLE_RATE } from '../src/audio/synthesis/dsp.ts';
export { EFFECT_IDS, EFFECT_SECONDS, synthesizeEffect } from '../src/audio/synthesis/effects.ts';
export { encodeWav, toPcm16, WAV_HEADER_BYTES } from '../src/audio/synthesis/wav.ts';

export interface AudioFile {
  name: string;
  kind: 'ambient' | 'effect';
  id: AmbientId | EffectId;
  bytes: Uint8Array;
}

/** Every sound of the game as a WAV file, in memory (pure: no file system access). */
export function generateAudioFiles(): AudioFile[] {
  return [
    ...AMBIENT_IDS.map((id) => ({ name: `${id}.wav`, kind: 'ambient' as const, id, bytes: synthesizeWav(id) })),
    ...EFFECT_IDS.map((id) => ({ name: `${id}.wav`, kind: 'effect' as const, id, bytes: synthesizeWav(id) })),
  ];
}

if (process.argv[1]?.endsWith('generate-audio.ts')) {
  const dir = resolve(process.argv[2] ?? 'dist/audio-preview');
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (const file of generateAudioFiles()) {
    writeFileSync(join(dir, file.name), file.bytes);
    total += file.bytes.length;
    const seconds = (file.bytes.length - WAV_HEADER_BYTES) / 2 / 22050;
    console.log(
      `${file.name.padEnd(30)} ${seconds.toFixed(2).padStart(6)} s ${(file.bytes.length / 1024).toFixed(0).padStart(6)} KiB`,
    );
  }
  console.log(`${(total / 1024).toFixed(0)} KiB of WAV written to ${dir}`);
}
