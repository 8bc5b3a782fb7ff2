/**
 * The scenarios bundled with the kit. They are validated against the schema
 * and resolved against the shared library when the kit is built (see
 * tools/lib/vite-bundled-scenarios.ts), so the browser only reads them.
 */
import resolved from 'virtual:bundled-scenarios';
import type { Scenario } from '../engine/types.ts';

let cache: Map<string, Scenario> | null = null;

export function bundledScenarios(): Map<string, Scenario> {
  cache ??= new Map(resolved.map((scenario) => [scenario.id, scenario]));
  return cache;
}

/** Scenarios in the order the kit presents them. */
export const SCENARIO_ORDER = ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield'];

export function orderedScenarios(): Scenario[] {
  const all = bundledScenarios();
  const known = SCENARIO_ORDER.map((id) => all.get(id)).filter((s): s is Scenario => s !== undefined);
  const others = [...all.values()].filter((s) => !SCENARIO_ORDER.includes(s.id));
  return [...known, ...others];
}
