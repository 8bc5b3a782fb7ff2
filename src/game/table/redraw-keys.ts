/**
 * When the play view's slots must be drawn again: each key changes exactly
 * when something its slot shows changed. The clock redraws the view every
 * second, and a panel drawn again for nothing would lose the keyboard focus
 * and what a screen reader was reading.
 */
import { teamsToAct } from '../../engine/index.ts';
import type { GameView } from '../session/controller.ts';

/** The phase panel: the round, whose turn, the draft, and what the other faces show of the table. */
export function panelKey(view: GameView): string {
  const game = view.game;
  const current = teamsToAct(game)[0];
  return JSON.stringify([
    view.status,
    view.phase,
    game.round,
    current?.id,
    current?.moves,
    game.projects.length,
    view.round?.selection,
    view.round?.refusal,
    view.paused,
    // The other faces show who has played and the offers in progress.
    game.teams.map((team) => team.acted).join(),
    // An offer answered changes its answers or its status, not the number of offers: a refusal leaves the turn as it was.
    game.offers.map((o) => `${o.id}:${o.status}:${Object.keys(o.answers).join('+')}`).join(),
    // A team holding the Department seat sees its splits recorded in the diagnose panel.
    game.departmentSeat === null ? null : game.allocations,
    // The debrief of the table and the console lists the facilitator's notes.
    view.status === 'playing' ? null : game.notes.length,
  ]);
}

/** The facilitator's panel: its controls, the clock's settings, the hazards injected or planned. */
export function facilitatorKey(view: GameView, shown: boolean): string {
  return JSON.stringify([
    shown,
    view.status,
    view.paused,
    view.timer.enabled,
    view.timer.limitSeconds,
    view.timer.forceOnExpiry,
    view.timer.remainingSeconds > 0,
    view.round?.pendingHazard,
    view.game.plannedHazards.length,
    view.game.notes.length,
    // The Department seat shows in the diagnose phase, with the round's envelopes and splits.
    view.game.round,
    view.game.phase,
    view.game.allocations,
  ]);
}
