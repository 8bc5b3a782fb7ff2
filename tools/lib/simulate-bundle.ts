/**
 * The simulation's workers and the benchmarks run the engine and the bots
 * bundled by Vite, as the kit ships them. Under tsx every module is compiled with esbuild's keepNames,
 * which names each closure as it is created (the rules make one per team and
 * per event): the same games take about 1.5 times as long.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

export interface WorkerBundle {
  url: URL;
  /** Removes the bundle's folder. */
  dispose: () => void;
}

/** Builds tools/lib/simulate-worker.ts. */
export const bundleSimulationWorker = (): Promise<WorkerBundle> => bundleForNode('tools/lib/simulate-worker.ts');

/** Builds one entry (a path from the project's root) into a folder of its own (runs at the same time do not share one). */
export async function bundleForNode(entry: string): Promise<WorkerBundle> {
  const file = `${basename(entry, '.ts')}.mjs`;
  const outDir = mkdtempSync(join(tmpdir(), 'kit-bundle-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      build: {
        ssr: resolve(entry),
        outDir,
        emptyOutDir: false,
        target: 'node20',
        rollupOptions: { output: { entryFileNames: file } },
      },
      ssr: { noExternal: true },
    });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: pathToFileURL(join(outDir, file)),
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
