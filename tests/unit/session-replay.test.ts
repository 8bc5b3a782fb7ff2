/**
 * The acceptance of the one-authority design: a save taken after any event of
 * any of 200 seeded games (offers, pauses, injections and the clock included)
 * resumes deep-equal. The save is the log; resuming is replaying it through
 * the scenario machine (src/machines/replay.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type Actor, createActor } from 'xstate';
import { botRandom, playRecorded, STRATEGIES, teamNames } from '../../src/bots/index.ts';
import type { Strategy } from '../../src/bots/strategies.ts';
import { currentTeam } from '../../src/engine/index.ts';
import type { GameState, Scenario } from '../../src/engine/types.ts';
import type { SessionEvent, SessionMachine, SessionOptions } from '../../src/machines/game.ts';
import { replayLog, type SessionSnapshot, sessionMachineFor } from '../../src/machines/replay.ts';
import { fuelToCollapse, SCENARIO_IDS, scenario } from './helpers.ts';

const STRATEGY_NAMES = ['random', 'greedy', 'cooperative', 'hazard-aware', 'table', 'table-solo'];

/** What a resumed game must have exactly as the live one: all but the seconds left on the clock (ticks are not logged). */
function comparable(snapshot: SessionSnapshot) {
  const { remainingSeconds: _seconds, ...timer } = snapshot.context.timer;
  return {
    value: snapshot.value,
    status: snapshot.status,
    scenario: snapshot.context.scenario,
    options: snapshot.context.options,
    game: snapshot.context.game,
    log: snapshot.context.log,
    timer,
  };
}

