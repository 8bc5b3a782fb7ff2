import { describe, expect, it } from 'vitest';
import {
  ACTIONS_PER_ROUND,
  applyAction,
  applyHazard,
  cardsOpenTo,
  closeRound,
  createGame,
  GameRuleError,
  HAZARD_FACTOR,
  implementProjects,
  MAX_LEVER_SHARE,
  mitigationFor,
  OVERALL_MEAN_WEIGHT,
  OVERALL_MIN_WEIGHT,
  overallResilience,
  POOLED_BUILD_BONUS,
  POOLED_EFFECT_SHARE,
  POOLED_EXTRA_DURATION,
  quoteProject,
  resolveRound,
  scoreTeam,
} from '../../src/engine/index.ts';
import type { Card, GameState, Scenario } from '../../src/engine/types.ts';
import { scenario } from './helpers.ts';

const base = scenario('periurban-brownfield');

/** A copy of a real scenario with one card and one lever replaced, to test one rule at a time. */
function withCard(card: Partial<Card> & { id: string }, extra: Partial<Scenario> = {}): Scenario {
  const template = base.cards[base.deckCards[0] as string] as Card;
  const full: Card = {
    ...template,
    prerequisites: [],
    needsEngineering: false,
    poolable: false,
    tags: [],
    mitigates: [],
    ...card,
  };
  return { ...base, cards: { ...base.cards, [full.id]: full }, deckCards: [...base.deckCards, full.id], ...extra };
}

function game(s: Scenario, teams = 1, budget = 500): GameState {
  const g = createGame(s, { seed: 1, teams: Array.from({ length: teams }, (_, i) => `T${i + 1}`) });
  return { ...g, teams: g.teams.map((t) => ({ ...t, budget })) };
}

const start = (team: string, card: string, levers: string[] = [], partners?: string[]) =>
  ({ type: 'start-project', team, card, levers, ...(partners ? { partners } : {}) }) as const;

describe('creating a game', () => {
  it('accepts 1 to 6 teams and refuses 0 or 7', () => {
    expect(createGame(base, { seed: 1, teams: ['A'] }).teams).toHaveLength(1);
    expect(createGame(base, { seed: 1, teams: ['A', 'B', 'C', 'D', 'E', 'F'] }).teams).toHaveLength(6);
    expect(() => createGame(base, { seed: 1, teams: [] })).toThrow(RangeError);
    expect(() => createGame(base, { seed: 1, teams: Array(7).fill('X') })).toThrow(RangeError);
  });

  it('starts every team with the scenario indicators and budget, and keeps the RNG in the state', () => {
    const g = createGame(base, { seed: 42, teams: ['A', 'B'] });
    expect(g.teams[0]?.indicators).toEqual(base.start);
    expect(g.teams[1]?.budget).toBe(base.startBudget);
    expect(typeof g.rng).toBe('number');
    expect(g.round).toBe(1);
    expect(g.over).toBe(false);
  });
});

