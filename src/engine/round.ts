import { cloneProject, cloneTeam, copyIndicators, evolve } from './clone.ts';
import { departmentEnvelope } from './game.ts';
import { lookup, shieldShare, shieldsAgainst, struckCommunes } from './lookup.ts';
import { pickWeighted } from './rng.ts';
import {
  BUDGET_FACTOR,
  COLLAPSED_INCOME_SHARE,
  COOPERATION_MITIGATION_PER_POINT,
  ECOSYSTEM_ROUND_BONUS,
  ECOSYSTEM_THRESHOLD,
  ESSENTIAL_NEEDS_IDS,
  HAZARD_FACTOR,
  INDICATOR_MAX,
  INDICATOR_MIN,
  JOBS_INCOME_PER_POINT_ABOVE_50,
  MAX_MITIGATION,
  POOLED_BUILD_BONUS,
  POOLED_EFFECT_SHARE,
  POOLED_ROUND_BONUS,
  SOFT_CEILING_FROM,
} from './rules.ts';
import { cardsOfTeam, sseActorTypesBuilt } from './team-cards.ts';
import type { GameState, HazardRecord, IndicatorId, Indicators, Project, Scenario, TeamState } from './types.ts';

export function clampIndicator(value: number): number {
  return Math.min(INDICATOR_MAX, Math.max(INDICATOR_MIN, Math.round(value)));
}

/** A gain as it lands: whole below the soft ceiling, scaled by the room left above it. */
export function softGain(value: number, gain: number): number {
  if (gain <= 0 || value <= SOFT_CEILING_FROM) return gain;
  return gain * ((INDICATOR_MAX - value) / (INDICATOR_MAX - SOFT_CEILING_FROM));
}

/** Adds effects (scaled) to the indicators a scenario plays, in place: callers pass a copy they own. */
function addInPlace(indicators: Indicators, effects: Partial<Indicators>, plays: ReadonlySet<string>, factor = 1): void {
  for (const key in effects) {
    const id = key as IndicatorId;
    const d = effects[id];
    if (d && plays.has(id)) indicators[id] = clampIndicator(indicators[id] + softGain(indicators[id], Math.round(d * factor)));
  }
}

function copyTeams(teams: readonly TeamState[]): TeamState[] {
  return teams.map((t) => {
    const next = cloneTeam(t);
    next.indicators = copyIndicators(t.indicators);
    return next;
  });
}

/**
 * What building a project adds to each owner, in the order it lands: the
 * card's effects (times the pooled share when shared), each lever's bonus,
 * the bonus of building together. The debrief reads the same parts.
 */
export function buildParts(project: Project, scenario: Scenario): { effects: Partial<Indicators>; factor: number }[] {
  const card = scenario.cards[project.card];
  if (!card) return [];
  const levers = lookup(scenario).lever;
  const parts = [{ effects: card.effects, factor: project.owners.length > 1 ? POOLED_EFFECT_SHARE : 1 }];
  for (const leverId of project.levers) {
    const bonus = levers.get(leverId)?.bonus;
    if (bonus) parts.push({ effects: bonus, factor: 1 });
  }
  if (project.pooled) parts.push({ effects: POOLED_BUILD_BONUS, factor: 1 });
  return parts;
}

/** Projects whose time has come are built: their effects apply to every owner. */
export function implementProjects(state: GameState, scenario: Scenario): GameState {
  let teams: TeamState[] | null = null;
  let projects: Project[] | null = null;
  for (let i = 0; i < state.projects.length; i += 1) {
    const project = state.projects[i] as Project;
    if (project.built || project.readyRound > state.round) continue;
    projects ??= state.projects.slice();
    const built = cloneProject(project);
    built.built = true;
    projects[i] = built;
    teams ??= copyTeams(state.teams);
    const parts = buildParts(project, scenario);
    const plays = lookup(scenario).plays;
    for (const t of teams) {
      if (!project.owners.includes(t.id)) continue;
      for (const part of parts) addInPlace(t.indicators, part.effects, plays, part.factor);
    }
  }
  return teams && projects ? evolve(state, { teams, projects }) : state;
}

/** Draws the round's hazard from the scenario deck with the seeded RNG. */
export function drawHazard(state: GameState, scenario: Scenario): { state: GameState; hazard: string } {
  const [index, rng] = pickWeighted(
    state.rng,
    scenario.deckHazards.map((h) => h.weight),
  );
  const hazard = scenario.deckHazards[index]?.hazard ?? '';
  return { state: evolve(state, { rng }), hazard };
}

/**
 * Part of a hazard's impact a team avoids thanks to its built projects and its
 * cooperation (negative when its projects aggravate that hazard).
 */
export function mitigationFor(state: GameState, scenario: Scenario, team: TeamState, hazard: string): number {
  let share = team.indicators.cooperation * COOPERATION_MITIGATION_PER_POINT;
  // The team's built cards, in the order they were started (a team starts a card once).
  const shields = shieldsAgainst(scenario, hazard);
  for (const slot of cardsOfTeam(state, scenario, team.id).builtSlots) if (slot >= 0) share += shields[slot] as number;
  return Math.max(-1, Math.min(MAX_MITIGATION, share));
}

/** A team's built projects that shield it from this hazard (what the shock panel names). */
export function shieldingProjects(state: GameState, scenario: Scenario, team: string, hazard: string): Project[] {
  return state.projects.filter((p) => p.built && p.owners.includes(team) && shieldShare(scenario, p.card, hazard) > 0);
}

