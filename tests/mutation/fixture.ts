/**
 * A small synthetic scenario for the mutation tests, independent of the real
 * scenarios/*.json (whose numbers are being tuned). Every expected value in
 * tests/mutation is worked out by hand from the numbers written here.
 *
 * Territory: four communes in a line, c1 - c2 - c3 - c4.
 *   c1: z-town (town)      neighbours c2
 *   c2: z-wood (forest)    neighbours c1, c3
 *   c3: z-farm (farmland)  neighbours c2, c4
 *   c4: z-shore (coast)    neighbours c3
 *
 * Start indicators: breathe 50, drink 40, eat 45, move 50, live 55, cohesion 50, jobs 50, cooperation 40.
 * Pressures per round: cohesion -2, eat -1. Start budget 200 k€, income 50 k€ a round.
 * Collapse at 15 or below; target resilience 45; 5 rounds.
 *
 * Levers (the Department's envelope per round for one commune):
 *   contract  solidarity-territory-contract  45 %  cap 60  any card
 *   call      call-for-projects              35 %  cap 40  cards tagged ecological-transition
 *   eng       departmental-engineering        0 %  cap 0   any card, duration -1
 *   clause    integration-clause              0 %  cap 0   cooperative / social-enterprise cards, bonus jobs +4
 *   pool      pooling                        20 %  cap 25  cards tagged shared
 * Engineering days: 3 a round for one commune.
 *
 * Cards (all in the deck except `stray`):
 *   garden     association        100 k€, 2 rounds, poolable, tags eco + shared; eat +8, cohesion +3; heat -30 %
 *   wells      local-authority     80 k€, 3 rounds, poolable, needs engineering (2 days), shared; drink +10; heat -50 %
 *   hall       cooperative         50 k€, 1 round; cohesion +5, jobs +2
 *   center     association         40 k€, 1 round, needs garden and hall built; live +4
 *   shop       social-enterprise   30 k€, 1 round; jobs +3, eat +2
 *   firebreak  association         40 k€, 1 round, poolable, excludes concrete; breathe +4; fire -60 %
 *   concrete   local-authority     60 k€, 1 round, poolable (trap); move +5; fire -20 % but +50 %
 *   sprawl     local-authority     20 k€, 1 round (trap); live +3; fire +80 %
 *   coalition  scic                90 k€, 2 rounds, poolable, 2 partners at least, shared; cooperation +6
 *   ptce       ptce                60 k€, 2 rounds, poolable, 1 partner at least, needs an ecosystem, shared; jobs +6
 *   stray      association         10 k€ (not in the deck)
 *
 * Hazards (deck weights fire 2, flood 1, heat 1; storm is not in the deck):
 *   fire   breathe -20, live -10   strikes forest (c2)          spill 0.5
 *   flood  live -30                strikes coast (c4)           spill 0
 *   heat   drink -10, eat -4       strikes the whole territory  spill 0
 *   storm  move -10                strikes forest and coast     spill 0.4
 */
import { expect } from 'vitest';
import { applyEvent, checkEvent } from '../../src/engine/flow.ts';
import { createGame, GameRuleError } from '../../src/engine/game.ts';
import type {
  Card,
  GameEvent,
  GameOptions,
  GameState,
  Hazard,
  Indicators,
  Project,
  Scenario,
  ScenarioLever,
  TeamState,
} from '../../src/engine/types.ts';

const text = (en: string) => ({ fr: en, en });

export const START: Indicators = {
  breathe: 50,
  drink: 40,
  eat: 45,
  move: 50,
  live: 55,
  cohesion: 50,
  jobs: 50,
  cooperation: 40,
};

export function card(id: string, over: Partial<Card> = {}): Card {
  return {
    id,
    title: text(id),
    description: text(id),
    actor: 'assoc',
    cost: 100,
    duration: 1,
    prerequisites: [],
    needsEngineering: false,
    poolable: false,
    engineeringDays: 1,
    minPartners: 0,
    needsEcosystem: false,
    excludes: [],
    tags: [],
    effects: {},
    mitigates: [],
    aggravates: [],
    guide: 'guide',
    ...over,
  };
}

export function lever(id: string, kind: ScenarioLever['kind'], over: Partial<ScenarioLever> = {}): ScenarioLever {
  return {
    id,
    kind,
    name: text(id),
    description: text(id),
    share: 0,
    tagsAny: [],
    actorTypes: [],
    durationReduction: 0,
    bonus: {},
    guide: 'guide',
    capPerRound: 0,
    ...over,
  };
}

export function hazard(id: string, over: Partial<Hazard> = {}): Hazard {
  return {
    id,
    name: text(id),
    description: text(id),
    kind: 'fire',
    impacts: {},
    zoneKinds: [],
    spill: 0,
    guide: 'guide',
    ...over,
  };
}