describe('funding a project with levers', () => {
  const s = withCard({ id: 'test-card', cost: 100, duration: 2, tags: ['ecological-transition'], actor: 'local-association' });
  const contract = s.levers.find((l) => l.kind === 'solidarity-territory-contract');
  const call = s.levers.find((l) => l.kind === 'call-for-projects');
  const engineering = s.levers.find((l) => l.kind === 'departmental-engineering');

  it('pays the lever share of the cost, within the lever cap of the round', () => {
    expect(contract && call && engineering).toBeTruthy();
    if (!contract) return;
    const q = quoteProject(game(s), s, start('team-1', 'test-card', [contract.id]));
    expect(q.ok).toBe(true);
    expect(q.leverPaid[contract.id]).toBe(Math.min(Math.round(100 * contract.share), contract.capPerRound));
    expect(q.shares['team-1']).toBe(100 - (q.leverPaid[contract.id] ?? 0));
  });

  it('never lets levers pay more than the maximum share together', () => {
    const generous = s.levers.map((l) => ({
      ...l,
      share: l.share > 0 ? 0.8 : 0,
      capPerRound: 1000,
      tagsAny: [],
      actorTypes: [],
    }));
    const s2 = { ...s, levers: generous };
    const q = quoteProject(
      game(s2),
      s2,
      start(
        'team-1',
        'test-card',
        generous.filter((l) => l.share > 0).map((l) => l.id),
      ),
    );
    const paid = Object.values(q.leverPaid).reduce((a, b) => a + b, 0);
    expect(paid).toBe(Math.floor(100 * MAX_LEVER_SHARE));
  });

  it('refuses a lever the card is not eligible for', () => {
    const s2 = withCard({ id: 'plain', cost: 50, tags: [], actor: 'commune' });
    if (!contract) return;
    expect(quoteProject(game(s2), s2, start('team-1', 'plain', [contract.id])).error).toBe('lever-not-eligible');
  });

  it('requires departmental engineering for cards that need it, and engineering shortens the project', () => {
    const s2 = withCard({ id: 'hub', cost: 60, duration: 3, needsEngineering: true, actor: 'ptce-hub' });
    if (!engineering) return;
    expect(quoteProject(game(s2), s2, start('team-1', 'hub')).error).toBe('needs-engineering');
    const q = quoteProject(game(s2), s2, start('team-1', 'hub', [engineering.id]));
    expect(q.ok).toBe(true);
    expect(q.duration).toBe(3 - engineering.durationReduction);
  });

  it('refuses a project the team cannot afford and leaves the state untouched', () => {
    const g = game(s, 1, 10);
    expect(quoteProject(g, s, start('team-1', 'test-card')).error).toBe('budget');
    expect(() => applyAction(g, s, start('team-1', 'test-card'))).toThrow(GameRuleError);
    expect(g.teams[0]?.budget).toBe(10);
  });

  it('deducts the team share from its budget and records the project', () => {
    const g = applyAction(game(s), s, start('team-1', 'test-card'));
    expect(g.teams[0]?.budget).toBe(400);
    expect(g.projects).toHaveLength(1);
    expect(g.projects[0]?.readyRound).toBe(2);
    expect(g.log).toHaveLength(1);
  });

  it('lets a team start a limited number of projects per round, then its turn ends', () => {
    const s2 = withCard({ id: 'cheap-a', cost: 10 });
    const s3 = {
      ...s2,
      cards: { ...s2.cards, 'cheap-b': { ...(s2.cards['cheap-a'] as Card), id: 'cheap-b' } },
      deckCards: [...s2.deckCards, 'cheap-b'],
    };
    let g = game(s3);
    g = applyAction(g, s3, start('team-1', 'cheap-a'));
    expect(g.teams[0]?.acted).toBe(ACTIONS_PER_ROUND <= 1);
    g = applyAction(g, s3, start('team-1', 'cheap-b'));
    expect(g.teams[0]?.acted).toBe(true);
    expect(() => applyAction(g, s3, { type: 'pass', team: 'team-1' })).toThrow(GameRuleError);
  });

  it('enforces prerequisites: the required card must be built first', () => {
    const s2 = withCard({ id: 'needs-first', cost: 20, prerequisites: ['test-card'] });
    const s3 = {
      ...s2,
      cards: { ...s2.cards, 'test-card': s.cards['test-card'] as Card },
      deckCards: [...s2.deckCards, 'test-card'],
    };
    expect(quoteProject(game(s3), s3, start('team-1', 'needs-first')).error).toBe('missing-prerequisite');
    expect(cardsOpenTo(game(s3), s3, 'team-1').some((c) => c.id === 'needs-first')).toBe(false);
  });
});

