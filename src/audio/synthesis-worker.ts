/** Synthesises sounds off the main thread (an ambient loop takes a few hundred milliseconds). */
import { type SoundId, synthesizeWav } from './synthesis/index.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: SoundId }>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { id } = event.data;
  try {
    const bytes = synthesizeWav(id);
    scope.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
  }
};
