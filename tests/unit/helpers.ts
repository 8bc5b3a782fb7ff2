import type { Scenario } from '../../src/engine/types.ts';
import { loadScenarios } from '../../tools/lib/content.ts';

let cache: Map<string, Scenario> | null = null;

export function scenarios(): Map<string, Scenario> {
  cache ??= loadScenarios();
  return cache;
}

export function scenario(id: string): Scenario {
  const s = scenarios().get(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

export const SCENARIO_IDS = ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield'];
