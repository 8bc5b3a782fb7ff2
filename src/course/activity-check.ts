/**
 * Checking a module's activity, and the stable order in which choices are shown. Pure functions.
 *
 * Answers use the quiz's shape (key -> chosen ids): a sorting item's id -> [category id]; a matching
 * pair's id (its left side) -> [the pair id of the right side chosen]; a game situation's activity id
 * -> [option id].
 */
import type { Answers } from './logic.ts';
import type { Activity } from './schema.ts';

export interface ActivityItemResult {
  /** The item, pair or option answered. */
  id: string;
  right: boolean;
  given: string | null;
  /** The right answer: a category id, a pair id, or the best option's id. */
  expected: string;
}

export interface ActivityResult {
  activity: string;
  right: number;
  total: number;
  items: ActivityItemResult[];
}

/** The keys the learner answers in an activity. */
export function activityKeys(activity: Activity): string[] {
  if (activity.type === 'sorting') return activity.items.map((i) => i.id);
  if (activity.type === 'matching') return activity.pairs.map((p) => p.id);
  return [activity.id];
}

export function unansweredItems(activity: Activity, answers: Answers): string[] {
  return activityKeys(activity).filter((key) => (answers[key] ?? []).length === 0);
}

export function checkActivity(activity: Activity, answers: Answers): ActivityResult {
  const given = (key: string) => answers[key]?.[0] ?? null;
  let items: ActivityItemResult[];
  if (activity.type === 'sorting') {
    items = activity.items.map((i) => ({
      id: i.id,
      given: given(i.id),
      expected: i.category,
      right: given(i.id) === i.category,
    }));
  } else if (activity.type === 'matching') {
    items = activity.pairs.map((p) => ({ id: p.id, given: given(p.id), expected: p.id, right: given(p.id) === p.id }));
  } else {
    const best = activity.options.find((o) => o.best)?.id ?? '';
    items = [{ id: activity.id, given: given(activity.id), expected: best, right: given(activity.id) === best }];
  }
  return { activity: activity.id, right: items.filter((i) => i.right).length, total: items.length, items };
}

/** FNV-1a: a small, stable hash, so the same content always shows in the same order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A fixed, content-derived order: the content lists the right answer first (and matching rights in the
 * order of their lefts), so showing them as written would give the answers away. Never random, so a
 * reload or a change of language keeps every choice in place.
 */
export function stableOrder<T extends { id: string }>(items: readonly T[], salt: string): T[] {
  return [...items].sort((a, b) => hash(`${salt}/${a.id}`) - hash(`${salt}/${b.id}`) || a.id.localeCompare(b.id));
}
