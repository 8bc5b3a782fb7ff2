/**
 * The panels' words turned into the game's logged events, or into a change of
 * the view's own draft (the card a team is looking at before it funds it).
 * One translation for every source of a game: the controller that runs the
 * machine here and the networked device that sends its events to the server.
 */
import { cardsOpenTo, checkEvent, currentTeam, noteText } from '../../engine/index.ts';
import type { TurnTimer } from '../../engine/timer.ts';
import type { GameEvent, GameState, Scenario } from '../../engine/types.ts';
import type { LogEntry } from '../../machines/game.ts';
import type { RoundView, ViewEvent } from './controller.ts';

/** The view's own steps: never logged, kept beside the game. */
export interface Draft {
  selection: RoundView['selection'];
  levers: string[];
  /** Why the last funding was refused (an engine error code). */
  refusal: string | null;
}

export const emptyDraft = (): Draft => ({ selection: null, levers: [], refusal: null });

export interface Interpreted {
  draft: Draft;
  /** The event to log, if the view's words make one. */
  entry: LogEntry | null;
}

/** What the translation reads of the game as it stands. */
export interface Standing {
  game: GameState;
  scenario: Scenario;
  paused: boolean;
  timer: TurnTimer;
  draft: Draft;
}

/** Every event but the clock's seconds and the facilitator's toggle, which each source handles itself. */
export type InterpretedEvent = Exclude<ViewEvent, { type: 'TICK' } | { type: 'SET_FACILITATOR' }>;

export function interpret(event: InterpretedEvent, standing: Standing): Interpreted {
  const { game, scenario, draft } = standing;
  const team = currentTeam(game);
  const log = (entry: LogEntry, next: Draft = draft): Interpreted => ({ draft: next, entry });
  const keep: Interpreted = { draft, entry: null };
  const cleared = { ...draft, selection: null };
  switch (event.type) {
    case 'CONTINUE':
      return log({ type: 'continue' });
    case 'CHOOSE_PROJECT': {
      const partners = event.partners ?? [];
      const open = team !== null && cardsOpenTo(game, scenario, team).some((c) => c.id === event.card);
      if (!open || (partners.length > 0 && !scenario.cards[event.card]?.poolable) || standing.paused) return keep;
      return { draft: { selection: { card: event.card, partners: [...partners] }, levers: [], refusal: null }, entry: null };
    }
    case 'TICK_LEVERS':
      // Other levers, another quote: the refusal of the last ones no longer holds (the live quote says its own).
      return draft.selection ? { draft: { ...draft, levers: [...event.levers], refusal: null }, entry: null } : keep;
    case 'FUND': {
      if (!draft.selection || team === null) return keep;
      const move: GameEvent = { type: 'start-project', team, card: draft.selection.card, levers: [...event.levers] };
      if (draft.selection.partners.length > 0) move.partners = [...draft.selection.partners];
      const reason = checkEvent(game, scenario, move);
      if (reason) return { draft: { ...draft, refusal: reason }, entry: null };
      return log(move, { ...draft, selection: null, refusal: null });
    }
    case 'ANSWER_OFFER':
      return team === null ? keep : log({ type: 'answer-offer', team, offer: event.offer, accept: event.accept }, cleared);
    case 'SEND_AID':
      return team === null ? keep : log({ type: 'send-aid', team, to: event.to }, cleared);
    case 'BACK':
      return { draft: { ...draft, selection: null, refusal: null }, entry: null };
    case 'PASS':
      return team === null ? keep : log({ type: 'pass', team }, cleared);
    case 'SKIP_PHASE':
      return log({ type: 'skip-phase' }, cleared);
    case 'INJECT_HAZARD':
      return log({ type: 'inject-hazard', hazard: event.hazard });
    case 'PLAN_HAZARD':
      return log({ type: 'plan-hazard', round: event.round, hazard: event.hazard });
    case 'ALLOCATE':
      return log({
        type: 'allocate-envelope',
        lever: event.lever,
        shares: event.shares,
        ...(event.by ? { by: event.by } : {}),
      });
    case 'NOTE':
      return log({ type: 'note', text: noteText(event.text), at: event.at });
    case 'PAUSE':
      return log({ type: 'pause' });
    case 'RESUME':
      return log({ type: 'resume' });
    case 'EXTEND_TIME':
      return log({ type: 'extend-time', seconds: event.seconds });
    case 'SET_TIMER':
      return log({
        type: 'set-timer',
        enabled: event.enabled,
        limitSeconds: event.limitSeconds ?? standing.timer.limitSeconds,
        forceOnExpiry: event.forceOnExpiry ?? standing.timer.forceOnExpiry,
      });
    case 'SKIP_TO_DEBRIEF':
      return log({ type: 'end-game' }, cleared);
    case 'FINISH':
      return log({ type: 'finish' });
  }
}