describe('pooling a shared project', () => {
  const s = withCard({
    id: 'shared-hub',
    cost: 90,
    duration: 1,
    poolable: true,
    effects: { jobs: 10, cooperation: 10 },
    actor: 'ptce-hub',
  });

  it('splits the cost between partners and takes one move from each', () => {
    const g = applyAction(game(s, 3), s, start('team-1', 'shared-hub', [], ['team-2', 'team-3']));
    expect(g.projects[0]?.owners).toEqual(['team-1', 'team-2', 'team-3']);
    expect(g.teams.map((t) => t.budget)).toEqual([470, 470, 470]);
    expect(g.teams.every((t) => t.moves === 1)).toBe(true);
    expect(g.projects[0]?.readyRound).toBe(1 + POOLED_EXTRA_DURATION);
  });

  it('refuses pooling a card that cannot be pooled, or with a team that has finished its turn', () => {
    const s2 = withCard({ id: 'solo-only', cost: 30 });
    expect(quoteProject(game(s2, 2), s2, start('team-1', 'solo-only', [], ['team-2'])).error).toBe('not-poolable');
    const g = applyAction(game(s, 2), s, { type: 'pass', team: 'team-2' });
    expect(quoteProject(g, s, start('team-1', 'shared-hub', [], ['team-2'])).error).toBe('partner-already-acted');
  });

  it('gives every owner the effects and the cooperation bonus when built', () => {
    let g = applyAction(game(s, 2), s, start('team-1', 'shared-hub', [], ['team-2']));
    g = { ...g, round: g.projects[0]?.readyRound ?? 2 };
    const before = g.teams[1]?.indicators.jobs ?? 0;
    g = implementProjects(g, s);
    const gained = Math.round(10 * POOLED_EFFECT_SHARE);
    expect(g.teams[1]?.indicators.jobs).toBe(Math.min(100, before + gained));
    expect(g.teams[0]?.indicators.cooperation).toBe(
      Math.min(100, base.start.cooperation + Math.round(10 * POOLED_EFFECT_SHARE) + POOLED_BUILD_BONUS.cooperation),
    );
  });

  it('pays off: a pooled project gives each partner more per euro than going alone', () => {
    const solo = implementProjects({ ...applyAction(game(s, 2), s, start('team-1', 'shared-hub')), round: 2 }, s);
    const pooled = implementProjects(
      { ...applyAction(game(s, 2), s, start('team-1', 'shared-hub', [], ['team-2'])), round: 3 },
      s,
    );
    const gain = (g: GameState, i: number) =>
      Object.values(g.teams[i]?.indicators ?? {}).reduce((a, b) => a + b, 0) -
      Object.values(base.start).reduce((a, b) => a + b, 0);
    const perEuroSolo = gain(solo, 0) / (500 - (solo.teams[0]?.budget ?? 0));
    const perEuroPooled = gain(pooled, 0) / (500 - (pooled.teams[0]?.budget ?? 0));
    expect(perEuroPooled).toBeGreaterThan(perEuroSolo);
  });
});

describe('building projects', () => {
  it('applies a card effects once, when its time comes, keeping indicators in range', () => {
    const s = withCard({ id: 'big', cost: 10, duration: 2, effects: { jobs: 40 } });
    let g = applyAction(game(s), s, start('team-1', 'big'));
    expect(implementProjects(g, s)).toBe(g); // round 1: not ready yet
    g = implementProjects({ ...g, round: 2 }, s);
    expect(g.projects[0]?.built).toBe(true);
    expect(g.teams[0]?.indicators.jobs).toBe(Math.min(100, base.start.jobs + 40));
    expect(implementProjects(g, s).teams[0]?.indicators.jobs).toBe(g.teams[0]?.indicators.jobs);
  });

  it('adds the integration clause bonus to public works', () => {
    const clause = base.levers.find((l) => l.kind === 'integration-clause');
    if (!clause) throw new Error('no integration clause lever');
    const s = withCard({ id: 'works', cost: 10, duration: 1, tags: ['public-works'], effects: { breathe: 1 } });
    const g = implementProjects(applyAction(game(s), s, start('team-1', 'works', [clause.id])), s);
    expect(g.teams[0]?.indicators.jobs).toBe(base.start.jobs + (clause.bonus.jobs ?? 0));
  });
});