/**
 * How hard a hazard reaches a commune: 1 if it strikes one of its zones; else
 * the hazard's spill-over from its struck neighbours, reduced by what their own
 * projects stop at the source (a commune nobody plays stops nothing); else 0.
 */
export function exposureOf(state: GameState, scenario: Scenario, team: TeamState, hazard: string): number {
  return exposureWith(state, scenario, team, hazard, (source) => mitigationFor(state, scenario, source, hazard));
}

function exposureWith(
  state: GameState,
  scenario: Scenario,
  team: TeamState,
  hazard: string,
  mitigationOf: (team: TeamState) => number,
): number {
  const struck = struckCommunes(scenario, hazard);
  if (struck.has(team.commune)) return 1;
  const spill = scenario.hazards[hazard]?.spill ?? 0;
  if (spill === 0) return 0;
  let through = 0;
  for (const neighbour of lookup(scenario).neighbours.get(team.commune) ?? []) {
    if (!struck.has(neighbour)) continue;
    const source = state.teams.find((t) => t.commune === neighbour);
    const stopped = source ? Math.max(0, mitigationOf(source)) : 0;
    through = Math.max(through, 1 - stopped);
  }
  return Math.round(spill * through * 100) / 100;
}

export function applyHazard(state: GameState, scenario: Scenario, hazardId: string, injected = false): GameState {
  const hazard = scenario.hazards[hazardId];
  if (!hazard) throw new RangeError(`unknown hazard ${hazardId}`);
  const factor = HAZARD_FACTOR[state.difficulty];
  const record: HazardRecord = { round: state.round, hazard: hazardId, injected, effects: {} };
  // Each team's mitigation once: a commune's exposure also reads its struck neighbours'.
  const mitigations = state.teams.map((t) => mitigationFor(state, scenario, t, hazardId));
  const plays = lookup(scenario).plays;
  const mitigationOf = (t: TeamState) => mitigations[state.teams.indexOf(t)] as number;
  const teams = state.teams.map((t, i) => {
    const exposure = exposureWith(state, scenario, t, hazardId, mitigationOf);
    const mitigation = mitigations[i] as number;
    const next = cloneTeam(t);
    const indicators = copyIndicators(t.indicators);
    const impacts: Partial<Indicators> = {};
    for (const key in hazard.impacts) {
      const id = key as IndicatorId;
      const base = hazard.impacts[id];
      if (!base || !plays.has(id)) continue;
      const after = clampIndicator(indicators[id] + base * factor * exposure * (1 - mitigation));
      impacts[id] = after - indicators[id];
      indicators[id] = after;
    }
    record.effects[t.id] = { impacts, exposure, mitigation: Math.round(mitigation * 100) / 100 };
    next.indicators = indicators;
    return next;
  });
  return evolve(state, { teams, hazards: [...state.hazards, record] });
}

export function isCollapsed(team: TeamState, scenario: Scenario): boolean {
  const plays = lookup(scenario).plays;
  for (const need of ESSENTIAL_NEEDS_IDS) if (plays.has(need) && team.indicators[need] <= scenario.collapseAt) return true;
  return false;
}

/**
 * Ends the round: slow pressures, the rewards of cooperation and of a diverse
 * SSE ecosystem, income (half for a commune in collapse), collapse and
 * recovery, the Department's envelopes for the next round; its turn order
 * rotates by one team. Whether the game is over is decided when the players
 * leave the evaluation (see flow.ts).
 */
export function closeRound(state: GameState, scenario: Scenario): GameState {
  const income = Math.round(scenario.incomePerRound * BUDGET_FACTOR[state.difficulty]);
  const plays = lookup(scenario).plays;
  const teams = state.teams.map((t) => {
    const next = cloneTeam(t);
    const indicators = copyIndicators(t.indicators);
    addInPlace(indicators, scenario.pressures, plays);
    if (cardsOfTeam(state, scenario, t.id).pooledBuilt) {
      addInPlace(indicators, POOLED_ROUND_BONUS, plays);
    }
    if (sseActorTypesBuilt(state, scenario, t.id) >= ECOSYSTEM_THRESHOLD) {
      addInPlace(indicators, ECOSYSTEM_ROUND_BONUS, plays);
    }
    const jobsBonus = Math.max(0, indicators.jobs - 50) * JOBS_INCOME_PER_POINT_ABOVE_50;
    next.indicators = indicators;
    const earned = Math.round((income + jobsBonus) * (t.collapsed ? COLLAPSED_INCOME_SHARE : 1));
    next.budget = t.budget + earned;
    next.received = t.received + earned;
    next.moves = 0;
    next.acted = false;
    next.leverUsed = {};
    next.trajectory = [...t.trajectory, copyIndicators(indicators)];
    next.collapsed = isCollapsed(next, scenario);
    return next;
  });
  const round = state.round + 1;
  const department = departmentEnvelope(scenario, teams.length);
  return evolve(state, {
    teams,
    round,
    order: turnOrder(teams, round),
    envelope: department.envelope,
    allocations: department.allocations,
    engineeringDays: department.engineeringDays,
  });
}

/** Round r's turn order: the teams rotated by r - 1, so that team 1 opens round 1, team 2 round 2... */
export function turnOrder(teams: readonly TeamState[], round: number): string[] {
  const ids = teams.map((t) => t.id);
  const shift = (round - 1) % Math.max(1, ids.length);
  return [...ids.slice(shift), ...ids.slice(0, shift)];
}
