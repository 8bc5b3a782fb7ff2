/**
 * One bundled scenario at a time: a game route (a deep link, a session's
 * faces) loads the scenario it plays and not the others (about 20 KB of
 * gzipped JS each). The set-up, the course and an import use scenarios.ts.
 */
import { loaders } from 'virtual:bundled-scenario-loaders';
import type { Scenario } from '../engine/types.ts';

const loaded = new Map<string, Promise<Scenario>>();

/** The scenario, or undefined when the kit has none of that id. */
export function loadScenario(id: string): Promise<Scenario | undefined> {
  if (!Object.hasOwn(loaders, id)) return Promise.resolve(undefined);
  let scenario = loaded.get(id);
  if (!scenario) {
    scenario = (loaders[id] as () => Promise<{ default: Scenario }>)().then((module) => module.default);
    loaded.set(id, scenario);
  }
  return scenario;
}
