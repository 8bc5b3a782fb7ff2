/**
 * Vite plugin: the kit's scenarios are validated and resolved against the
 * shared library when the kit is built, not in every browser that opens a
 * game. `virtual:bundled-scenarios` is the resolved list, each scenario in its
 * own chunk (`virtual:bundled-scenario/<id>`), and `virtual:bundled-scenario-loaders`
 * loads one at a time, for the game routes; a broken
 * scenario file fails the build (and the dev server) with the validator's
 * message, so an invalid scenario can never ship.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Scenario } from '../../src/engine/types.ts';
import { GUIDE_DIR, libraryFiles, loadScenarios, scenarioFiles } from './content.ts';

/** Every scenario, resolved: what the set-up, the course and an import need. */
const ALL = 'virtual:bundled-scenarios';
/** The scenarios' ids and a loader for each: a game route loads only the one it plays. */
const LOADERS = 'virtual:bundled-scenario-loaders';
/** One scenario, resolved: its own chunk. */
const ONE = 'virtual:bundled-scenario/';

function guidePages(): string[] {
  return ['fr', 'en'].flatMap((lang) =>
    readdirSync(join(GUIDE_DIR, lang))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(GUIDE_DIR, lang, f)),
  );
}

export function bundledScenarios(): Plugin {
  let resolved: Map<string, Scenario> | null = null;
  return {
    name: 'kit:bundled-scenarios',
    // A scenario or library file changed (dev server): resolve again.
    buildStart() {
      resolved = null;
    },
    watchChange() {
      resolved = null;
    },
    resolveId: (source) => (source === ALL || source === LOADERS || source.startsWith(ONE) ? `\0${source}` : null),
    load(id) {
      if (!id.startsWith('\0virtual:bundled-scenario')) return null;
      // Links from scenarios to guide sections are checked too, so the guide is an input.
      for (const file of [...scenarioFiles(), ...libraryFiles(), ...guidePages()]) this.addWatchFile(resolve(file));
      resolved ??= loadScenarios();
      const ids = [...resolved.keys()];
      const source = id.slice(1);
      if (source === ALL) {
        return `${ids.map((sid, i) => `import s${i} from ${JSON.stringify(ONE + sid)};`).join('\n')}\nexport default [${ids.map((_, i) => `s${i}`).join(', ')}];`;
      }
      if (source === LOADERS) {
        return `export const loaders = {${ids.map((sid) => `${JSON.stringify(sid)}: () => import(${JSON.stringify(ONE + sid)})`).join(', ')}};`;
      }
      const scenario = resolved.get(source.slice(ONE.length));
      if (!scenario) return null;
      // JSON.parse of a string literal is cheaper for the browser than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(scenario))});`;
    },
  };
}
