/**
 * flow.ts: the round sequence diagnose -> plan -> implement -> shock ->
 * evaluate, turns, every refusal of checkEvent, injected hazards, skipping
 * and the end of the game; replay.ts folds a log through it.
 * Fixture numbers in fixture.ts; a 2-team game has contract 90, call 60.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvent, checkEvent, currentTeam, hazardInDeck } from '../../src/engine/flow.ts';
import { createGame, GameRuleError } from '../../src/engine/game.ts';
import { replay } from '../../src/engine/replay.ts';
import type { GameEvent, GameState, Offer, Scenario } from '../../src/engine/types.ts';
import {
  aid,
  answer,
  CONTINUE,
  makeScenario,
  names,
  pass,
  planGame,
  playAll,
  refusalOf,
  START,
  start,
  team,
  withTeam,
} from './fixture.ts';

/** A fresh scenario in each test: the engine caches per scenario object, and each test must build its own caches. */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
});
const SKIP: GameEvent = { type: 'skip-phase' };
const END: GameEvent = { type: 'end-game' };
const inject = (hazard: string): GameEvent => ({ type: 'inject-hazard', hazard });

const refusal = (state: GameState, event: GameEvent) => refusalOf(s, state, event);
const play = (state: GameState, ...events: GameEvent[]) => playAll(s, state, ...events);

describe('whose turn it is', () => {
  it('is nobody outside the plan phase or once the game is over', () => {
    const g = createGame(s, { seed: 1, teams: names(2) });
    expect(currentTeam(g)).toBeNull();
    const plan = { ...g, phase: 'plan' as const };
    expect(currentTeam(plan)).toBe('team-1');
    expect(currentTeam({ ...plan, over: true })).toBeNull();
    expect(currentTeam({ ...plan, order: ['team-2', 'team-1'] })).toBe('team-2');
    expect(currentTeam(withTeam(plan, 'team-1', { acted: true }))).toBe('team-2');
    expect(currentTeam(withTeam(withTeam(plan, 'team-1', { acted: true }), 'team-2', { acted: true }))).toBeNull();
  });

  it('knows the hazards of the deck', () => {
    expect(hazardInDeck(s, 'fire')).toBe(true);
    expect(hazardInDeck(s, 'storm')).toBe(false);
  });
});

describe('refusals', () => {
  let diag: GameState;
  let plan: GameState;
  beforeEach(() => {
    diag = createGame(s, { seed: 1, teams: names(2) });
    plan = planGame(s, 2);
  });

  it('a move outside the plan phase is not now', () => {
    expect(refusal(diag, start('team-1', 'garden'))).toBe('not-now');
    expect(refusal(diag, start('team-1', 'garden', [], ['team-2']))).toBe('not-now');
    expect(refusal(diag, pass('team-1'))).toBe('not-now');
    expect(refusal(diag, answer('team-2', 'o1', true))).toBe('not-now');
    expect(refusal({ ...plan, phase: 'shock' }, aid('team-1', 'team-2'))).toBe('not-now');
  });

  it("a move out of turn is not the team's turn, or an unknown team", () => {
    expect(refusal(plan, start('team-2', 'garden'))).toBe('not-your-turn');
    expect(refusal(plan, pass('team-2'))).toBe('not-your-turn');
    expect(refusal(plan, start('team-9', 'garden'))).toBe('unknown-team');
    expect(refusal(plan, pass('team-9'))).toBe('unknown-team');
    expect(refusal(plan, answer('team-9', 'o1', true))).toBe('unknown-team');
  });

  it("on its turn, the rules' own reasons", () => {
    expect(refusal(plan, start('team-1', 'stray'))).toBe('card-not-in-deck');
    expect(refusal(plan, start('team-1', 'hall', [], ['team-2']))).toBe('not-poolable');
    expect(refusal(withTeam(plan, 'team-1', { budget: 5 }), start('team-1', 'garden'))).toBe('budget');
    expect(refusal(plan, aid('team-1', 'team-2'))).toBe('not-in-collapse');
    expect(refusal(plan, answer('team-1', 'o1', true))).toBe('unknown-offer');
    expect(refusal(plan, start('team-1', 'garden'))).toBeNull();
    expect(refusal(plan, start('team-1', 'garden', [], ['team-2']))).toBeNull();
    expect(refusal(plan, pass('team-1'))).toBeNull();
  });

  it('continue waits for the plan to end; the facilitator may skip or end any time', () => {
    expect(refusal(plan, CONTINUE)).toBe('not-now');
    expect(refusal(diag, CONTINUE)).toBeNull();
    for (const phase of ['implement', 'shock', 'evaluate'] as const)
      expect(checkEvent({ ...plan, phase }, s, CONTINUE)).toBeNull();
    expect(refusal(plan, SKIP)).toBeNull();
    expect(refusal(plan, END)).toBeNull();
  });

  it('injects only a hazard of the deck', () => {
    expect(refusal(plan, inject('storm'))).toBe('unknown-hazard');
    expect(refusal(plan, inject('ghost'))).toBe('unknown-hazard');
    expect(refusal(diag, inject('fire'))).toBeNull();
  });

  it('refuses everything once the game is over', () => {
    const over = { ...plan, over: true };
    for (const event of [
      start('team-1', 'garden'),
      start('team-1', 'garden', [], ['team-2']),
      pass('team-1'),
      CONTINUE,
      SKIP,
      END,
    ]) {
      expect(refusal(over, event)).toBe('game-over');
    }
    expect(refusal(over, inject('fire'))).toBe('game-over');
    expect(refusal({ ...over, phase: 'evaluate' }, start('team-1', 'garden'))).toBe('game-over');
  });

  it('refuses an event it does not know', () => {
    const odd = { type: 'dance' } as unknown as GameEvent;
    expect(checkEvent(plan, s, odd)).toBe('not-now');
    expect(() => applyEvent(plan, s, odd)).toThrow(GameRuleError);
  });
});

