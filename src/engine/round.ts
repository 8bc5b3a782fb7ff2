import { pickWeighted } from './rng.ts';
import {
  BUDGET_FACTOR,
  COOPERATION_MITIGATION_PER_POINT,
  ECOSYSTEM_ROUND_BONUS,
  ECOSYSTEM_THRESHOLD,
  HAZARD_FACTOR,
  INDICATOR_MAX,
  INDICATOR_MIN,
  JOBS_INCOME_PER_POINT_ABOVE_50,
  MAX_MITIGATION,
  POOLED_BUILD_BONUS,
  POOLED_EFFECT_SHARE,
  POOLED_ROUND_BONUS,
  SSE_ACTOR_TYPES,
} from './rules.ts';
import type { GameState, HazardRecord, IndicatorId, Indicators, LoggedEvent, Scenario, TeamState } from './types.ts';

export function clampIndicator(value: number): number {
  return Math.min(INDICATOR_MAX, Math.max(INDICATOR_MIN, Math.round(value)));
}

function addEffects(indicators: Indicators, effects: Partial<Indicators>, ids: readonly IndicatorId[]): Indicators {
  const next = { ...indicators };
  for (const id of ids) {
    const d = effects[id];
    if (d) next[id] = clampIndicator(next[id] + d);
  }
  return next;
}

function scaleEffects(effects: Partial<Indicators>, factor: number): Partial<Indicators> {
  const out: Partial<Indicators> = {};
  for (const [id, d] of Object.entries(effects) as [IndicatorId, number][]) out[id] = Math.round(d * factor);
  return out;
}

/** Projects whose time has come are built: their effects apply to every owner. */
export function implementProjects(state: GameState, scenario: Scenario): GameState {
  const ready = state.projects.filter((p) => !p.built && p.readyRound <= state.round);
  if (ready.length === 0) return state;
  const readyIds = new Set(ready.map((p) => p.id));
  let teams = state.teams;
  for (const project of ready) {
    const card = scenario.cards[project.card];
    if (!card) continue;
    const bonuses = project.levers
      .map((id) => scenario.levers.find((l) => l.id === id)?.bonus ?? {})
      .concat(project.pooled ? [POOLED_BUILD_BONUS] : []);
    teams = teams.map((t) => {
      if (!project.owners.includes(t.id) || t.collapsed) return t;
      const effects = project.owners.length > 1 ? scaleEffects(card.effects, POOLED_EFFECT_SHARE) : card.effects;
      let indicators = addEffects(t.indicators, effects, scenario.indicatorIds);
      for (const bonus of bonuses) indicators = addEffects(indicators, bonus, scenario.indicatorIds);
      return { ...t, indicators };
    });
  }
  return {
    ...state,
    teams,
    projects: state.projects.map((p) => (readyIds.has(p.id) ? { ...p, built: true } : p)),
  };
}

/** Draws the round's hazard from the scenario deck with the seeded RNG. */
export function drawHazard(state: GameState, scenario: Scenario): { state: GameState; hazard: string } {
  const [index, rng] = pickWeighted(
    state.rng,
    scenario.deckHazards.map((h) => h.weight),
  );
  const hazard = scenario.deckHazards[index]?.hazard ?? '';
  return { state: { ...state, rng }, hazard };
}

/** Part of a hazard's impact a team avoids thanks to its built projects and its cooperation. */
export function mitigationFor(state: GameState, scenario: Scenario, team: TeamState, hazard: string): number {
  let share = team.indicators.cooperation * COOPERATION_MITIGATION_PER_POINT;
  // A project that shields from one hazard shields from its kind: a card against
  // "a plant closure" also helps when the sawmill closes.
  const kind = scenario.hazards[hazard]?.kind;
  for (const project of state.projects) {
    if (!project.built || !project.owners.includes(team.id)) continue;
    const card = scenario.cards[project.card];
    for (const m of card?.mitigates ?? []) {
      if (m.hazard === hazard || scenario.hazards[m.hazard]?.kind === kind) share += m.share;
    }
  }
  return Math.min(MAX_MITIGATION, share);
}

