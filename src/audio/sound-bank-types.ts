/** The sound bank's public types, its tuning and the small helpers it uses. */
import type { Howl } from 'howler';
import type { SoundSource } from './sound-source.ts';
import { AMBIENT_IDS } from './synthesis/ambient.ts';

export type Cue = 'build' | 'hazard' | 'success' | 'turn' | 'error';
export type CaptionListener = (cue: Cue | 'ambient', active: boolean) => void;

export interface SoundError {
  /** A cue name, or the scenario id of an ambient loop. */
  asset: string;
  kind: 'load' | 'play' | 'caption';
  message: string;
}

export interface SoundBankOptions {
  enabled: boolean;
  /** Master volume in [0, 1]. */
  volume: number;
  /** Receives loading and playback failures (and errors thrown by caption listeners). */
  onError?: (error: SoundError) => void;
  /** Where the sounds come from; by default synthesised on this device. */
  source?: SoundSource;
}

export interface SoundBank {
  setEnabled(on: boolean): void;
  setVolume(v: number): void;
  /** Starts the scenario's loop (now if sound is on, otherwise as soon as it is turned on). */
  playAmbient(scenarioId: string): void;
  stopAmbient(): void;
  play(cue: Cue): void;
  /** Returns a function that removes the listener. */
  onCaption(listener: CaptionListener): () => void;
  dispose(): void;
}

export const CUES: readonly Cue[] = ['build', 'hazard', 'success', 'turn', 'error'];

/** Scenario ids that have an ambient loop; other scenarios play without one. */
export const AMBIENT_SCENARIOS: readonly string[] = AMBIENT_IDS;

/** Loops sit under the cues. */
export const AMBIENT_GAIN = 0.6;
export const AMBIENT_FADE_IN_MS = 800;
export const AMBIENT_FADE_OUT_MS = 400;
/** A caption ends after this long even if the end of the sound is never reported (suspended audio). */
export const CAPTION_MAX_MS = 2500;

export interface AmbientPlayback {
  scenarioId: string;
  howl: Howl;
  soundId: number;
}

export function messageOf(detail: unknown): string {
  if (detail instanceof Error) return detail.message;
  if (typeof detail === 'number') return `media error code ${detail}`;
  return typeof detail === 'string' && detail !== '' ? detail : 'unknown error';
}

export function clampVolume(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
