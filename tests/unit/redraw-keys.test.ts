/**
 * The play view draws its phase panel again only when its key changes: 3 teams
 * on periurban-brownfield, seed 1, round 1's plan phase; T1 offers T2 to pool
 * "Transport solidaire", then T1 passes and T2 is to answer.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createGame } from '../../src/engine/index.ts';
import type { GameEvent, GameState } from '../../src/engine/types.ts';
import { panelKey } from '../../src/game/table/redraw-keys.ts';
import { CONTINUE, pass, playingView, scenario, start } from './helpers.ts';

const s = scenario('periurban-brownfield');
const play = (state: GameState, ...events: GameEvent[]) => events.reduce((g, e) => applyEvent(g, s, e), state);

const view = (game: GameState, remainingSeconds = 0) => playingView(game, [], remainingSeconds);

describe('phase panel key', () => {
  const waiting = play(
    createGame(s, { seed: 1, teams: ['T1', 'T2', 'T3'] }),
    CONTINUE,
    start('team-1', 'solidarity-transport', ['call-for-projects'], ['team-2']),
    pass('team-1'),
  );

  it('changes when an offer is refused, though the turn and the number of offers stay as they were', () => {
    const refused = applyEvent(waiting, s, { type: 'answer-offer', team: 'team-2', offer: 'o1', accept: false });
    expect([refused.offers.length, refused.offers[0]?.status, refused.teams[1]?.acted]).toEqual([1, 'declined', false]);
    expect(panelKey(view(refused))).not.toBe(panelKey(view(waiting)));
  });

  it('stays the same when only the clock moved', () => {
    expect(panelKey(view(waiting, 90))).toBe(panelKey(view(waiting, 89)));
  });
});