export function applyHazard(state: GameState, scenario: Scenario, hazardId: string, injected = false): GameState {
  const hazard = scenario.hazards[hazardId];
  if (!hazard) throw new RangeError(`unknown hazard ${hazardId}`);
  const factor = HAZARD_FACTOR[state.difficulty];
  const record: HazardRecord = { round: state.round, hazard: hazardId, injected, effects: {} };
  const teams = state.teams.map((t) => {
    if (t.collapsed) return t;
    const mitigation = mitigationFor(state, scenario, t, hazardId);
    const indicators = { ...t.indicators };
    const impacts: Partial<Indicators> = {};
    for (const id of scenario.indicatorIds) {
      const base = hazard.impacts[id];
      if (!base) continue;
      const after = clampIndicator(indicators[id] + base * factor * (1 - mitigation));
      impacts[id] = after - indicators[id];
      indicators[id] = after;
    }
    record.effects[t.id] = { impacts, mitigation: Math.round(mitigation * 100) / 100 };
    return { ...t, indicators };
  });
  return { ...state, teams, hazards: [...state.hazards, record] };
}

function sseActorTypesBuilt(state: GameState, scenario: Scenario, team: string): number {
  const types = new Set<string>();
  for (const p of state.projects) {
    if (!p.built || !p.owners.includes(team)) continue;
    const type = scenario.actors[scenario.cards[p.card]?.actor ?? '']?.type;
    if (type && SSE_ACTOR_TYPES.has(type)) types.add(type);
  }
  return types.size;
}

export function isCollapsed(team: TeamState, scenario: Scenario): boolean {
  return (['breathe', 'drink', 'eat', 'move', 'live'] as const).some(
    (need) => scenario.indicatorIds.includes(need) && team.indicators[need] <= scenario.collapseAt,
  );
}

/**
 * Ends the round: slow pressures, the rewards of cooperation and of a diverse
 * SSE ecosystem, income, collapse checks, then the next round or the end.
 */
export function closeRound(state: GameState, scenario: Scenario): GameState {
  const income = Math.round(scenario.incomePerRound * BUDGET_FACTOR[state.difficulty]);
  const teams = state.teams.map((t) => {
    if (t.collapsed) return { ...t, trajectory: [...t.trajectory, { ...t.indicators }] };
    let indicators = addEffects(t.indicators, scenario.pressures, scenario.indicatorIds);
    const pooledBuilt = state.projects.filter((p) => p.built && p.pooled && p.owners.includes(t.id)).length;
    if (pooledBuilt > 0) {
      indicators = addEffects(indicators, { cooperation: POOLED_ROUND_BONUS.cooperation * pooledBuilt }, scenario.indicatorIds);
    }
    if (sseActorTypesBuilt(state, scenario, t.id) >= ECOSYSTEM_THRESHOLD) {
      indicators = addEffects(indicators, ECOSYSTEM_ROUND_BONUS, scenario.indicatorIds);
    }
    const jobsBonus = Math.max(0, indicators.jobs - 50) * JOBS_INCOME_PER_POINT_ABOVE_50;
    const next: TeamState = {
      ...t,
      indicators,
      budget: t.budget + income + Math.round(jobsBonus),
      moves: 0,
      acted: false,
      leverUsed: {},
      trajectory: [...t.trajectory, { ...indicators }],
    };
    next.collapsed = isCollapsed(next, scenario);
    return next;
  });
  const round = state.round + 1;
  const over = round > state.rounds || teams.every((t) => t.collapsed);
  // The log records an injected hazard so that a replay meets the same shock.
  const shock = state.hazards.find((h) => h.round === state.round);
  const entry: LoggedEvent = shock?.injected ? { type: 'resolve-round', hazard: shock.hazard } : { type: 'resolve-round' };
  return { ...state, teams, round, over, log: [...state.log, entry] };
}

/**
 * The whole resolution of a round: implement, shock (drawn, or the one a
 * facilitator injected), evaluate. Teams that did not act are taken as passing.
 */
export function resolveRound(state: GameState, scenario: Scenario, injectedHazard?: string): GameState {
  if (state.over) return state;
  let next = implementProjects(state, scenario);
  let hazard = injectedHazard;
  if (hazard === undefined) {
    const drawn = drawHazard(next, scenario);
    next = drawn.state;
    hazard = drawn.hazard;
  }
  next = applyHazard(next, scenario, hazard, injectedHazard !== undefined);
  return closeRound(next, scenario);
}