/** Deep equality, fast on the thousands of equal pairs; vitest's diff when they differ. */
function same(actual: unknown, expected: unknown, message: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

interface Fork {
  actor: Actor<SessionMachine>;
  left: number;
  at: number;
}

interface GameStats {
  events: number;
  accepted: number;
  refused: number;
  forks: number;
  pooled: number;
  injected: number;
  forced: number;
  pauses: number;
  allocations: number;
  over: boolean;
}

/** Plays one seeded game on a live actor, checking the replay of its log after every event. */
function playChecked(seed: number): GameStats {
  const random = botRandom(seed * 7919 + 13);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sc: Scenario = scenario(SCENARIO_IDS[seed % SCENARIO_IDS.length] as string);
  const teams = 1 + (seed % 4);
  // Short games keep 200 of them quick (each save replays the whole log): most last 3 rounds, a few 4.
  const options: SessionOptions = {
    seed: seed * 31 + 5,
    teams: teamNames(teams),
    difficulty: (['easy', 'normal', 'hard'] as const)[seed % 3] as SessionOptions['difficulty'],
    rounds: seed % 10 === 0 ? 4 : 3,
  };
  const strategies = Array.from(
    { length: teams },
    (_, i) => STRATEGIES[STRATEGY_NAMES[(seed + i) % STRATEGY_NAMES.length] as string] as Strategy,
  );
  const strategyOf = (team: string) => strategies[Number(team.slice(5)) - 1] as Strategy;
  // A third of the games are ended early by the facilitator.
  const endEarlyAt = seed % 3 === 1 ? 4 + Math.floor(random() * 24) : -1;
  const machine = sessionMachineFor(sc);
  const live = createActor(machine, { input: { options } }).start();
  const hazards = sc.deckHazards.map((h) => h.hazard);
  const stats: GameStats = {
    events: 0,
    accepted: 0,
    refused: 0,
    forks: 0,
    pooled: 0,
    injected: 0,
    forced: 0,
    pauses: 0,
    allocations: 0,
    over: false,
  };
  let forks: Fork[] = [];
  let replayed = comparable(live.getSnapshot());

  const nextEvent = (): SessionEvent => {
    const snap = live.getSnapshot();
    const game: GameState = snap.context.game;
    const r = random();
    if (stats.events === endEarlyAt) return { type: 'end-game' };
    if (snap.hasTag('paused')) {
      if (r < 0.55) return { type: 'resume' };
      if (r < 0.7) return { type: 'inject-hazard', hazard: pick(hazards) };
      if (r < 0.8) return { type: 'skip-phase' };
      if (r < 0.9) return { type: 'tick', seconds: 5 };
      // Refused while paused: a player's move, the round's continue.
      const team = currentTeam(game);
      return team ? { type: 'pass', team } : { type: 'continue' };
    }
    if (r < 0.04) return { type: 'pause' };
    if (r < 0.08) return { type: 'inject-hazard', hazard: r < 0.075 ? pick(hazards) : 'atlantis-flood' };
    if (r < 0.1) return { type: 'skip-phase' };
    if (r < 0.12) {
      return {
        type: 'set-timer',
        enabled: random() < 0.7,
        limitSeconds: pick([10, 30, 45, 90, 5000]),
        forceOnExpiry: random() < 0.5,
      };
    }
    if (r < 0.13) return { type: 'extend-time', seconds: pick([15, 60, 9000]) };
    if (r < 0.2) return { type: 'tick', seconds: pick([1, 20, 60]) };
    // The Department seat splits an envelope: accepted in the diagnose phase when it fits, refused otherwise.
    if (game.phase === 'diagnose' && r > 0.7) {
      const lever = pick(sc.levers.filter((l) => l.share > 0));
      const shares = Object.fromEntries(game.teams.map((t) => [t.id, pick([0, 10, 25, 60])]));
      return { type: 'allocate-envelope', lever: lever.id, shares };
    }
    if (r < 0.22) return { type: 'continue' };
    const team = currentTeam(game);
    if (team === null) return { type: 'continue' };
    if (r < 0.24) return { type: 'pass', team: game.teams.find((t) => t.id !== team)?.id ?? team };
    // Solidarity aid to another commune: refused unless it is in collapse.
    if (r < 0.26 && game.teams.length > 1)
      return { type: 'send-aid', team, to: pick(game.teams.filter((t) => t.id !== team)).id };
    return strategyOf(team)(game, sc, team, random);
  };

  for (let guard = 0; guard < 400; guard += 1) {
    const status = live.getSnapshot();
    if (status.status === 'done') break;
    const event: SessionEvent = status.matches('debrief') ? { type: 'finish' } : nextEvent();
    const before = live.getSnapshot().context.log.length;
    live.send(event);
    for (const fork of forks) fork.actor.send(event);
    stats.events += 1;
    const snap = live.getSnapshot();
    const log = snap.context.log;
    if (log.length > before) {
      stats.accepted += 1;
      const entry = log[log.length - 1];
      if (entry?.type === 'start-project' && entry.partners?.length) stats.pooled += 1;
      if (entry?.type === 'inject-hazard') stats.injected += 1;
      if (entry?.type === 'pause') stats.pauses += 1;
      if (entry?.type === 'allocate-envelope') stats.allocations += 1;
      if (event.type === 'tick' && entry?.type === 'pass') stats.forced += 1;
      // The save: the log, through JSON as storage keeps it, replayed.
      const saved = JSON.parse(JSON.stringify(log));
      const result = replayLog(sc, options, saved);
      if (!result.ok) throw new Error(`seed ${seed}: entry ${result.index} (${result.entry.type}) refused: ${result.reason}`);
      replayed = comparable(result.snapshot);
      if (stats.accepted % 10 === 1) {
        const actor = createActor(machine, { input: { options }, snapshot: result.snapshot }).start();
        forks.push({ actor, left: 6, at: log.length });
        stats.forks += 1;
      }
    } else {
      stats.refused += 1;
      expect(event.type === 'tick' || log.length === before).toBe(true);
    }
    const now = comparable(snap);
    same(replayed, now, `seed ${seed}, after event ${stats.events} (${event.type})`);
    for (const fork of forks) {
      fork.left -= 1;
      same(comparable(fork.actor.getSnapshot()), now, `seed ${seed}: resumed after ${fork.at} entries`);
    }
    forks = forks.filter((f) => {
      if (f.left > 0) return true;
      f.actor.stop();
      return false;
    });
  }
  for (const fork of forks) fork.actor.stop();
  stats.over = live.getSnapshot().context.game.over;
  expect(live.getSnapshot().status).toBe('done');
  live.stop();
  return stats;
}

describe('a save taken after any event resumes deep-equal', () => {
  it('200 seeded games, every event replayed from the log, a resumed actor continuing on a sample', () => {
    const total: GameStats = {
      events: 0,
      accepted: 0,
      refused: 0,
      forks: 0,
      pooled: 0,
      injected: 0,
      forced: 0,
      pauses: 0,
      allocations: 0,
      over: false,
    };
    let ended = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      const stats = playChecked(seed);
      if (stats.over) ended += 1;
      for (const key of [
        'events',
        'accepted',
        'refused',
        'forks',
        'pooled',
        'injected',
        'forced',
        'pauses',
        'allocations',
      ] as const) {
        total[key] += stats[key];
      }
    }
    // Every game reached its debrief and was finished.
    expect(ended).toBe(200);
    // The games did exercise what they claim to: offers, injections, pauses, forced passes, refusals, resumes.
    expect(total.pooled).toBeGreaterThan(20);
    expect(total.injected).toBeGreaterThan(50);
    expect(total.pauses).toBeGreaterThan(50);
    expect(total.allocations).toBeGreaterThan(20);
    expect(total.forced).toBeGreaterThan(0);
    expect(total.refused).toBeGreaterThan(100);
    expect(total.forks).toBeGreaterThan(200);
  });
});