/**
 * The three rounds, computed afresh in each test (no engine call outside a
 * test: a mutant must meet the test it breaks).
 *
 * Round 1: team-1 starts the garden (contract 45, call 35: pays 20) and passes; team-2 starts the shop (30) and passes.
 * Round 2: fire injected; team-2 offers the firebreak to team-1; the facilitator skips the plan.
 * Round 3: team-1 passes; team-2 offers the firebreak to team-1, whose turn is over, then passes.
 */
function threeRounds() {
  const g0 = createGame(s, { seed: 1, teams: names(2), rounds: 3 });
  const planned1 = play(g0, CONTINUE, start('team-1', 'garden', ['contract', 'call']), pass('team-1'), start('team-2', 'shop'));
  const implemented1 = applyEvent(planned1, s, pass('team-2'));
  const shock1 = applyEvent(implemented1, s, CONTINUE);
  const evaluate1 = applyEvent(shock1, s, CONTINUE);
  const diagnose2 = applyEvent(evaluate1, s, CONTINUE);
  const offered2 = play(diagnose2, CONTINUE, inject('fire'), start('team-2', 'firebreak', [], ['team-1']));
  const skipped2 = applyEvent(offered2, s, SKIP);
  const shock2 = applyEvent(skipped2, s, CONTINUE);
  const evaluate2 = applyEvent(shock2, s, CONTINUE);
  const implemented3 = play(
    evaluate2,
    CONTINUE,
    CONTINUE,
    pass('team-1'),
    start('team-2', 'firebreak', [], ['team-1']),
    pass('team-2'),
  );
  const shock3 = applyEvent(implemented3, s, CONTINUE);
  const evaluate3 = applyEvent(shock3, s, CONTINUE);
  const over = applyEvent(evaluate3, s, CONTINUE);
  return {
    g0,
    planned1,
    implemented1,
    shock1,
    evaluate1,
    diagnose2,
    offered2,
    skipped2,
    shock2,
    evaluate2,
    implemented3,
    shock3,
    evaluate3,
    over,
  };
}

