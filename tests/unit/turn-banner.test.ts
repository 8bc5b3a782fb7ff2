/**
 * The banner over the table names the round the room is in: 3 teams on
 * periurban-brownfield, seed 1, 4 rounds, everyone passing in round 1. At the
 * year's review the engine already counts the next year; the room is still in
 * round 1's review.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, createGame } from '../../src/engine/index.ts';
import type { GameEvent, GameState } from '../../src/engine/types.ts';
import type { GameView } from '../../src/game/session/controller.ts';
import { turnBanner } from '../../src/game/table/format.ts';
import { initI18n } from '../../src/i18n/index.ts';
import { CONTINUE, pass, scenario } from './helpers.ts';

const s = scenario('periurban-brownfield');
const play = (state: GameState, ...events: GameEvent[]) => events.reduce((g, e) => applyEvent(g, s, e), state);
const view = (game: GameState) => ({ status: 'playing', paused: false, phase: game.phase, game }) as GameView;

beforeAll(async () => {
  await initI18n('en');
});

describe('turn banner', () => {
  it("says round 1 through round 1's review, and round 2 once its diagnosis opens", () => {
    const start = createGame(s, { seed: 1, teams: ['T1', 'T2', 'T3'], rounds: 4 });
    const shock = play(start, CONTINUE, pass('team-1'), pass('team-2'), pass('team-3'), CONTINUE);
    const review = play(shock, CONTINUE);
    const next = play(review, CONTINUE);
    expect([shock.phase, review.phase, review.round, next.phase]).toEqual(['shock', 'evaluate', 2, 'diagnose']);
    expect([shock, review, next].map((g) => turnBanner(view(g)).split(' · ')[0])).toEqual([
      'Round 1 of 4',
      'Round 1 of 4',
      'Round 2 of 4',
    ]);
  });
});
