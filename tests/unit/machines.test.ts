import { describe, expect, it } from 'vitest';
import { type AnyActorRef, createActor, type Snapshot } from 'xstate';
import { createTestModel, getShortestPaths } from 'xstate/graph';
import { botRandom, createGame, STRATEGIES } from '../../src/engine/index.ts';
import type { Card, Scenario } from '../../src/engine/types.ts';
import { createRoundMachine, currentTeam, type RoundEvent } from '../../src/machines/round.ts';
import { createSessionMachine, type SessionEvent } from '../../src/machines/session.ts';
import { SCENARIO_IDS, scenario } from './helpers.ts';

const s = scenario('periurban-brownfield');
const cheapest = s.deckCards
  .map((id) => s.cards[id] as Card)
  .filter((c) => !c.needsEngineering && c.prerequisites.length === 0)
  .sort((a, b) => a.cost - b.cost)[0] as Card;
const poolable = s.deckCards
  .map((id) => s.cards[id] as Card)
  .find((c) => c.poolable && !c.needsEngineering && c.prerequisites.length === 0) as Card;
const hazard = s.deckHazards[0]?.hazard as string;

const ROUND_EVENTS: RoundEvent[] = [
  { type: 'CONTINUE' },
  { type: 'CHOOSE_PROJECT', card: cheapest.id },
  { type: 'CHOOSE_PROJECT', card: poolable.id, partners: ['team-2'] },
  { type: 'FUND', levers: [] },
  { type: 'BACK' },
  { type: 'PASS' },
  { type: 'SKIP_PHASE' },
  { type: 'INJECT_HAZARD', hazard },
];

const ROUND_STATES = ['diagnose', 'plan', 'fund', 'implement', 'shock', 'evaluate', 'done'];

function leafValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}.${leafValue(v)}`)
    .join(',');
}

describe('round machine (model-based)', () => {
  const machine = createRoundMachine(s);
  const input = { game: createGame(s, { seed: 1, teams: ['A', 'B'] }) };
  const model = createTestModel(machine, {
    input,
    events: ROUND_EVENTS,
    // One node per state value and per whose turn it is: small graph, every state.
    serializeState: (snap) =>
      `${leafValue(snap.value)}|${currentTeam((snap as { context: { game: typeof input.game } }).context.game)}` as never,
  });
  const paths = model.getShortestPaths({ allowDuplicatePaths: true });

  it('reaches every state of the round', () => {
    const reached = new Set(paths.map((p) => leafValue(p.state.value)));
    expect([...reached].sort()).toEqual([...ROUND_STATES].sort());
  });

  it('follows every shortest path on a live actor, state by state', () => {
    expect(paths.length).toBeGreaterThan(ROUND_STATES.length);
    for (const path of paths) {
      const actor = createActor(machine, { input }).start();
      for (const step of path.steps) {
        if ((step.event.type as string) !== 'xstate.init') actor.send(step.event as RoundEvent);
        expect(leafValue(actor.getSnapshot().value), path.description).toBe(leafValue(step.state.value));
      }
      actor.stop();
    }
  });

  it('refuses a funding the rules forbid and says why', () => {
    const poor = { game: { ...input.game, teams: input.game.teams.map((t) => ({ ...t, budget: 0 })) } };
    const actor = createActor(machine, { input: poor }).start();
    actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'CHOOSE_PROJECT', card: cheapest.id });
    actor.send({ type: 'FUND', levers: [] });
    expect(actor.getSnapshot().value).toBe('fund');
    expect(actor.getSnapshot().context.refusal).toBe('budget');
  });

  it('strikes with an injected hazard instead of drawing one', () => {
    const actor = createActor(machine, { input }).start();
    actor.send({ type: 'INJECT_HAZARD', hazard });
    actor.send({ type: 'SKIP_PHASE' });
    actor.send({ type: 'SKIP_PHASE' });
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().value).toBe('shock');
    expect(actor.getSnapshot().context.hazard).toBe(hazard);
    expect(actor.getSnapshot().context.game.hazards[0]).toMatchObject({ hazard, injected: true });
  });
});

const SESSION_STATES = ['setup', 'playing.running', 'playing.paused', 'debrief', 'finished'];

describe('session machine (model-based)', () => {
  const machine = createSessionMachine(s);
  const events: SessionEvent[] = [
    { type: 'START', teams: ['A', 'B', 'C'], seed: 7 },
    { type: 'START', teams: [], seed: 7 },
    { type: 'PAUSE' },
    { type: 'RESUME' },
    { type: 'TICK', seconds: 5 },
    { type: 'EXTEND_TIME', seconds: 60 },
    { type: 'INJECT_HAZARD', hazard },
    { type: 'SKIP_TO_DEBRIEF' },
    { type: 'FINISH' },
  ];
  // createTestModel refuses machines that invoke children; the path generator itself does not.
  const paths = getShortestPaths(machine, {
    input: { facilitator: true },
    events,
    serializeState: (snap) => leafValue(snap.value) as never,
  });

  it('reaches every state of the session', () => {
    expect([...new Set(paths.map((p) => leafValue(p.state.value)))].sort()).toEqual([...SESSION_STATES].sort());
  });

  it('follows every shortest path on a live actor', () => {
    for (const path of paths) {
      const actor = createActor(machine, { input: { facilitator: true } }).start();
      for (const step of path.steps) {
        if ((step.event.type as string) !== 'xstate.init') actor.send(step.event as SessionEvent);
        expect(leafValue(actor.getSnapshot().value), JSON.stringify(path.steps.map((x) => x.event.type))).toBe(
          leafValue(step.state.value),
        );
      }
      actor.stop();
    }
  });

  it('ignores player events while paused, extends the timer, and only forces a pass when enabled', () => {
    const actor = createActor(machine, { input: {} }).start();
    actor.send({ type: 'START', teams: ['A', 'B'], seed: 3 });
    actor.send({ type: 'SET_TIMER', enabled: true, limitSeconds: 60 });
    actor.send({ type: 'PAUSE' });
    actor.send({ type: 'CONTINUE' });
    const round = () => actor.getSnapshot().children.round as AnyActorRef;
    expect(round().getSnapshot().value).toBe('diagnose');
    actor.send({ type: 'RESUME' });
    actor.send({ type: 'CONTINUE' });
    expect(round().getSnapshot().value).toBe('plan');
    actor.send({ type: 'TICK', seconds: 50 });
    actor.send({ type: 'EXTEND_TIME', seconds: 30 });
    expect(actor.getSnapshot().context.timer.remainingSeconds).toBe(40);
    actor.send({ type: 'TICK', seconds: 100 });
    expect(currentTeam(round().getSnapshot().context.game)).toBe('team-1');
    actor.send({ type: 'SET_TIMER', enabled: true, limitSeconds: 60, forceOnExpiry: true });
    actor.send({ type: 'TICK', seconds: 61 });
    expect(round().getSnapshot().context.game.teams[0].acted).toBe(true);
  });
});

/** Plays a whole session with bots, returning the events it sent. */
function playSession(sc: Scenario, teams: number, seed: number): { events: SessionEvent[]; final: unknown } {
  const machine = createSessionMachine(sc);
  const actor = createActor(machine, { input: {} }).start();
  const events: SessionEvent[] = [];
  const send = (e: SessionEvent) => {
    events.push(e);
    actor.send(e);
  };
  send({ type: 'START', teams: Array.from({ length: teams }, (_, i) => `Team ${i + 1}`), seed });
  const random = botRandom(seed);
  const strategy = STRATEGIES.cooperative;
  if (!strategy) throw new Error('no strategy');
  let guard = 0;
  while (actor.getSnapshot().value !== 'debrief' && guard < 2000) {
    guard += 1;
    const round = actor.getSnapshot().children.round as AnyActorRef | undefined;
    const rs = round?.getSnapshot() as { value: string; context: { game: Parameters<typeof currentTeam>[0] } } | undefined;
    if (!rs) break;
    if (rs.value === 'plan') {
      const team = currentTeam(rs.context.game);
      const action = strategy(rs.context.game, sc, team as string, random);
      if (action.type === 'pass') send({ type: 'PASS' });
      else {
        send({ type: 'CHOOSE_PROJECT', card: action.card, partners: action.partners ?? [] });
        send({ type: 'FUND', levers: action.levers });
      }
    } else send({ type: 'CONTINUE' });
  }
  send({ type: 'FINISH' });
  return { events, final: actor.getSnapshot().context };
}

describe('save and resume', () => {
  it.each(SCENARIO_IDS)('%s: saving at every step and resuming gives the same outcome', (id) => {
    const sc = scenario(id);
    const { events, final } = playSession(sc, 3, 21);
    expect((final as { game: { over: boolean } }).game.over).toBe(true);
    const machine = createSessionMachine(sc);
    const live = createActor(machine, { input: {} }).start();
    for (let k = 0; k <= events.length; k += 1) {
      // Save after k events, as the app does after every event, through JSON as storage would.
      const saved = JSON.parse(JSON.stringify(live.getPersistedSnapshot())) as Snapshot<unknown>;
      const restored = createActor(machine, { input: {}, snapshot: saved }).start();
      expect(restored.getSnapshot().value).toEqual(live.getSnapshot().value);
      for (const e of events.slice(k)) restored.send(e);
      expect(restored.getSnapshot().context, `resumed after ${k} events`).toEqual(final);
      expect(restored.getSnapshot().value).toBe('finished');
      restored.stop();
      const next = events[k];
      if (next) live.send(next);
    }
  });
});
