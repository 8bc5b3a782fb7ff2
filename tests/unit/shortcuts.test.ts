import { describe, expect, it } from 'vitest';
import type { GameView } from '../../src/game/session/controller.ts';
import { GAME_SHORTCUTS, type ShortcutContext, shortcutFor } from '../../src/game/table/shortcuts.ts';

const view = (over: Partial<GameView>): GameView =>
  ({ status: 'playing', paused: false, phase: 'diagnose', facilitator: false, ...over }) as GameView;
const ctx = (over: Partial<GameView>, facilitator = false): ShortcutContext => ({ view: view(over), facilitator });
const action = (key: string, c: ShortcutContext) => shortcutFor(key, c)?.action ?? null;

describe('the game shortcuts, one table', () => {
  it('lists each key once, with its help line', () => {
    expect(GAME_SHORTCUTS.map((s) => [s.key, s.label])).toEqual([
      ['n', 'game:help.continue'],
      ['p', 'game:help.pass'],
      ['b', 'game:help.back'],
      ['f', 'game:help.facilitator'],
      ['k', 'game:help.pause'],
      ['m', 'game:help.map'],
      ['?', 'game:help.help'],
    ]);
  });

  it('N moves on only in the phases the table reads together, never confirming a team’s funding', () => {
    for (const phase of ['diagnose', 'implement', 'shock', 'evaluate'] as const)
      expect(action('n', ctx({ phase }))).toBe('continue');
    expect(action('n', ctx({ phase: 'plan' }))).toBeNull();
    expect(action('n', ctx({ phase: 'fund' }))).toBeNull();
    expect(action('n', ctx({ paused: true }))).toBeNull();
    expect(action('n', ctx({ status: 'debrief', phase: null }))).toBeNull();
  });

  it('P passes and B goes back only in a team’s turn; K pauses only with the facilitator’s controls shown', () => {
    expect([action('p', ctx({ phase: 'plan' })), action('p', ctx({ phase: 'fund' })), action('p', ctx({}))]).toEqual([
      'pass',
      'pass',
      null,
    ]);
    expect([action('b', ctx({ phase: 'fund' })), action('b', ctx({ phase: 'plan' }))]).toEqual(['back', null]);
    expect([action('k', ctx({}, true)), action('k', ctx({ paused: true }, true)), action('k', ctx({}))]).toEqual([
      'pause',
      'pause',
      null,
    ]);
    expect([action('m', ctx({ status: 'finished' })), action('?', ctx({})), action('x', ctx({}))]).toEqual(['map', 'help', null]);
  });
});
