/**
 * Sound for the game: a small wrapper over Howler.
 *
 * - Sound is off until enabled: no Howl (so no AudioContext, no request) exists before
 *   setEnabled(true) or a bank created with `enabled: true` first needs one.
 * - Every cue reports a caption: listeners get (cue, true) when it starts and (cue, false) once no
 *   copy of it is sounding; the ambient loop reports ('ambient', true) when a loop starts and
 *   ('ambient', false) when ambient sound stops. Captions follow what is heard: nothing is reported
 *   while sound is off or for a file that failed to load.
 * - Failures never reach the console: they go to `onError` and the failed file is not retried.
 *
 * - Sounds are synthesised on the device when first needed (./sound-source.ts): the kit ships no
 *   audio file. A cue asked for while its sound is still being made plays as soon as it is ready.
 */
import { Howl, Howler } from 'howler';
import {
  AMBIENT_FADE_IN_MS,
  AMBIENT_FADE_OUT_MS,
  AMBIENT_GAIN,
  type AmbientPlayback,
  CAPTION_MAX_MS,
  type CaptionListener,
  CUES,
  type Cue,
  clampVolume,
  messageOf,
  type SoundBank,
  type SoundBankOptions,
  type SoundError,
} from './sound-bank-types.ts';
import { defaultSoundSource } from './sound-source.ts';
import { AMBIENT_IDS } from './synthesis/ambient.ts';

export type { CaptionListener, Cue, SoundBank, SoundBankOptions, SoundError } from './sound-bank-types.ts';
export { AMBIENT_SCENARIOS, CUES } from './sound-bank-types.ts';

