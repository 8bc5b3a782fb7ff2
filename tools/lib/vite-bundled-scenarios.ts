/**
 * Vite plugin: the kit's scenarios are validated and resolved against the
 * shared library when the kit is built, not in every browser that opens a
 * game. `virtual:bundled-scenarios` is the resolved list as JSON; a broken
 * scenario file fails the build (and the dev server) with the validator's
 * message, so an invalid scenario can never ship.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { GUIDE_DIR, libraryFiles, loadScenarios, scenarioFiles } from './content.ts';

const ID = 'virtual:bundled-scenarios';
const RESOLVED = `\0${ID}`;

function guidePages(): string[] {
  return ['fr', 'en'].flatMap((lang) =>
    readdirSync(join(GUIDE_DIR, lang))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(GUIDE_DIR, lang, f)),
  );
}

export function bundledScenarios(): Plugin {
  return {
    name: 'kit:bundled-scenarios',
    resolveId: (source) => (source === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      // Links from scenarios to guide sections are checked too, so the guide is an input.
      for (const file of [...scenarioFiles(), ...libraryFiles(), ...guidePages()]) this.addWatchFile(resolve(file));
      const scenarios = [...loadScenarios().values()];
      // JSON.parse of a string literal is cheaper for the browser than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(scenarios))});`;
    },
  };
}