describe('a game of three rounds, two teams, seed 1', () => {
  it('round 1 plan: each team plays all its turn before the next one', () => {
    const { g0, planned1 } = threeRounds();
    const afterStart = play(g0, CONTINUE, start('team-1', 'garden', ['contract', 'call']));
    expect([afterStart.phase, currentTeam(afterStart)]).toEqual(['plan', 'team-1']);
    expect(team(afterStart, 'team-1')).toMatchObject({ budget: 180, moves: 1 });
    expect(currentTeam(planned1)).toBe('team-2');
    expect(planned1.projects.map((p) => [p.card, p.owners, p.readyRound])).toEqual([
      ['garden', ['team-1'], 2],
      ['shop', ['team-2'], 1],
    ]);
  });

  it('round 1 implement: the last pass ends the plan and builds what is due (the shop, not the garden)', () => {
    const { implemented1 } = threeRounds();
    expect(implemented1.phase).toBe('implement');
    expect(implemented1.projects.map((p) => p.built)).toEqual([false, true]);
    // shop: jobs 50 + 3 = 53, eat 45 + 2 = 47.
    expect(team(implemented1, 'team-2').indicators).toEqual({ ...START, jobs: 53, eat: 47 });
    expect(currentTeam(implemented1)).toBeNull();
  });

  it('round 1 shock: draws flood with the seeded RNG; it strikes c4 only, so nobody here', () => {
    const { shock1 } = threeRounds();
    // seed 1 -> rng 920564995 draws 0.5223 -> 2.089: fire 0.089, flood -0.91 -> flood; the next state is 2752130808.
    expect(shock1.phase).toBe('shock');
    expect(shock1.rng).toBe(2752130808);
    expect(shock1.hazards).toEqual([
      {
        round: 1,
        hazard: 'flood',
        injected: false,
        effects: {
          'team-1': { impacts: { live: 0 }, exposure: 0, mitigation: 0.1 },
          'team-2': { impacts: { live: 0 }, exposure: 0, mitigation: 0.1 },
        },
      },
    ]);
  });

  it('round 1 evaluate: the round is closed, income paid, order rotated', () => {
    const { evaluate1 } = threeRounds();
    expect([evaluate1.phase, evaluate1.round, evaluate1.over]).toEqual(['evaluate', 2, false]);
    // team-1: 180 + 50 = 230; team-2: 170 + 50 + (53 - 50) * 0.6 = 221.8 -> 222.
    expect(evaluate1.teams.map((t) => t.budget)).toEqual([230, 222]);
    expect(evaluate1.order).toEqual(['team-2', 'team-1']);
    expect(evaluate1.envelope).toMatchObject({ contract: 90, call: 60 });
  });

  it('round 2: back to the diagnosis, then team-2 opens', () => {
    const { diagnose2, offered2 } = threeRounds();
    expect([diagnose2.phase, diagnose2.round]).toEqual(['diagnose', 2]);
    expect(offered2.pendingHazard).toBe('fire');
    expect(currentTeam(offered2)).toBe('team-2');
    expect(offered2.offers.map((o) => [o.id, o.status])).toEqual([['o1', 'open']]);
  });

  it('skipping the plan passes for everyone and declines what they were offered', () => {
    const { skipped2 } = threeRounds();
    expect(skipped2.phase).toBe('implement');
    expect(skipped2.teams.map((t) => t.acted)).toEqual([true, true]);
    expect(skipped2.offers.map((o) => [o.status, o.answers])).toEqual([['declined', { 'team-1': false }]]);
    // The garden is built: eat 44 + 8 = 52, cohesion 48 + 3 = 51.
    expect(team(skipped2, 'team-1').indicators).toMatchObject({ eat: 52, cohesion: 51 });
  });

  it('the injected hazard is the shock: no draw, flagged, then forgotten', () => {
    const { shock2 } = threeRounds();
    expect(shock2.rng).toBe(2752130808);
    expect(shock2.pendingHazard).toBeNull();
    // team-2 (c2) head-on: breathe 50 - 12.6 -> 37, live 55 - 6.3 -> 49; team-1 next door, 0.5 * 0.9 = 0.45: 44, 52.
    expect(shock2.hazards[1]).toEqual({
      round: 2,
      hazard: 'fire',
      injected: true,
      effects: {
        'team-1': { impacts: { breathe: -6, live: -3 }, exposure: 0.45, mitigation: 0.1 },
        'team-2': { impacts: { breathe: -13, live: -6 }, exposure: 1, mitigation: 0.1 },
      },
    });
  });

  it('round 3: drawn heat, softened by the garden', () => {
    const { evaluate2, implemented3, shock3 } = threeRounds();
    expect([evaluate2.round, evaluate2.order]).toEqual([3, ['team-1', 'team-2']]);
    expect(implemented3.phase).toBe('implement');
    expect(implemented3.offers.map((o) => o.status)).toEqual(['declined', 'open']);
    // rng 2752130808 draws 0.906 -> heat. team-1 mitigation 0.1 + 0.3 = 0.4: drink 40 - 4.2 -> 36, eat 51 - 1.68 -> 49.
    // team-2 mitigation 0.1: drink 40 - 6.3 -> 34, eat 45 - 2.52 -> 42.
    expect(shock3.hazards[2]).toEqual({
      round: 3,
      hazard: 'heat',
      injected: false,
      effects: {
        'team-1': { impacts: { drink: -4, eat: -2 }, exposure: 1, mitigation: 0.4 },
        'team-2': { impacts: { drink: -6, eat: -3 }, exposure: 1, mitigation: 0.1 },
      },
    });
  });

  it('the last evaluation ends the game and lapses every offer still open', () => {
    const { evaluate3, over } = threeRounds();
    // The offer of this round survives the round's end (only older ones lapse there).
    expect([evaluate3.phase, evaluate3.round, evaluate3.over]).toEqual(['evaluate', 4, false]);
    expect(evaluate3.offers.map((o) => o.status)).toEqual(['declined', 'open']);
    expect([over.over, over.phase, over.round]).toEqual([true, 'evaluate', 4]);
    expect(over.offers.map((o) => o.status)).toEqual(['declined', 'lapsed']);
    expect(refusal(over, CONTINUE)).toBe('game-over');
  });

  it('replays the same game from its log', () => {
    const { g0, shock2 } = threeRounds();
    const log: GameEvent[] = [
      CONTINUE,
      start('team-1', 'garden', ['contract', 'call']),
      pass('team-1'),
      start('team-2', 'shop'),
      pass('team-2'),
      CONTINUE,
      CONTINUE,
      CONTINUE,
      CONTINUE,
      inject('fire'),
      start('team-2', 'firebreak', [], ['team-1']),
      SKIP,
      CONTINUE,
    ];
    expect(replay(s, { seed: 1, teams: names(2), rounds: 3 }, log)).toEqual(shock2);
    expect(replay(s, { seed: 1, teams: names(2), rounds: 3 }, [])).toEqual(g0);
  });
});