export function createSoundBank(options: SoundBankOptions): SoundBank {
  let enabled = false;
  let disposed = false;
  let volume = clampVolume(options.volume);
  let wantedAmbient: string | null = null;
  let ambient: AmbientPlayback | null = null;
  /** The loop whose sound is still being made. */
  let pendingAmbient: string | null = null;
  /** Whether listeners were last told that ambient sound plays. */
  let ambientCaption = false;
  const source = options.source ?? defaultSoundSource();
  /** Cues whose sound is being made, and those asked to play meanwhile. */
  const cueLoading = new Set<Cue>();
  const queued = new Set<Cue>();
  const listeners = new Set<CaptionListener>();
  const cueHowls = new Map<Cue, Howl>();
  /** Sound ids of each cue that are still sounding (for its caption). */
  const sounding = new Map<Cue, Set<number>>();
  /** Assets (cue names or scenario ids) that failed to load: never retried. */
  const failed = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Loops still fading out, unloaded when their fade ends (or on dispose). */
  const fading = new Set<Howl>();
  /** Howler creates its AudioContext with the first Howl (or the first master volume change). */
  let audioStarted = false;

  function report(asset: string, kind: SoundError['kind'], detail: unknown): void {
    try {
      options.onError?.({ asset, kind, message: messageOf(detail) });
    } catch {
      // A failing error handler must not break the game.
    }
  }

  function caption(cue: Cue | 'ambient', active: boolean): void {
    for (const listener of [...listeners]) {
      try {
        listener(cue, active);
      } catch (error) {
        report(cue, 'caption', error);
      }
    }
  }

  function later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  }

  function finishCue(cue: Cue, soundId: number): void {
    const ids = sounding.get(cue);
    if (!ids?.delete(soundId)) return;
    if (ids.size === 0) caption(cue, false);
  }

  function finishAllCues(cue?: Cue): void {
    for (const [name, ids] of sounding) {
      if (cue !== undefined && name !== cue) continue;
      if (ids.size > 0) {
        ids.clear();
        caption(name, false);
      }
    }
  }

  function loadCue(cue: Cue): void {
    if (failed.has(cue) || cueHowls.has(cue) || cueLoading.has(cue)) return;
    cueLoading.add(cue);
    source.url(cue).then(
      (url) => {
        cueLoading.delete(cue);
        if (disposed || !enabled) return;
        createCueHowl(cue, url);
        if (queued.delete(cue)) playCue(cue);
      },
      (error: unknown) => {
        cueLoading.delete(cue);
        queued.delete(cue);
        failed.add(cue);
        report(cue, 'load', error);
      },
    );
  }

  function createCueHowl(cue: Cue, url: string): void {
    try {
      const howl: Howl = new Howl({
        src: [url],
        format: ['wav'],
        preload: true,
        onend: (soundId) => finishCue(cue, soundId),
        onstop: (soundId) => finishCue(cue, soundId),
        onloaderror: (_soundId, error) => {
          failed.add(cue);
          cueHowls.delete(cue);
          howl.unload();
          finishAllCues(cue);
          report(cue, 'load', error);
        },
        onplayerror: (soundId, error) => {
          finishCue(cue, soundId);
          report(cue, 'play', error);
        },
      });
      cueHowls.set(cue, howl);
      startAudio();
    } catch (error) {
      failed.add(cue);
      report(cue, 'load', error);
    }
  }

  function playCue(cue: Cue): void {
    const howl = cueHowls.get(cue);
    if (!howl) return;
    let soundId: number;
    try {
      soundId = howl.play();
    } catch (error) {
      report(cue, 'play', error);
      return;
    }
    let ids = sounding.get(cue);
    if (!ids) {
      ids = new Set();
      sounding.set(cue, ids);
    }
    ids.add(soundId);
    caption(cue, true);
    later(CAPTION_MAX_MS, () => finishCue(cue, soundId));
  }

  function setAmbientCaption(on: boolean): void {
    if (ambientCaption === on) return;
    ambientCaption = on;
    caption('ambient', on);
  }

  function startAmbient(scenarioId: string): void {
    if (ambient?.scenarioId === scenarioId || pendingAmbient === scenarioId) return;
    fadeOutAmbient();
    pendingAmbient = null;
    if (!(AMBIENT_IDS as readonly string[]).includes(scenarioId) || failed.has(scenarioId)) {
      setAmbientCaption(false);
      return;
    }
    pendingAmbient = scenarioId;
    source.url(scenarioId as (typeof AMBIENT_IDS)[number]).then(
      (url) => {
        if (disposed || !enabled || pendingAmbient !== scenarioId) return;
        pendingAmbient = null;
        playLoop(scenarioId, url);
      },
      (error: unknown) => {
        if (pendingAmbient !== scenarioId) return;
        pendingAmbient = null;
        failed.add(scenarioId);
        report(scenarioId, 'load', error);
        setAmbientCaption(false);
      },
    );
  }

  function playLoop(scenarioId: string, url: string): void {
    try {
      const howl: Howl = new Howl({
        src: [url],
        format: ['wav'],
        loop: true,
        preload: true,
        volume: 0,
        onloaderror: (_soundId, error) => {
          failed.add(scenarioId);
          howl.unload();
          if (ambient?.howl === howl) {
            ambient = null;
            setAmbientCaption(false);
          }
          report(scenarioId, 'load', error);
        },
        onplayerror: (_soundId, error) => report(scenarioId, 'play', error),
      });
      startAudio();
      const soundId = howl.play();
      howl.fade(0, AMBIENT_GAIN, AMBIENT_FADE_IN_MS, soundId);
      ambient = { scenarioId, howl, soundId };
      setAmbientCaption(true);
    } catch (error) {
      failed.add(scenarioId);
      report(scenarioId, 'load', error);
      setAmbientCaption(false);
    }
  }

  /** Stops the current loop (fading it out when it is playing); reports no caption. */
  function fadeOutAmbient(immediately = false): void {
    if (!ambient) return;
    const { howl, soundId } = ambient;
    ambient = null;
    if (immediately || howl.state() !== 'loaded') {
      howl.unload();
      return;
    }
    const current = howl.volume(soundId);
    howl.fade(typeof current === 'number' ? current : AMBIENT_GAIN, 0, AMBIENT_FADE_OUT_MS, soundId);
    fading.add(howl);
    later(AMBIENT_FADE_OUT_MS + 50, () => {
      fading.delete(howl);
      howl.unload();
    });
  }

  function stopEverything(): void {
    for (const howl of cueHowls.values()) howl.stop();
    finishAllCues();
    queued.clear();
    pendingAmbient = null;
    fadeOutAmbient(true);
    setAmbientCaption(false);
  }

  function startAudio(): void {
    if (audioStarted) return;
    audioStarted = true;
    Howler.volume(volume);
  }

  function turnOn(preload: boolean): void {
    enabled = true;
    if (preload) for (const cue of CUES) loadCue(cue);
    if (wantedAmbient !== null) startAmbient(wantedAmbient);
  }

  const bank: SoundBank = {
    setEnabled(on) {
      if (disposed || on === enabled) return;
      if (on) {
        turnOn(true);
      } else {
        enabled = false;
        stopEverything();
      }
    },

    setVolume(v) {
      if (disposed) return;
      volume = clampVolume(v);
      // Howler's master volume would create the AudioContext: only touch it once sound has started.
      if (audioStarted) Howler.volume(volume);
    },

    playAmbient(scenarioId) {
      if (disposed) return;
      wantedAmbient = scenarioId;
      if (enabled) startAmbient(scenarioId);
    },

    stopAmbient() {
      if (disposed) return;
      wantedAmbient = null;
      pendingAmbient = null;
      fadeOutAmbient();
      setAmbientCaption(false);
    },

    play(cue) {
      if (disposed || !enabled || failed.has(cue)) return;
      if (cueHowls.has(cue)) playCue(cue);
      else {
        queued.add(cue);
        loadCue(cue);
      }
    },

    onCaption(listener) {
      if (disposed) return () => {};
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    dispose() {
      if (disposed) return;
      stopEverything();
      for (const howl of [...cueHowls.values(), ...fading]) howl.unload();
      cueHowls.clear();
      fading.clear();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      listeners.clear();
      enabled = false;
      disposed = true;
    },
  };

  if (options.enabled) turnOn(false);
  return bank;
}