describe('hazards and mitigation', () => {
  const hazardId = base.deckHazards[0]?.hazard as string;
  const hazard = base.hazards[hazardId];

  it('hits every team by the hazard impacts scaled by difficulty, reduced by cooperation', () => {
    const g = game(base, 2);
    const after = applyHazard(g, base, hazardId);
    const team = g.teams[0];
    if (!team || !hazard) throw new Error('setup');
    const mitigation = mitigationFor(g, base, team, hazardId);
    expect(mitigation).toBeCloseTo(team.indicators.cooperation / 400, 5);
    for (const [id, impact] of Object.entries(hazard.impacts)) {
      const key = id as keyof typeof team.indicators;
      const expected = Math.max(0, Math.round(team.indicators[key] + (impact ?? 0) * HAZARD_FACTOR.normal * (1 - mitigation)));
      expect(after.teams[0]?.indicators[key]).toBe(expected);
    }
    expect(after.hazards[0]?.hazard).toBe(hazardId);
  });

  it('is softened by built projects that mitigate it, and by those that mitigate its kind', () => {
    if (!hazard) throw new Error('setup');
    const sameKind = Object.values(base.hazards).find((h) => h.kind === hazard.kind && h.id !== hazardId);
    const s = withCard({ id: 'shield', cost: 10, duration: 1, mitigates: [{ hazard: sameKind?.id ?? hazardId, share: 0.5 }] });
    const g = implementProjects(applyAction(game(s), s, start('team-1', 'shield')), s);
    const team = g.teams[0];
    if (!team) throw new Error('setup');
    expect(mitigationFor(g, s, team, hazardId)).toBeCloseTo(0.5 + team.indicators.cooperation / 400, 5);
  });
});

describe('closing a round', () => {
  it('applies pressures and income, resets moves, and moves to the next round', () => {
    const g = closeRound(applyAction(game(base), base, { type: 'pass', team: 'team-1' }), base);
    expect(g.round).toBe(2);
    expect(g.teams[0]?.acted).toBe(false);
    expect(g.teams[0]?.moves).toBe(0);
    expect(g.teams[0]?.budget).toBeGreaterThanOrEqual(500 + base.incomePerRound);
    for (const [id, p] of Object.entries(base.pressures)) {
      expect(g.teams[0]?.indicators[id as keyof GameState['teams'][number]['indicators']]).toBe(
        Math.max(0, (base.start[id as keyof typeof base.start] ?? 0) + (p ?? 0)),
      );
    }
    expect(g.teams[0]?.trajectory).toHaveLength(2);
  });

  it('collapses a team whose essential need falls to the threshold, and ends when all have collapsed', () => {
    const g = game(base);
    const broken = { ...g, teams: g.teams.map((t) => ({ ...t, indicators: { ...t.indicators, drink: base.collapseAt } })) };
    const closed = closeRound(broken, base);
    expect(closed.teams[0]?.collapsed).toBe(true);
    expect(closed.over).toBe(true);
  });

  it('ends the game after the last round', () => {
    let g = game(base);
    for (let r = 0; r < base.rounds; r += 1) g = resolveRound({ ...g, teams: g.teams.map((t) => ({ ...t, acted: true })) }, base);
    expect(g.over).toBe(true);
    expect(g.round).toBe(base.rounds + 1);
    expect(resolveRound(g, base)).toBe(g);
  });
});

describe('scoring', () => {
  it('pulls the overall resilience toward the weakest dimension', () => {
    const ind = { ...base.start, breathe: 80, drink: 80, eat: 80, move: 80, live: 80, cohesion: 80, jobs: 80, cooperation: 20 };
    const mean = (80 * 7 + 20) / 8;
    expect(overallResilience(ind, base.indicatorIds)).toBe(Math.round(OVERALL_MEAN_WEIGHT * mean + OVERALL_MIN_WEIGHT * 20));
  });

  it('counts a team as succeeding only if it reached the target without collapsing', () => {
    const team = game(base).teams[0];
    if (!team) throw new Error('setup');
    const strong = { ...team, indicators: Object.fromEntries(base.indicatorIds.map((id) => [id, 90])) as typeof team.indicators };
    expect(scoreTeam(strong, base).succeeded).toBe(true);
    expect(scoreTeam({ ...strong, collapsed: true }, base).succeeded).toBe(false);
    expect(scoreTeam(team, base).weakest).toBeDefined();
  });
});
