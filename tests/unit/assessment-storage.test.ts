import { describe, expect, it } from 'vitest';
import { type Answers, assessment } from '../../src/assessment/content.ts';
import { AssessmentController } from '../../src/assessment/controller.ts';
import { exportAttempts, importAttempts, MAX_RESULTS_FILE, parseResultsFile } from '../../src/assessment/results-file.ts';
import {
  type Attempt,
  listAttempts,
  loadProgress,
  readAttempt,
  renameAttempt,
  saveAttempt,
} from '../../src/assessment/storage.ts';
import type { StoreResult } from '../../src/storage/store.ts';
import { memoryStore } from '../../src/storage/store.ts';

const content = assessment();
const [q1, q2, q3] = content.questions.map((q) => q.id);
const ok = (_: StoreResult) => {};

/** Started at 09:00 UTC on the day it finished. */
function attempt(id: string, finishedAt: string, answers: Answers): Attempt {
  return { id, startedAt: `${finishedAt.slice(0, 10)}T09:00:00.000Z`, finishedAt, answers };
}

describe('progress under way', () => {
  it('is saved after every event and resumed on the same page with the same answers', () => {
    const store = memoryStore();
    const first = new AssessmentController(content, store, ok, loadProgress(store, content).progress);
    first.send({ type: 'CHOOSE_RESPONDENT', respondent: 'epci' });
    first.send({ type: 'START', attemptId: 'a-1', startedAt: '2026-11-28T10:00:00.000Z' });
    first.send({ type: 'ANSWER', question: q1 as string, value: 2 });
    first.send({ type: 'ANSWER', question: q2 as string, value: 'unknown' });
    first.send({ type: 'SKIP' });
    first.send({ type: 'SKIP' });
    const before = first.snapshot();
    first.dispose();
    const loaded = loadProgress(store, content);
    expect(loaded.corrupt).toBe(false);
    const second = new AssessmentController(content, store, ok, loaded.progress);
    expect(second.snapshot()).toEqual(before);
    expect(second.snapshot().context).toMatchObject({
      respondent: 'epci',
      page: 2,
      answers: { [q1 as string]: 2, [q2 as string]: 'unknown' },
    });
    expect(JSON.parse(store.get('test:progress') ?? '{}')).toMatchObject({ version: 2, respondent: 'epci' });
    expect(second.href()).toBe(`#/test/questions/${content.dimensions[2]?.id}`);
  });

  it('corrupt, unknown or out-of-range data gives a fresh start and a flag, never an exception', () => {
    const base = {
      format: 'resilient-territory-kit/test-progress',
      version: 1,
      state: 'questions',
      attemptId: 'a-1',
      startedAt: '2026-11-28T10:00:00.000Z',
      finishedAt: null,
      page: 1,
      answers: { [q1 as string]: 3 },
    };
    const bad = [
      '{broken',
      'null',
      JSON.stringify({ ...base, version: 3 }),
      JSON.stringify({ ...base, version: 2, respondent: 'mayor' }),
      JSON.stringify({ ...base, state: 'elsewhere' }),
      JSON.stringify({ ...base, page: content.dimensions.length }),
      JSON.stringify({ ...base, answers: { 'no-such-question': 1 } }),
      JSON.stringify({ ...base, answers: { [q1 as string]: 4 } }),
      JSON.stringify({ ...base, answers: { [q1 as string]: 'maybe' } }),
    ];
    for (const raw of bad) {
      const store = memoryStore();
      store.set('test:progress', raw);
      expect(loadProgress(store, content), raw).toEqual({ progress: null, corrupt: true });
      expect(store.get('test:progress')).toBeNull();
      expect(loadProgress(store, content)).toEqual({ progress: null, corrupt: false });
    }
    const store = memoryStore();
    store.set('test:progress', JSON.stringify(base));
    // A version 1 progress (saved before the choice) resumes with nobody chosen: every question asked as is.
    expect(loadProgress(store, content).progress).toMatchObject({ state: 'questions', page: 1, respondent: null });
    const resumed = new AssessmentController(content, store, ok, loadProgress(store, content).progress);
    expect(resumed.snapshot()).toMatchObject({ state: 'questions', context: { respondent: null, page: 1 } });
  });

  it('keeps a finished attempt once, and does not bring back a deleted one on reload', () => {
    const store = memoryStore();
    const controller = new AssessmentController(content, store, ok, null);
    controller.send({ type: 'CHOOSE_RESPONDENT', respondent: 'association' });
    controller.send({ type: 'START', attemptId: 'a-2', startedAt: '2026-11-28T10:00:00.000Z' });
    controller.send({ type: 'ANSWER', question: q1 as string, value: 1 });
    for (let i = 0; i < content.dimensions.length; i += 1) controller.send({ type: 'SKIP' });
    controller.send({ type: 'FINISH', finishedAt: '2026-11-28T10:30:00.000Z' });
    expect(controller.href()).toBe('#/test/results/a-2');
    expect(readAttempt(store, content, 'a-2')).toEqual({
      ...attempt('a-2', '2026-11-28T10:30:00.000Z', { [q1 as string]: 1 }),
      startedAt: '2026-11-28T10:00:00.000Z',
      respondent: 'association',
    });
    expect(JSON.parse(store.get('test:attempt:a-2') ?? '{}').version).toBe(2);
    controller.dispose();
    store.remove('test:attempt:a-2');
    const again = new AssessmentController(content, store, ok, loadProgress(store, content).progress);
    expect(again.snapshot().state).toBe('results');
    expect(readAttempt(store, content, 'a-2')).toBeNull();
  });

  it('reports a failed write', () => {
    const results: StoreResult[] = [];
    const full = { ...memoryStore(), set: () => ({ ok: false, error: 'quota' }) as StoreResult };
    const controller = new AssessmentController(content, full, (r) => results.push(r), null);
    controller.send({ type: 'CHOOSE_RESPONDENT', respondent: 'commune' });
    controller.send({ type: 'START', attemptId: 'a-3', startedAt: '2026-11-28T10:00:00.000Z' });
    expect(results.some((r) => !r.ok)).toBe(true);
  });
});