describe('more of the sequence', () => {
  it('the third move of the last team ends the plan', () => {
    const g = play(createGame(s, { seed: 1, teams: ['Solo'] }), CONTINUE, start('team-1', 'hall'), start('team-1', 'shop'));
    expect(g.phase).toBe('plan');
    const done = applyEvent(g, s, start('team-1', 'firebreak'));
    // 200 - 50 - 30 - 40 = 80; all three last one round: built at once.
    expect(done.phase).toBe('implement');
    expect(team(done, 'team-1')).toMatchObject({ budget: 80, moves: 3, acted: true });
    expect(done.projects.map((p) => p.built)).toEqual([true, true, true]);
  });

  it('an offer is answered on the partner turn; accepting starts it', () => {
    const g = play(planGame(s, 2), start('team-1', 'garden', [], ['team-2']));
    expect(refusal(g, answer('team-2', 'o1', true))).toBe('not-your-turn');
    const mine = applyEvent(g, s, pass('team-1'));
    expect(currentTeam(mine)).toBe('team-2');
    const accepted = applyEvent(mine, s, answer('team-2', 'o1', true));
    expect(accepted.offers[0]?.status).toBe('started');
    expect(accepted.projects.map((p) => [p.owners, p.paid])).toEqual([[['team-1', 'team-2'], { 'team-1': 50, 'team-2': 50 }]]);
    expect(refusal(accepted, answer('team-2', 'o1', true))).toBe('unknown-offer');
    const passed = applyEvent(mine, s, pass('team-2'));
    expect([passed.phase, passed.offers[0]?.status]).toEqual(['implement', 'declined']);
  });

  it('accepting an offer with the last move of the last team ends the plan', () => {
    const g = withTeam(planGame(s, 2), 'team-2', { moves: 2 });
    const offered = play(g, start('team-1', 'garden', [], ['team-2']), pass('team-1'));
    const accepted = applyEvent(offered, s, answer('team-2', 'o1', true));
    expect([accepted.phase, accepted.projects.length]).toEqual(['implement', 1]);
  });

  it('solidarity aid answers no offer (a pass would decline it)', () => {
    // team-1, in collapse, offers the garden to team-2 with its only move; team-2 sends it aid: the offer still waits.
    const g = withTeam(planGame(s, 2), 'team-1', { collapsed: true });
    const offered = applyEvent(g, s, start('team-1', 'garden', [], ['team-2']));
    expect(currentTeam(offered)).toBe('team-2');
    const helped = applyEvent(offered, s, aid('team-2', 'team-1'));
    expect(helped.offers.map((o) => [o.status, o.answers])).toEqual([['open', {}]]);
    expect(helped.aid).toEqual([{ round: 1, from: 'team-2', to: 'team-1', amount: 20 }]);
  });

  it('solidarity aid is a move through the flow', () => {
    const g = withTeam(planGame(s, 2), 'team-2', { collapsed: true });
    const after = applyEvent(g, s, aid('team-1', 'team-2'));
    expect(after.aid).toEqual([{ round: 1, from: 'team-1', to: 'team-2', amount: 20 }]);
    expect(team(after, 'team-1').moves).toBe(1);
    const last = applyEvent(withTeam(g, 'team-1', { moves: 2 }), s, aid('team-1', 'team-2'));
    expect(currentTeam(last)).toBe('team-2');
    expect(refusal(withTeam(g, 'team-1', { budget: 19 }), aid('team-1', 'team-2'))).toBe('budget');
  });

  it('skipping outside the plan moves on one phase; ending the game lapses open offers at once', () => {
    const diag = createGame(s, { seed: 1, teams: names(2) });
    expect(applyEvent(diag, s, SKIP).phase).toBe('plan');
    const g = play(planGame(s, 2), start('team-1', 'garden', [], ['team-2']));
    const ended = applyEvent(g, s, END);
    expect([ended.over, ended.phase]).toEqual([true, 'plan']);
    expect(ended.offers.map((o) => o.status)).toEqual(['lapsed']);
    expect(currentTeam(ended)).toBeNull();
    expect(refusal(ended, start('team-1', 'hall'))).toBe('game-over');
    // Skipping the last evaluation ends the game too.
    const last: GameState = { ...planGame(s, 2), phase: 'evaluate', round: 6, rounds: 5 };
    expect(applyEvent(last, s, SKIP).over).toBe(true);
    expect(applyEvent({ ...last, round: 5 }, s, SKIP)).toMatchObject({ over: false, phase: 'diagnose' });
  });

  it('the end of a round lapses the offers of earlier rounds still open', () => {
    const old: Offer = {
      id: 'o1',
      card: 'garden',
      proposer: 'team-1',
      partners: ['team-2'],
      levers: [],
      round: 1,
      answers: {},
      status: 'open',
    };
    const shock: GameState = { ...planGame(s, 2), phase: 'shock', round: 2, offers: [old, { ...old, id: 'o2', round: 2 }] };
    const after = applyEvent(shock, s, CONTINUE);
    expect(after.offers.map((o) => o.status)).toEqual(['lapsed', 'open']);
    expect(after.round).toBe(3);
  });

  it('a plan where nobody can move is left at once', () => {
    const diag = createGame(s, { seed: 1, teams: names(2) });
    const stuck = { ...diag, teams: diag.teams.map((t) => ({ ...t, acted: true })) };
    expect(applyEvent(stuck, s, CONTINUE).phase).toBe('implement');
  });

  it('an injected hazard waits for the shock, whatever the phase it came in', () => {
    const diag = createGame(s, { seed: 7, teams: names(2) });
    const g = applyEvent(diag, s, inject('heat'));
    expect(g).toEqual({ ...diag, pendingHazard: 'heat' });
    const shock = play(g, CONTINUE, SKIP, CONTINUE);
    expect(shock.hazards.map((h) => [h.hazard, h.injected])).toEqual([['heat', true]]);
    expect(shock.rng).toBe(diag.rng);
  });
});
