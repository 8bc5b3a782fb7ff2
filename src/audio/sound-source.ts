/**
 * Where the sound bank gets each sound: synthesised on this device (src/audio/synthesis), so the kit
 * ships no audio file. A worker does the work; where module workers are refused (a page opened from
 * file://, an old browser) the main thread does it, one sound per task. Each sound becomes a WAV blob
 * URL once and is reused by every game of the page.
 */
import { type SoundId, synthesizeWav } from './synthesis/index.ts';

export interface SoundSource {
  /** A URL Howler can load (format 'wav'). */
  url(id: SoundId): Promise<string>;
}

interface Reply {
  id: SoundId;
  bytes?: Uint8Array;
  error?: string;
}

type Waiting = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };

function onMainThread(id: SoundId): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(synthesizeWav(id));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0);
  });
}

export function synthesizedSource(): SoundSource {
  const urls = new Map<SoundId, Promise<string>>();
  const waiting = new Map<SoundId, Waiting[]>();
  let worker: Worker | null | undefined;

  function fallBack(): void {
    worker?.terminate();
    worker = null;
    for (const [id, list] of waiting) {
      waiting.delete(id);
      onMainThread(id).then(
        (bytes) => {
          for (const w of list) w.resolve(bytes);
        },
        (error: Error) => {
          for (const w of list) w.reject(error);
        },
      );
    }
  }

  function startWorker(): Worker | null {
    if (worker !== undefined) return worker;
    try {
      worker = new Worker(new URL('./synthesis-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<Reply>) => {
        const { id, bytes, error } = event.data;
        const list = waiting.get(id) ?? [];
        waiting.delete(id);
        for (const w of list) {
          if (bytes) w.resolve(bytes);
          else w.reject(new Error(error ?? 'synthesis failed'));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        fallBack();
      };
    } catch {
      worker = null;
    }
    return worker;
  }

  function bytesOf(id: SoundId): Promise<Uint8Array> {
    const running = startWorker();
    if (!running) return onMainThread(id);
    return new Promise((resolve, reject) => {
      const list = waiting.get(id);
      if (list) list.push({ resolve, reject });
      else {
        waiting.set(id, [{ resolve, reject }]);
        running.postMessage({ id });
      }
    });
  }

  return {
    url(id) {
      let url = urls.get(id);
      if (!url) {
        url = bytesOf(id).then((bytes) => URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'audio/wav' })));
        // A failure is not cached: the bank decides whether to ask again.
        url.catch(() => urls.delete(id));
        urls.set(id, url);
      }
      return url;
    },
  };
}

let shared: SoundSource | null = null;

/** The page's one source, so that a second game reuses the sounds the first one made. */
export function defaultSoundSource(): SoundSource {
  shared ??= synthesizedSource();
  return shared;
}
