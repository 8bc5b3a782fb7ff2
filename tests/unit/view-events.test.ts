/** The funding draft: a refused launch is said until the team changes its levers, then the live quote speaks. */
import { describe, expect, it } from 'vitest';
import { applyEvent, cardsOpenTo, createGame } from '../../src/engine/index.ts';
import { DEFAULT_TIMER } from '../../src/engine/timer.ts';
import { emptyDraft, interpret, type Standing } from '../../src/game/session/view-events.ts';
import { CONTINUE, scenario } from './helpers.ts';

const s = scenario('periurban-brownfield');
const game = applyEvent(createGame(s, { seed: 1, teams: ['T1', 'T2'] }), s, CONTINUE);

describe('the funding draft', () => {
  it('forgets the refusal of the last launch once the levers change', () => {
    const card = (cardsOpenTo(game, s, 'team-1')[0] as { id: string }).id;
    const standing = (draft = emptyDraft()): Standing => ({ game, scenario: s, paused: false, timer: DEFAULT_TIMER, draft });
    const chosen = interpret({ type: 'CHOOSE_PROJECT', card }, standing()).draft;
    const refused = interpret({ type: 'FUND', levers: ['no-such-lever'] }, standing(chosen));
    expect([refused.entry, refused.draft.refusal]).toEqual([null, 'unknown-lever']);
    const ticked = interpret({ type: 'TICK_LEVERS', levers: [] }, standing(refused.draft)).draft;
    expect(ticked).toEqual({ selection: { card, partners: [] }, levers: [], refusal: null });
  });
});
