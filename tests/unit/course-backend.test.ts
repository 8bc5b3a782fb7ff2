import { describe, expect, it, vi } from 'vitest';
import { createLocalBackend, PROGRESS_KEY, parseProgress, UNREADABLE_KEY } from '../../src/course/local-backend.ts';
import { type CourseProgress, emptyProgress } from '../../src/course/progress.ts';
import { type KeyValueStore, memoryStore, webStore } from '../../src/storage/store.ts';

const progress: CourseProgress = {
  ...emptyProgress(),
  location: 'resilience-basics/resilience-basics-needs',
  lessonsDone: ['resilience-basics-what'],
  activitiesDone: ['resilience-basics-needs-matching'],
  quizzes: { 'resilience-basics': { best: 83, attempts: 2, passed: true } },
  learnerName: 'Camille',
};

/** A Web Storage whose writes throw a quota error once `full` is set. */
function fullStorage(): { storage: Storage; fill(full: boolean): void } {
  const data = new Map<string, string>();
  let full = false;
  const storage = {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => {
      data.delete(k);
    },
    clear: () => data.clear(),
  } as Storage;
  return { storage, fill: (value) => (full = value) };
}

describe('course progress in the kit’s storage', () => {
  it('returns null on a first visit and what it saved afterwards', () => {
    const store = memoryStore();
    const backend = createLocalBackend(store);
    expect(backend.load()).toBeNull();
    backend.save(progress);
    expect(createLocalBackend(store).load()).toEqual(progress);
  });

  it('reads corrupt or foreign data as a first visit, says so and sets the text aside', () => {
    for (const text of ['{not json', '{"version":2}', JSON.stringify({ ...progress, quizzes: { x: { best: 140 } } }), '[]']) {
      const store: KeyValueStore = memoryStore();
      store.set(PROGRESS_KEY, text);
      const onUnreadable = vi.fn();
      expect(() => createLocalBackend(store, { onUnreadable }).load()).not.toThrow();
      expect(createLocalBackend(store).load()).toBeNull();
      expect(onUnreadable).toHaveBeenCalledTimes(1);
      expect(store.get(UNREADABLE_KEY)).toBe(text);
    }
    expect(parseProgress(JSON.stringify(progress))).toEqual(progress);
  });

  it('reports a full quota once per run of failures, and keeps the progress readable for the visit', () => {
    const { storage, fill } = fullStorage();
    const store = webStore(() => storage);
    const onWrite = vi.fn();
    const backend = createLocalBackend(store, { onWrite });
    fill(true);
    backend.save(progress);
    backend.save({ ...progress, learnerName: 'Camille M.' });
    expect(onWrite).toHaveBeenCalledTimes(1);
    expect(onWrite).toHaveBeenCalledWith({ ok: false, error: 'quota' });
    expect(backend.load()?.learnerName).toBe('Camille M.');
    fill(false);
    backend.save(progress);
    fill(true);
    backend.save(progress);
    expect(onWrite).toHaveBeenCalledTimes(2);
  });

  it('has nothing to do on report and leave', () => {
    const backend = createLocalBackend(memoryStore());
    expect(() => backend.report({ score: 50, status: 'incomplete' })).not.toThrow();
    expect(() => backend.leave('unload')).not.toThrow();
  });
});
