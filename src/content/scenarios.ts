/**
 * The scenarios bundled with the kit, parsed with the schema (which fills the
 * defaults) and resolved against the shared library. Browser-side loader.
 */
import type { Scenario } from '../engine/types.ts';
import { mergeLibraries, resolveScenario } from './resolve.ts';
import { librarySchema, scenarioSchema } from './schema.ts';

const scenarioFiles = import.meta.glob<{ default: unknown }>('../../scenarios/*.json', { eager: true });
const libraryFiles = import.meta.glob<{ default: unknown }>('../../scenarios/library/*.json', { eager: true });

let cache: Map<string, Scenario> | null = null;

export function bundledScenarios(): Map<string, Scenario> {
  if (cache) return cache;
  const library = mergeLibraries(
    Object.entries(libraryFiles)
      .filter(([path]) => !path.endsWith('.schema.json'))
      .map(([, mod]) => librarySchema.parse(mod.default)),
  );
  const out = new Map<string, Scenario>();
  for (const [path, mod] of Object.entries(scenarioFiles)) {
    if (path.endsWith('.schema.json')) continue;
    const scenario = resolveScenario(scenarioSchema.parse(mod.default), library);
    out.set(scenario.id, scenario);
  }
  cache = out;
  return out;
}

/** Scenarios in the order the kit presents them. */
export const SCENARIO_ORDER = ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield'];

export function orderedScenarios(): Scenario[] {
  const all = bundledScenarios();
  const known = SCENARIO_ORDER.map((id) => all.get(id)).filter((s): s is Scenario => s !== undefined);
  const others = [...all.values()].filter((s) => !SCENARIO_ORDER.includes(s.id));
  return [...known, ...others];
}