const square: [number, number][] = [
  [0, 0],
  [10, 0],
  [10, 10],
];

/** A fresh scenario object each time (the engine caches lookups per scenario object). */
export function makeScenario(over: Partial<Scenario> = {}): Scenario {
  const cards = [
    card('garden', {
      cost: 100,
      duration: 2,
      poolable: true,
      tags: ['ecological-transition', 'shared'],
      effects: { eat: 8, cohesion: 3 },
      mitigates: [{ hazard: 'heat', share: 0.3 }],
    }),
    card('wells', {
      actor: 'town',
      cost: 80,
      duration: 3,
      poolable: true,
      needsEngineering: true,
      engineeringDays: 2,
      tags: ['public-works', 'shared'],
      effects: { drink: 10 },
      mitigates: [{ hazard: 'heat', share: 0.5 }],
    }),
    card('hall', { actor: 'coop', cost: 50, duration: 1, tags: ['solidarity-citizenship'], effects: { cohesion: 5, jobs: 2 } }),
    card('center', { cost: 40, duration: 1, prerequisites: ['garden', 'hall'], effects: { live: 4 } }),
    card('shop', { actor: 'se', cost: 30, duration: 1, effects: { jobs: 3, eat: 2 } }),
    card('firebreak', {
      cost: 40,
      poolable: true,
      duration: 1,
      excludes: ['concrete'],
      lesson: 'dilemma',
      effects: { breathe: 4 },
      mitigates: [{ hazard: 'fire', share: 0.6 }],
    }),
    card('concrete', {
      actor: 'town',
      cost: 60,
      poolable: true,
      duration: 1,
      lesson: 'trap',
      effects: { move: 5 },
      mitigates: [{ hazard: 'fire', share: 0.2 }],
      aggravates: [{ hazard: 'fire', share: 0.5 }],
    }),
    card('sprawl', {
      actor: 'town',
      cost: 20,
      duration: 1,
      lesson: 'trap',
      effects: { live: 3 },
      aggravates: [{ hazard: 'fire', share: 0.8 }],
    }),
    card('coalition', {
      actor: 'scic',
      cost: 90,
      duration: 2,
      poolable: true,
      minPartners: 2,
      tags: ['shared'],
      effects: { cooperation: 6 },
    }),
    card('ptce', {
      actor: 'ptce',
      cost: 60,
      duration: 2,
      poolable: true,
      minPartners: 1,
      needsEcosystem: true,
      tags: ['shared'],
      effects: { jobs: 6 },
    }),
    card('stray', { cost: 10 }),
  ];
  const hazards = [
    hazard('fire', { kind: 'fire', impacts: { breathe: -20, live: -10 }, zoneKinds: ['forest'], spill: 0.5 }),
    hazard('flood', { kind: 'flood', impacts: { live: -30 }, zoneKinds: ['coast'], spill: 0 }),
    hazard('heat', { kind: 'heat', impacts: { drink: -10, eat: -4 }, zoneKinds: [], spill: 0 }),
    hazard('storm', { kind: 'storm', impacts: { move: -10 }, zoneKinds: ['forest', 'coast'], spill: 0.4 }),
  ];
  const actor = (id: string, type: Scenario['actors'][string]['type']) => ({ id, name: text(id), type, description: text(id) });
  return {
    id: 'test-valley',
    title: text('Test valley'),
    summary: text('summary'),
    description: text('description'),
    territory: {
      name: text('valley'),
      width: 100,
      height: 100,
      zones: [
        { id: 'z-town', name: text('town'), kind: 'town', population: 1000, polygon: square },
        { id: 'z-wood', name: text('wood'), kind: 'forest', population: 10, polygon: square },
        { id: 'z-farm', name: text('farm'), kind: 'farmland', population: 100, polygon: square },
        { id: 'z-shore', name: text('shore'), kind: 'coast', population: 300, polygon: square },
      ],
      features: [],
      communes: [
        { id: 'c1', name: text('c1'), zones: ['z-town'], neighbours: ['c2'] },
        { id: 'c2', name: text('c2'), zones: ['z-wood'], neighbours: ['c1', 'c3'] },
        { id: 'c3', name: text('c3'), zones: ['z-farm'], neighbours: ['c2', 'c4'] },
        { id: 'c4', name: text('c4'), zones: ['z-shore'], neighbours: ['c3'] },
      ],
    },
    indicatorIds: ['breathe', 'drink', 'eat', 'move', 'live', 'cohesion', 'jobs', 'cooperation'],
    start: { ...START },
    pressures: { cohesion: -2, eat: -1 },
    startBudget: 200,
    incomePerRound: 50,
    levers: [
      lever('contract', 'solidarity-territory-contract', { share: 0.45, capPerRound: 60 }),
      lever('call', 'call-for-projects', { share: 0.35, capPerRound: 40, tagsAny: ['ecological-transition'] }),
      lever('eng', 'departmental-engineering', { durationReduction: 1 }),
      lever('clause', 'integration-clause', { actorTypes: ['social-enterprise', 'cooperative'], bonus: { jobs: 4 } }),
      lever('pool', 'pooling', { share: 0.2, capPerRound: 25, tagsAny: ['shared'] }),
    ],
    engineeringDaysPerRound: 3,
    actors: {
      assoc: actor('assoc', 'association'),
      coop: actor('coop', 'cooperative'),
      se: actor('se', 'social-enterprise'),
      scic: actor('scic', 'scic'),
      ptce: actor('ptce', 'ptce'),
      town: actor('town', 'local-authority'),
    },
    cards: Object.fromEntries(cards.map((c) => [c.id, c])),
    hazards: Object.fromEntries(hazards.map((h) => [h.id, h])),
    deckCards: ['garden', 'wells', 'hall', 'center', 'shop', 'firebreak', 'concrete', 'sprawl', 'coalition', 'ptce'],
    deckHazards: [
      { hazard: 'fire', weight: 2 },
      { hazard: 'flood', weight: 1 },
      { hazard: 'heat', weight: 1 },
    ],
    rounds: 5,
    targetResilience: 45,
    collapseAt: 15,
    debrief: [],
    ...over,
  };
}