describe('a game with solidarity aid resumes deep-equal', () => {
  it('after every event: a commune falls into collapse, is sent aid, and recovers', () => {
    // periurban-brownfield, two teams, four rounds: three injected fuel price spikes bring team-1's move to 10
    // (see flow.test.ts); in round 4 team-2 sends it aid, then each team passes.
    const sc = scenario('periurban-brownfield');
    const options: SessionOptions = { seed: 8, teams: teamNames(2), difficulty: 'normal', rounds: 4 };
    const script: SessionEvent[] = [
      ...fuelToCollapse(),
      { type: 'continue' },
      { type: 'inject-hazard', hazard: 'heatwave' },
      { type: 'continue' },
      { type: 'send-aid', team: 'team-2', to: 'team-1' },
      { type: 'pass', team: 'team-2' },
      { type: 'pass', team: 'team-1' },
      { type: 'continue' },
      { type: 'continue' },
      { type: 'continue' },
    ];
    const live = createActor(sessionMachineFor(sc), { input: { options } }).start();
    const check = (label: string) => {
      const result = replayLog(sc, options, JSON.parse(JSON.stringify(live.getSnapshot().context.log)));
      if (!result.ok) throw new Error(`${label}: entry ${result.index} refused: ${result.reason}`);
      same(comparable(result.snapshot), comparable(live.getSnapshot()), label);
    };
    for (const [i, event] of script.entries()) {
      const before = live.getSnapshot().context.log.length;
      live.send(event);
      expect(live.getSnapshot().context.log, `event ${i + 1} (${event.type}) accepted`).toHaveLength(before + 1);
      check(`after event ${i + 1}`);
    }
    expect(live.getSnapshot().value).toBe('debrief');
    const end = live.getSnapshot().context.game;
    expect(end.over).toBe(true);
    expect(end.aid).toEqual([{ round: 4, from: 'team-2', to: 'team-1', amount: 20 }]);
    // Move 10 + 6 = 16, 15 after the pressure: recovered.
    expect(end.teams[0]).toMatchObject({ collapsed: false, indicators: { move: 15 } });
    live.stop();
  });
});

describe('the engine alone and the machine agree', () => {
  it.each(SCENARIO_IDS)('%s: a game played by the bots replays through the machine to the same state', (id) => {
    const sc = scenario(id);
    for (const [i, name] of STRATEGY_NAMES.entries()) {
      const teams = 1 + i;
      const played = playRecorded(sc, { seed: 40 + i, teams, strategies: STRATEGIES[name] as Strategy, record: true });
      expect(played.state.over).toBe(true);
      const options: SessionOptions = { seed: 40 + i, teams: teamNames(teams), difficulty: 'normal', rounds: sc.rounds };
      const result = replayLog(sc, options, played.events);
      expect(result.ok, name).toBe(true);
      if (!result.ok) continue;
      expect(result.snapshot.context.game, name).toEqual(played.state);
      expect(result.snapshot.context.log).toEqual(played.events);
      expect(result.snapshot.value).toBe('debrief');
    }
  });
});
