/**
 * What one hazard did to the territory, read from its record and the rules:
 * the zones it struck, and for each commune whether it was struck head-on,
 * reached by a neighbour's spill-over or spared, and what shielded or spared
 * it. The hazard reveal shows this; it computes none of it.
 */
import { lookup, shieldShare, struckCommunes } from './lookup.ts';
import type { GameState, Indicators, Project, Scenario } from './types.ts';

export type StrikeReach = 'struck' | 'spill' | 'spared';

export interface CommuneStrike {
  commune: string;
  /** The team running the commune; null for a commune nobody plays (its spill-over is not reckoned). */
  team: string | null;
  reach: StrikeReach;
  /** 1 head-on, the share that spilled over, 0 spared. */
  exposure: number;
  /** Share of the impact the commune's projects and cooperation removed (negative: a trap made it worse). */
  mitigation: number;
  /** What each indicator actually took. */
  impacts: Partial<Indicators>;
  /** Its own zones the hazard struck head-on. */
  zones: string[];
  /** Cards of its built projects that shield it from this hazard. */
  shields: string[];
  /** Struck neighbours a spill-over came from (none: out of the hazard's reach, or nobody plays the commune). */
  from: string[];
  /** Cards of those neighbours' built projects that stopped part of the hazard at its source. */
  stoppedBy: string[];
}

export interface HazardStrike {
  hazard: string;
  round: number;
  injected: boolean;
  /** Every zone struck head-on, in the territory's order. */
  zones: string[];
  /** Every commune, in the territory's order. */
  communes: CommuneStrike[];
}

/** Built by the time of that round's shock: projects are built in the implementation, before it. */
function builtBy(state: GameState, team: string, round: number): Project[] {
  return state.projects.filter((p) => p.built && p.readyRound <= round && p.owners.includes(team));
}

function shieldCards(state: GameState, scenario: Scenario, team: string, round: number, hazard: string): string[] {
  const cards = builtBy(state, team, round)
    .filter((p) => shieldShare(scenario, p.card, hazard) > 0)
    .map((p) => p.card);
  return [...new Set(cards)];
}

/** The hazard of `state.hazards[index]` (the last one by default), or null when there is none. */
export function hazardStrike(state: GameState, scenario: Scenario, index = state.hazards.length - 1): HazardStrike | null {
  const record = state.hazards[index];
  const hazard = record ? scenario.hazards[record.hazard] : undefined;
  if (!record || !hazard) return null;
  const struck = struckCommunes(scenario, hazard.id);
  const kinds: readonly string[] = hazard.zoneKinds;
  const zoneKind = new Map(scenario.territory.zones.map((z) => [z.id, z.kind as string]));
  const hit = (zone: string) => kinds.length === 0 || kinds.includes(zoneKind.get(zone) ?? '');
  const teamOf = (commune: string) => state.teams.find((t) => t.commune === commune)?.id ?? null;
  const neighbours = lookup(scenario).neighbours;

  const communes = scenario.territory.communes.map((commune): CommuneStrike => {
    const team = teamOf(commune.id);
    const effect = team ? record.effects[team] : undefined;
    const head = struck.has(commune.id);
    const exposure = effect?.exposure ?? (head ? 1 : 0);
    const from = head || hazard.spill === 0 || !team ? [] : (neighbours.get(commune.id) ?? []).filter((n) => struck.has(n));
    const stoppedBy = [
      ...new Set(
        from.flatMap((n) => {
          const source = teamOf(n);
          return source ? shieldCards(state, scenario, source, record.round, hazard.id) : [];
        }),
      ),
    ];
    return {
      commune: commune.id,
      team,
      reach: exposure >= 1 ? 'struck' : exposure > 0 ? 'spill' : 'spared',
      exposure,
      mitigation: effect?.mitigation ?? 0,
      impacts: effect?.impacts ?? {},
      zones: head ? commune.zones.filter(hit) : [],
      shields: team && exposure > 0 ? shieldCards(state, scenario, team, record.round, hazard.id) : [],
      from,
      stoppedBy,
    };
  });
  return {
    hazard: hazard.id,
    round: record.round,
    injected: record.injected,
    zones: scenario.territory.zones.filter((z) => hit(z.id) && communes.some((c) => c.zones.includes(z.id))).map((z) => z.id),
    communes,
  };
}
