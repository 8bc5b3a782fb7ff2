// @vitest-environment happy-dom
/**
 * The console's "last action" of a seat, in words, read from the session's
 * log: 3 teams on periurban-brownfield, seed 1, round 1's plan phase.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, createGame } from '../../src/engine/index.ts';
import type { GameState } from '../../src/engine/types.ts';
import { lastAction } from '../../src/game/network/console-panel.ts';
import type { GameView } from '../../src/game/session/controller.ts';
import { initI18n } from '../../src/i18n/index.ts';
import type { LogEntry } from '../../src/machines/game.ts';
import { CONTINUE, pass, scenario, start } from './helpers.ts';

const s = scenario('periurban-brownfield');
const game: GameState = applyEvent(createGame(s, { seed: 1, teams: ['T1', 'T2', 'T3'] }), s, CONTINUE);
const view = { game } as GameView;

beforeAll(async () => {
  await initI18n('en');
});

describe('a seat’s last action', () => {
  it('says an offer to pool was made, a plain start, a pass, and nothing for a team that did nothing', () => {
    const log: LogEntry[] = [
      CONTINUE,
      start('team-1', 'solidarity-transport', ['call-for-projects'], ['team-2']),
      start('team-2', 'solidarity-transport', ['call-for-projects']),
      pass('team-3'),
    ];
    expect(['team-1', 'team-2', 'team-3'].map((team) => lastAction(log, team, view, s))).toEqual([
      'offered to pool Solidarity transport',
      'started Solidarity transport',
      'passed',
    ]);
    expect(lastAction([CONTINUE], 'team-1', view, s)).toBeNull();
  });
});
