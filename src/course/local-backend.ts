/**
 * The course's progress kept in the kit's own storage (when the course runs outside an LMS): one
 * versioned record, validated with zod on the way in. Unreadable data gives null (a first visit) and a
 * call to onUnreadable, never a throw; the unreadable text is set aside, not lost. A failed write (full
 * quota, storage refused) goes to onWrite, once until writes work again.
 */
import { z } from 'zod';
import type { KeyValueStore, StoreResult } from '../storage/store.ts';
import type { CourseProgress, ProgressBackend } from './progress.ts';

export const PROGRESS_KEY = 'course:progress';
/** Where an unreadable record is moved, so a later version (or a person) can still recover it. */
export const UNREADABLE_KEY = 'course:progress-unreadable';

const itemId = z.string().max(200);

export const progressSchema = z.object({
  version: z.literal(1),
  location: z.string().max(400),
  lessonsDone: z.array(itemId).max(1000),
  activitiesDone: z.array(itemId).max(1000),
  quizzes: z.record(
    itemId,
    z.object({
      best: z.number().int().min(0).max(100),
      attempts: z.number().int().min(0).max(100_000),
      passed: z.boolean(),
    }),
  ),
  learnerName: z.string().max(200),
  completedAt: z.string().max(40).nullable(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});

/** Progress from stored text, or null when the text is not a progress record of a known version. */
export function parseProgress(text: string): CourseProgress | null {
  try {
    const parsed = progressSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as CourseProgress) : null;
  } catch {
    return null;
  }
}

export interface LocalBackendOptions {
  /** Stored progress could not be read: the view shows a translated notice. */
  onUnreadable?(): void;
  /** A write failed (or works again after failing): the kit reports it (ctx.reportStore). */
  onWrite?(result: StoreResult): void;
}

export function createLocalBackend(store: KeyValueStore, options: LocalBackendOptions = {}): ProgressBackend {
  let failing = false;
  return {
    where: 'device',
    lastSaveOk: () => !failing,
    load() {
      const raw = store.get(PROGRESS_KEY);
      if (raw === null) return null;
      const progress = parseProgress(raw);
      if (!progress) {
        // Set aside before the next save replaces it.
        store.set(UNREADABLE_KEY, raw);
        options.onUnreadable?.();
      }
      return progress;
    },
    save(progress) {
      const result = store.set(PROGRESS_KEY, JSON.stringify(progress));
      // One message per run of failures: a full quota would otherwise repeat it at every click.
      if (!result.ok && !failing) options.onWrite?.(result);
      failing = !result.ok;
    },
    report() {
      // The progress record already holds the scores: nothing else to keep outside an LMS.
    },
    leave() {
      // Every save is written at once: nothing is pending when the page goes away.
    },
  };
}
