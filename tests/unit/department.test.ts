import { describe, expect, it } from 'vitest';
import { applyEvent, createGame, leverAvailable, quoteProject } from '../../src/engine/index.ts';
import type { GameEvent, GameState } from '../../src/engine/types.ts';
import { GAME_FILE_FORMAT, GAME_FILE_VERSION, parseGameFile, scenarioHash } from '../../src/game/session/game-saves.ts';
import { CONTINUE, pass, refusalOf, scenario, scenarios, start } from './helpers.ts';

// Peri-urban brownfield, 3 teams: envelopes are the scenario's amounts x (1 + 0.5 x 2) = x 2:
// contract 70 -> 140, call for projects 50 -> 100, pooling 90 -> 180.
const s = scenario('periurban-brownfield');
const game = () => createGame(s, { seed: 3, teams: ['A', 'B', 'C'] });
const allocate = (lever: string, shares: Record<string, number>): GameEvent => ({ type: 'allocate-envelope', lever, shares });
const play = (state: GameState, ...events: GameEvent[]) => events.reduce((g, e) => applyEvent(g, s, e), state);
const CONTRACT = 'solidarity-territory-contract';

describe('the Department seat', () => {
  it('splits a lever envelope in the diagnose phase; the split is what each commune may draw', () => {
    const g = play(game(), allocate(CONTRACT, { 'team-1': 60, 'team-2': 5 }));
    expect(g.allocations).toEqual({ [CONTRACT]: { 'team-1': 60, 'team-2': 5 } });
    expect(leverAvailable(g, CONTRACT, 'team-1')).toBe(60);
    expect(leverAvailable(g, CONTRACT, 'team-2')).toBe(5);
    // Not named: nothing of that lever this round; other levers keep the published rule.
    expect(leverAvailable(g, CONTRACT, 'team-3')).toBe(0);
    expect(leverAvailable(g, 'call-for-projects', 'team-3')).toBe(100);
  });

  it('draws on the allocation: community-garden (20 k€) with the contract, 45 % -> 9, or what is left of the share', () => {
    let g = play(game(), allocate(CONTRACT, { 'team-1': 60, 'team-2': 5 }), CONTINUE);
    g = play(g, start('team-1', 'community-garden', [CONTRACT]));
    // team-1: 9 from the contract, pays 11 of its 55; its share 60 -> 51, the envelope 140 -> 131.
    expect(g.teams[0]?.budget).toBe(44);
    expect(g.allocations[CONTRACT]).toEqual({ 'team-1': 51, 'team-2': 5 });
    expect(g.envelope[CONTRACT]).toBe(131);
    g = play(g, pass('team-1'));
    // team-2 was given 5: the contract pays 5, team-2 pays 15; team-3 was given nothing: it pays all 20.
    expect(quoteProject(g, s, start('team-2', 'community-garden', [CONTRACT])).leverPaid).toEqual({ [CONTRACT]: 5 });
    g = play(g, start('team-2', 'community-garden', [CONTRACT]), pass('team-2'));
    expect(g.teams[1]?.budget).toBe(40);
    expect(quoteProject(g, s, start('team-3', 'community-garden', [CONTRACT])).shares).toEqual({ 'team-3': 20 });
  });

  it('refuses a split above the envelope, with a negative or fractional amount, for an unknown team, outside the diagnose phase', () => {
    const g = game();
    expect(refusalOf(s, g, allocate(CONTRACT, { 'team-1': 100, 'team-2': 41 }))).toBe('bad-allocation');
    expect(refusalOf(s, g, allocate(CONTRACT, { 'team-1': 100, 'team-2': 40 }))).toBeNull();
    expect(refusalOf(s, g, allocate(CONTRACT, { 'team-1': -5 }))).toBe('bad-allocation');
    expect(refusalOf(s, g, allocate(CONTRACT, { 'team-1': 2.5 }))).toBe('bad-allocation');
    expect(refusalOf(s, g, allocate(CONTRACT, { 'team-9': 10 }))).toBe('bad-allocation');
    // A lever that pays no money has no envelope to split.
    expect(refusalOf(s, g, allocate('departmental-engineering', { 'team-1': 1 }))).toBe('unknown-lever');
    expect(refusalOf(s, g, allocate('golden-parachute', { 'team-1': 1 }))).toBe('unknown-lever');
    expect(refusalOf(s, play(g, CONTINUE), allocate(CONTRACT, { 'team-1': 10 }))).toBe('not-now');
  });

  it('lasts one round: the next round starts on the published rule with full envelopes', () => {
    let g = play(game(), allocate(CONTRACT, { 'team-1': 60 }), CONTINUE);
    g = play(g, pass('team-1'), pass('team-2'), pass('team-3'), CONTINUE, CONTINUE, CONTINUE);
    expect(g.round).toBe(2);
    expect(g.allocations).toEqual({});
    expect(g.envelope[CONTRACT]).toBe(140);
  });

  it('is part of the game file: a log with a split replays to the same game', () => {
    const options = { seed: 3, teams: ['A', 'B', 'C'], difficulty: 'normal' as const, rounds: 7 };
    const log: GameEvent[] = [allocate(CONTRACT, { 'team-1': 60 }), CONTINUE, start('team-1', 'community-garden', [CONTRACT])];
    const file = {
      format: GAME_FILE_FORMAT,
      version: GAME_FILE_VERSION,
      scenario: s.id,
      scenarioHash: scenarioHash(s),
      options,
      log,
    };
    const parsed = parseGameFile(JSON.stringify(file), scenarios());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.snapshot.context.game.allocations).toEqual({ [CONTRACT]: { 'team-1': 51 } });
  });

  it('a team may take the seat: then only that team allocates, and the facilitator no longer does', () => {
    const seated = createGame(s, { seed: 3, teams: ['A', 'B', 'C'], departmentSeat: 'team-2' });
    expect(seated.departmentSeat).toBe('team-2');
    expect(game().departmentSeat).toBeNull();
    const byTeam = (by: string): GameEvent => ({ type: 'allocate-envelope', lever: CONTRACT, shares: { 'team-1': 30 }, by });
    expect(refusalOf(s, seated, byTeam('team-2'))).toBeNull();
    expect(refusalOf(s, seated, byTeam('team-1'))).toBe('not-your-seat');
    expect(refusalOf(s, seated, allocate(CONTRACT, { 'team-1': 30 }))).toBe('not-your-seat');
    // The facilitator's seat: a team's split is refused.
    expect(refusalOf(s, game(), byTeam('team-2'))).toBe('not-your-seat');
    expect(play(seated, byTeam('team-2')).allocations).toEqual({ [CONTRACT]: { 'team-1': 30 } });
  });

  it('the seat goes to a team of the game', () => {
    expect(() => createGame(s, { seed: 3, teams: ['A', 'B'], departmentSeat: 'team-3' })).toThrow(RangeError);
    expect(() => createGame(s, { seed: 3, teams: ['A', 'B'], departmentSeat: 'facilitator' })).toThrow(RangeError);
  });

  it('a game file names the seat; a version 3 file (facilitator seat) still reads', () => {
    const options = { seed: 3, teams: ['A', 'B', 'C'], difficulty: 'normal' as const, rounds: 7 };
    const fileOf = (version: number, extra: object, log: GameEvent[]) => ({
      format: GAME_FILE_FORMAT,
      version,
      scenario: s.id,
      scenarioHash: scenarioHash(s),
      options: { ...options, ...extra },
      log,
    });
    const teamSplit: GameEvent = { type: 'allocate-envelope', lever: CONTRACT, shares: { 'team-3': 40 }, by: 'team-3' };
    const seated = parseGameFile(JSON.stringify(fileOf(4, { departmentSeat: 'team-3' }, [teamSplit])), scenarios());
    expect(seated.ok && seated.snapshot.context.game.allocations).toEqual({ [CONTRACT]: { 'team-3': 40 } });
    expect(parseGameFile(JSON.stringify(fileOf(4, {}, [teamSplit])), scenarios())).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 1, type: 'allocate-envelope', reason: 'not-your-seat' },
    });
    const old = parseGameFile(JSON.stringify(fileOf(3, {}, [allocate(CONTRACT, { 'team-1': 60 })])), scenarios());
    expect(old.ok && old.snapshot.context.game.allocations).toEqual({ [CONTRACT]: { 'team-1': 60 } });
    expect(parseGameFile(JSON.stringify(fileOf(4, { departmentSeat: 'team-4' }, [])), scenarios())).toEqual({
      ok: false,
      error: 'bad-options',
    });
  });
});