describe('earlier results', () => {
  it('are listed newest first; an unreadable one is counted', () => {
    const store = memoryStore();
    saveAttempt(store, attempt('old', '2026-10-01T10:00:00.000Z', { [q1 as string]: 1 }));
    saveAttempt(store, attempt('new', '2026-11-01T10:00:00.000Z', { [q1 as string]: 3 }));
    store.set('test:attempt:broken', '{"format":');
    const { attempts, unreadable } = listAttempts(store, content);
    expect(attempts.map((a) => a.id)).toEqual(['new', 'old']);
    expect(unreadable).toBe(1);
  });

  it('export and import round-trip; an import never overwrites', () => {
    const store = memoryStore();
    const a = attempt('a', '2026-10-01T10:00:00.000Z', { [q1 as string]: 1, [q2 as string]: 'unknown' });
    const file = exportAttempts(content, [a], '2026-11-28T12:00:00.000Z');
    expect(JSON.parse(file).attempts[0].scores[content.dimensions[0]?.id as string]).toBeNull();
    const parsed = parseResultsFile(file, content);
    expect(parsed).toEqual({ ok: true, attempts: [a] });
    if (!parsed.ok) return;
    expect(importAttempts(store, content, parsed.attempts, () => 'fresh').added).toEqual([a]);
    // The same file again: nothing added.
    expect(importAttempts(store, content, parsed.attempts, () => 'fresh').added).toEqual([]);
    // Another attempt with a taken id: a fresh id, the first kept.
    const other = { ...a, answers: { [q3 as string]: 2 } } as Attempt;
    expect(importAttempts(store, content, [other], () => 'fresh').added.map((x) => x.id)).toEqual(['fresh']);
    expect(readAttempt(store, content, 'a')).toEqual(a);
    expect(listAttempts(store, content).attempts).toHaveLength(2);
  });

  it('refuses a bad file with the reason', () => {
    const good = JSON.parse(exportAttempts(content, [attempt('a', '2026-10-01T10:00:00.000Z', { [q1 as string]: 2 })], 'x'));
    const variant = (change: (file: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, string][] = [
      ['x'.repeat(MAX_RESULTS_FILE + 1), 'too-large'],
      ['{"format": ', 'not-json'],
      [JSON.stringify({ format: 'resilient-territory-kit/game', version: 1 }), 'not-results'],
      [variant((f) => (f.version = 4)), 'unsupported-version'],
      [variant((f) => (f.attempts[0].respondent = 'mayor')), 'unknown-respondent'],
      [
        variant((f) => {
          f.attempts[0].respondent = 'association';
          f.attempts[0].answers = { 'water-uses': 2 };
        }),
        'skipped-question-answered',
      ],
      [variant((f) => (f.attempts[0].startedAt = '2026-10-01T11:00:00.000Z')), 'finish-before-start'],
      [variant((f) => (f.attempts = [])), 'not-results'],
      [variant((f) => (f.attempts[0].finishedAt = 'yesterday')), 'not-results'],
      [variant((f) => (f.attempts[0].answers = { 'no-such-question': 1 })), 'unknown-question'],
      [variant((f) => (f.attempts[0].answers = { [q1 as string]: 7 })), 'answer-out-of-range'],
      [variant((f) => (f.attempts[0].answers = { [q1 as string]: 1.5 })), 'answer-out-of-range'],
    ];
    for (const [text, error] of cases) expect(parseResultsFile(text, content), error).toEqual({ ok: false, error });
  });

  it('still imports a version 1 file, which has no names (a name in it is ignored)', () => {
    const v1 = JSON.stringify({
      format: 'resilient-territory-kit/test-results',
      version: 1,
      exportedAt: '2026-11-28T12:00:00.000Z',
      attempts: [
        {
          id: 'old-one',
          startedAt: '2026-06-01T08:00:00Z',
          finishedAt: '2026-06-01T08:20:00Z',
          answers: { [q1 as string]: 3 },
          name: { structure: 'ignored' },
          scores: {},
        },
      ],
    });
    expect(parseResultsFile(v1, content)).toEqual({
      ok: true,
      attempts: [
        { id: 'old-one', startedAt: '2026-06-01T08:00:00Z', finishedAt: '2026-06-01T08:20:00Z', answers: { [q1 as string]: 3 } },
      ],
    });
  });

  it('exports who answered in version 3 and reads it back; a version 2 file, without it, imports as before', () => {
    const forAssociation = {
      ...attempt('x', '2026-10-01T10:00:00.000Z', { [q1 as string]: 2 }),
      respondent: 'association' as const,
    };
    const file = JSON.parse(exportAttempts(content, [forAssociation], 'x'));
    expect([file.version, file.attempts[0].respondent]).toEqual([3, 'association']);
    expect(parseResultsFile(JSON.stringify(file), content)).toEqual({ ok: true, attempts: [forAssociation] });
    // A file exported before the choice existed (version 2): same attempt, no respondent, water-uses answered.
    const v2 = JSON.stringify({
      format: 'resilient-territory-kit/test-results',
      version: 2,
      exportedAt: '2026-09-01T12:00:00.000Z',
      attempts: [
        {
          id: 'before',
          startedAt: '2026-09-01T08:00:00Z',
          finishedAt: '2026-09-01T08:20:00Z',
          answers: { 'water-uses': 3 },
          name: { structure: 'Mairie' },
          respondent: 'association',
          scores: {},
        },
      ],
    });
    const parsed = parseResultsFile(v2, content);
    expect(parsed).toEqual({
      ok: true,
      attempts: [
        {
          id: 'before',
          startedAt: '2026-09-01T08:00:00Z',
          finishedAt: '2026-09-01T08:20:00Z',
          answers: { 'water-uses': 3 },
          name: { structure: 'Mairie' },
        },
      ],
    });
    // A stored attempt of version 1 reads back as it was, with no respondent.
    const store = memoryStore();
    store.set(
      'test:attempt:v1',
      JSON.stringify({
        format: 'resilient-territory-kit/test-attempt',
        version: 1,
        ...attempt('v1', '2026-08-01T10:00:00.000Z', { 'water-uses': 1 }),
      }),
    );
    expect(readAttempt(store, content, 'v1')).toEqual(attempt('v1', '2026-08-01T10:00:00.000Z', { 'water-uses': 1 }));
  });

  it('skips duplicates (same finish and answers, whatever the id), in the file or already here', () => {
    const store = memoryStore();
    const a = attempt('a', '2026-10-01T10:00:00.000Z', { [q1 as string]: 1 });
    saveAttempt(store, a);
    const sameUnderAnotherId = { ...a, id: 'b' };
    const fresh = attempt('c', '2026-10-02T10:00:00.000Z', { [q1 as string]: 2 });
    const result = importAttempts(store, content, [sameUnderAnotherId, fresh, { ...fresh, id: 'd' }], () => 'fresh');
    expect(result.added.map((x) => x.id)).toEqual(['c']);
    expect(result.duplicates).toBe(2);
    expect(listAttempts(store, content).attempts.map((x) => x.id)).toEqual(['c', 'a']);
  });

  it('names an attempt; the name is cleaned, cut to 80 characters, exported and read back', () => {
    const store = memoryStore();
    saveAttempt(store, attempt('a', '2026-10-01T10:00:00.000Z', { [q1 as string]: 1 }));
    const long = 'é'.repeat(100);
    renameAttempt(store, content, 'a', { structure: '  Épicerie\u0000 <b>solidaire</b>\n ', commune: long, respondent: '' });
    const named = readAttempt(store, content, 'a');
    expect(named?.name).toEqual({ structure: 'Épicerie <b>solidaire</b>', commune: 'é'.repeat(80) });
    const file = JSON.parse(exportAttempts(content, named ? [named] : [], 'x'));
    expect(file.version).toBe(3);
    expect(file.attempts[0].name).toEqual({ structure: 'Épicerie <b>solidaire</b>', commune: 'é'.repeat(80) });
    renameAttempt(store, content, 'a', { structure: ' ', commune: '', respondent: '' });
    expect(readAttempt(store, content, 'a')).toEqual(attempt('a', '2026-10-01T10:00:00.000Z', { [q1 as string]: 1 }));
    expect(renameAttempt(store, content, 'gone', { structure: 'x' })).toBeNull();
  });
});