export const names = (teams: number) => Array.from({ length: teams }, (_, i) => `Team ${i + 1}`);

/** A game of `teams` teams in its plan phase of round 1 (createGame starts in diagnose). */
export function planGame(s: Scenario, teams = 2, options: Partial<GameOptions> = {}): GameState {
  return { ...createGame(s, { seed: 1, teams: names(teams), ...options }), phase: 'plan' };
}

export function team(state: GameState, id: string): TeamState {
  const found = state.teams.find((t) => t.id === id);
  if (!found) throw new Error(`no team ${id}`);
  return found;
}

/** The state with one team's fields changed. */
export function withTeam(state: GameState, id: string, patch: Partial<TeamState>): GameState {
  return { ...state, teams: state.teams.map((t) => (t.id === id ? { ...t, ...patch } : t)) };
}

export function withIndicators(state: GameState, id: string, patch: Partial<Indicators>): GameState {
  return withTeam(state, id, { indicators: { ...team(state, id).indicators, ...patch } });
}

/** A project put straight into the state (built by default), for rules that read projects. */
export function project(cardId: string, owners: string[], over: Partial<Project> = {}): Project {
  return {
    id: `x-${cardId}-${owners.join('-')}`,
    card: cardId,
    engineeringDays: 0,
    owners,
    levers: [],
    startedRound: 1,
    readyRound: 1,
    built: true,
    pooled: owners.length > 1,
    cost: 0,
    paid: {},
    leverPaid: {},
    ...over,
  };
}

export function withProjects(state: GameState, ...projects: Project[]): GameState {
  return { ...state, projects: [...state.projects, ...projects] };
}

export type Start = Extract<GameEvent, { type: 'start-project' }>;

export const start = (teamId: string, cardId: string, levers: string[] = [], partners?: string[]): Start => ({
  type: 'start-project',
  team: teamId,
  card: cardId,
  levers,
  ...(partners ? { partners } : {}),
});

export const pass = (teamId: string): GameEvent => ({ type: 'pass', team: teamId });
export const answer = (teamId: string, offer: string, accept: boolean): GameEvent => ({
  type: 'answer-offer',
  team: teamId,
  offer,
  accept,
});
export const aid = (from: string, to: string): GameEvent => ({ type: 'send-aid', team: from, to });
export const CONTINUE: GameEvent = { type: 'continue' };

/** Every indicator at the same value. */
export const allAt = (v: number): Indicators => ({
  breathe: v,
  drink: v,
  eat: v,
  move: v,
  live: v,
  cohesion: v,
  jobs: v,
  cooperation: v,
});

/** The reason applyEvent gives for refusing an event (and checkEvent agrees); null when it is accepted. */
export function refusalOf(scenario: Scenario, state: GameState, event: GameEvent): string | null {
  const checked = checkEvent(state, scenario, event);
  try {
    applyEvent(state, scenario, event);
  } catch (error) {
    expect(error).toBeInstanceOf(GameRuleError);
    expect((error as GameRuleError).code).toBe(checked);
    return (error as GameRuleError).code;
  }
  expect(checked).toBeNull();
  return null;
}

/** The state after these events, one after the other. */
export function playAll(scenario: Scenario, state: GameState, ...events: GameEvent[]): GameState {
  let next = state;
  for (const event of events) next = applyEvent(next, scenario, event);
  return next;
}
