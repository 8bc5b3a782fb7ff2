/**
 * The simulation's workers run the engine and the bots bundled by Vite, as the
 * kit ships them. Under tsx every module is compiled with esbuild's keepNames,
 * which names each closure as it is created (the rules make one per team and
 * per event): the same games take about 1.5 times as long.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

export interface WorkerBundle {
  url: URL;
  /** Removes the bundle's folder. */
  dispose: () => void;
}

/** Builds tools/lib/simulate-worker.ts into a folder of its own (runs at the same time do not share one). */
export async function bundleSimulationWorker(): Promise<WorkerBundle> {
  const outDir = mkdtempSync(join(tmpdir(), 'kit-simulate-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      build: {
        ssr: resolve('tools/lib/simulate-worker.ts'),
        outDir,
        emptyOutDir: false,
        target: 'node20',
        rollupOptions: { output: { entryFileNames: 'simulate-worker.mjs' } },
      },
      ssr: { noExternal: true },
    });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: pathToFileURL(join(outDir, 'simulate-worker.mjs')),
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
