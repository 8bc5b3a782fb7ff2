/**
 * A seat's funding step kept on its device: the card it chose and the levers
 * it ticked, with the round and team they were chosen for. A phone drops a
 * tab it has put in the background; reloaded, the seat finds its step as it
 * left it, as a local game does (its save keeps the ticked levers). What is
 * read back is checked: anything else, or another turn's step, is ignored.
 */
import { currentTeam } from '../../engine/index.ts';
import type { GameState } from '../../engine/types.ts';
import type { KeyValueStore } from '../../storage/store.ts';
import type { Draft } from '../session/view-events.ts';

export interface DraftKeeper {
  load(): string | null;
  /** null: nothing to keep (the step was left or played). */
  save(text: string | null): void;
}

const ids = (value: unknown, most: number): value is string[] =>
  Array.isArray(value) && value.length <= most && value.every((v) => typeof v === 'string' && v.length <= 100);

/** The step to keep for this game: the chosen card and its levers, for this round's team; null without a choice. */
export function draftToKeep(game: GameState, draft: Draft): string | null {
  const team = currentTeam(game);
  if (!draft.selection || team === null) return null;
  return JSON.stringify({ round: game.round, team, selection: draft.selection, levers: draft.levers });
}

/** The kept step, if it is well formed and made for the turn this game is at (the plan phase, that team). */
export function keptDraft(text: string | null, game: GameState): Draft | null {
  if (!text) return null;
  let kept: unknown;
  try {
    kept = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof kept !== 'object' || kept === null) return null;
  const { round, team, selection, levers } = kept as Record<string, unknown>;
  if (round !== game.round || game.phase !== 'plan' || team !== currentTeam(game) || !ids(levers, 20)) return null;
  if (typeof selection !== 'object' || selection === null) return null;
  const { card, partners } = selection as Record<string, unknown>;
  if (typeof card !== 'string' || card.length > 100 || !ids(partners, 8)) return null;
  return { selection: { card, partners: [...partners] }, levers: [...levers], refusal: null };
}

/** A seat's step in the kit's storage, under the workshop's code. */
export function storeKeeper(store: KeyValueStore, code: string): DraftKeeper {
  const key = `workshop:${code}:draft`;
  return {
    load: () => store.get(key),
    save: (text) => (text === null ? store.remove(key) : void store.set(key, text)),
  };
}
