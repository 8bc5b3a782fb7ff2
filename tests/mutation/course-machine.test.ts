/**
 * src/machines/course.ts on a synthetic course of two modules (two lessons, a
 * sorting activity of two items, a quiz of two single-answer questions each;
 * pass mark 50), with a backend that records what it is told.
 */

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { CoursePage } from '../../src/course/logic.ts';
import { type CourseProgress, emptyProgress, type ProgressBackend } from '../../src/course/progress.ts';
import type { Course, CourseModule } from '../../src/course/schema.ts';
import { type CourseEvent, createCourseMachine, pageModule } from '../../src/machines/course.ts';

const t = (text: string) => ({ fr: text, en: text });

function courseModule(id: string): CourseModule {
  const choice = (cid: string, correct: boolean) => ({ id: cid, text: t(cid), correct, feedback: t(cid) });
  return {
    id,
    title: t(id),
    summary: t(id),
    minutes: 30,
    activityMinutes: 5,
    lessons: [
      { id: `${id}-l1`, title: t('l1'), minutes: 10 },
      { id: `${id}-l2`, title: t('l2'), minutes: 5 },
    ],
    case: { lesson: `${id}-l1` },
    activity: {
      type: 'sorting',
      id: `${id}-act`,
      prompt: t('sort'),
      categories: [
        { id: `${id}-a`, label: t('a') },
        { id: `${id}-b`, label: t('b') },
      ],
      items: [
        { id: `${id}-i1`, label: t('i1'), category: `${id}-a`, feedback: t('f') },
        { id: `${id}-i2`, label: t('i2'), category: `${id}-b`, feedback: t('f') },
      ],
    },
    // Drawing the whole bank keeps every question on every sheet (only their order changes).
    quiz: {
      draw: 2,
      questions: [
        {
          id: `${id}-q1`,
          lesson: `${id}-l1`,
          prompt: t('q1'),
          multiple: false,
          choices: [choice(`${id}-q1-yes`, true), choice(`${id}-q1-no`, false)],
        },
        {
          id: `${id}-q2`,
          lesson: `${id}-l2`,
          prompt: t('q2'),
          multiple: false,
          choices: [choice(`${id}-q2-yes`, true), choice(`${id}-q2-no`, false)],
        },
      ],
    },
  };
}

const course: Course = { version: 1, passMark: 50, essentials: ['m1-l1'], modules: [courseModule('m1'), courseModule('m2')] };
const NOW = new Date('2026-03-04T05:06:07.000Z');

function recorder() {
  const saved: CourseProgress[] = [];
  const reported: { score: number; status: string }[] = [];
  const backend: ProgressBackend = {
    load: () => null,
    save: (p) => {
      saved.push(p);
    },
    report: (r) => {
      reported.push(r);
    },
    leave: () => {},
  };
  return { backend, saved, reported };
}

function run(page: CoursePage, events: CourseEvent[] = [], progress: CourseProgress | null = null, clock: boolean = true) {
  const rec = recorder();
  const machine = clock
    ? createCourseMachine(course, rec.backend, { now: () => NOW, seed: () => 11 })
    : createCourseMachine(course, rec.backend);
  const actor = createActor(machine, { input: { progress, page } }).start();
  for (const event of events) actor.send(event);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return { snapshot, ...rec };
}

const lesson: CoursePage = { kind: 'lesson', module: 'm1', lesson: 'm1-l1' };
const activity: CoursePage = { kind: 'activity', module: 'm1' };
const quiz: CoursePage = { kind: 'quiz', module: 'm1' };
const answer = (key: string, ...values: string[]): CourseEvent => ({ type: 'ANSWER', key, values });
const passedBoth: CourseProgress = {
  ...emptyProgress(),
  quizzes: { m1: { best: 100, attempts: 1, passed: true }, m2: { best: 50, attempts: 2, passed: true } },
};

describe('the course machine', () => {
  it('finds the module of a page', () => {
    expect(pageModule(course, quiz)?.id).toBe('m1');
    expect(pageModule(course, { kind: 'module', module: 'm2' })?.id).toBe('m2');
    expect(pageModule(course, { kind: 'module', module: 'm9' })).toBeUndefined();
    expect(pageModule(course, { kind: 'overview' })).toBeUndefined();
  });

  it('routes to the page asked for; only located pages are saved', () => {
    const overview = run({ kind: 'overview' });
    expect(overview.snapshot.value).toBe('overview');
    expect(overview.snapshot.context).toEqual({
      progress: { ...emptyProgress(), seed: 11 },
      page: { kind: 'overview' },
      draft: {},
      missing: [],
      activityResult: null,
      quizResult: null,
      sheet: null,
      reported: null,
    });
    expect([overview.saved.length, overview.reported.length]).toEqual([0, 0]);
    expect(run({ kind: 'progress' }).snapshot.value).toBe('progress');
    expect(run({ kind: 'module', module: 'm1' }).snapshot.value).toBe('module');
    expect(run({ kind: 'certificate' }).snapshot.value).toBe('certificateLocked');
    expect(run({ kind: 'certificate' }).saved).toEqual([]);
  });

  it('a lesson becomes the location, is saved and the result reported once', () => {
    const { snapshot, saved, reported } = run(lesson);
    expect(snapshot.value).toBe('lesson');
    expect(snapshot.context.progress.location).toBe('m1/m1-l1');
    expect(saved.map((p) => p.location)).toEqual(['m1/m1-l1']);
    expect(reported).toEqual([{ score: 0, status: 'incomplete' }]);
    expect(snapshot.context.reported).toEqual({ score: 0, status: 'incomplete' });
    const read = run(lesson, [{ type: 'MARK_READ' }]);
    expect(read.snapshot.context.progress.lessonsDone).toEqual(['m1-l1']);
    // Saved again, but the result did not change: not reported again.
    expect([read.saved.length, read.reported.length]).toEqual([2, 1]);
    expect(run(activity, [{ type: 'MARK_READ' }]).snapshot.context.progress.lessonsDone).toEqual([]);
  });

  it('navigating opens a fresh page', () => {
    const { snapshot } = run(activity, [answer('m1-i1', 'm1-a'), { type: 'NAVIGATE', page: { kind: 'module', module: 'm2' } }]);
    expect(snapshot.value).toBe('module');
    expect(snapshot.context).toMatchObject({ page: { kind: 'module', module: 'm2' }, draft: {}, missing: [] });
    expect(snapshot.context.progress.location).toBe('m1/activity');
  });

  it('an activity lists what is missing, then checks the answers and is done', () => {
    const missing = run(activity, [answer('m1-i1', 'm1-a'), { type: 'CHECK' }]);
    expect(missing.snapshot.value).toEqual({ activity: 'answering' });
    expect(missing.snapshot.context.missing).toEqual(['m1-i2']);
    expect(missing.snapshot.context.draft).toEqual({ 'm1-i1': ['m1-a'] });
    const checked = run(activity, [answer('m1-i1', 'm1-a'), answer('m1-i2', 'm1-a'), { type: 'CHECK' }]);
    expect(checked.snapshot.value).toEqual({ activity: 'checked' });
    expect(checked.snapshot.context.missing).toEqual([]);
    expect(checked.snapshot.context.activityResult).toMatchObject({ activity: 'm1-act', right: 1, total: 2 });
    expect(checked.snapshot.context.progress.activitiesDone).toEqual(['m1-act']);
    expect(checked.saved.length).toBe(2);
    const retry = run(activity, [answer('m1-i1', 'm1-a'), answer('m1-i2', 'm1-a'), { type: 'CHECK' }, { type: 'RETRY' }]);
    expect(retry.snapshot.value).toEqual({ activity: 'answering' });
    expect(retry.snapshot.context).toMatchObject({ draft: {}, missing: [], activityResult: null });
  });

  it('a quiz lists what is missing, then scores, records and reports', () => {
    const missing = run(quiz, [answer('m1-q2', 'm1-q2-yes'), { type: 'SUBMIT' }]);
    expect(missing.snapshot.value).toEqual({ quiz: 'answering' });
    expect(missing.snapshot.context.missing).toEqual(['m1-q1']);
    const half = run(quiz, [answer('m1-q1', 'm1-q1-yes'), answer('m1-q2', 'm1-q2-no'), { type: 'SUBMIT' }]);
    expect(half.snapshot.value).toEqual({ quiz: 'submitted' });
    // 1 of 2 right: 50, at the pass mark.
    expect(half.snapshot.context.quizResult).toMatchObject({ module: 'm1', score: 50, passed: true, right: 1, total: 2 });
    expect(half.snapshot.context.progress.quizzes).toEqual({ m1: { best: 50, attempts: 1, passed: true } });
    // Course score: (50 + 0) / 2 = 25, not complete.
    expect(half.reported).toEqual([
      { score: 0, status: 'incomplete' },
      { score: 25, status: 'incomplete' },
    ]);
    expect(half.snapshot.context.progress.location).toBe('m1/quiz');
    const again = run(quiz, [answer('m1-q2', 'm1-q2-yes'), { type: 'SUBMIT' }, answer('m1-q1', 'm1-q1-yes'), { type: 'SUBMIT' }]);
    expect([again.snapshot.context.missing, again.snapshot.context.quizResult?.score]).toEqual([[], 100]);
    const moved = run(quiz, [
      answer('m1-q1', 'm1-q1-yes'),
      answer('m1-q2', 'm1-q2-no'),
      { type: 'SUBMIT' },
      { type: 'CONTINUE' },
    ]);
    expect(moved.snapshot.value).toBe('moduleDone');
  });

  it('reports a change of status even when the score stays', () => {
    // m2 was taken before at 50 but not passed; 1 of 2 right now: 50 again, passed. Score (100 + 50) / 2 = 75 both times.
    const before: CourseProgress = {
      ...emptyProgress(),
      quizzes: { m1: { best: 100, attempts: 1, passed: true }, m2: { best: 50, attempts: 1, passed: false } },
    };
    const events: CourseEvent[] = [answer('m2-q1', 'm2-q1-yes'), answer('m2-q2', 'm2-q2-no'), { type: 'SUBMIT' }];
    const { reported } = run({ kind: 'quiz', module: 'm2' }, events, before);
    expect(reported).toEqual([
      { score: 75, status: 'incomplete' },
      { score: 75, status: 'passed' },
    ]);
  });

  it('an activity or a quiz of an unknown module lists nothing and checks nothing', () => {
    const act = run({ kind: 'activity', module: 'm9' }, [{ type: 'CHECK' }]);
    expect([act.snapshot.value, act.snapshot.context.missing]).toEqual([{ activity: 'answering' }, []]);
    const q = run({ kind: 'quiz', module: 'm9' }, [{ type: 'SUBMIT' }]);
    expect([q.snapshot.value, q.snapshot.context.missing]).toEqual([{ quiz: 'answering' }, []]);
  });

  it('dates the completion with the real clock by default', () => {
    const start: CourseProgress = { ...emptyProgress(), quizzes: { m2: { best: 100, attempts: 1, passed: true } } };
    const events: CourseEvent[] = [answer('m1-q1', 'm1-q1-yes'), answer('m1-q2', 'm1-q2-yes'), { type: 'SUBMIT' }];
    const { snapshot } = run(quiz, events, start, false);
    expect(snapshot.context.progress.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('a failed quiz stays until retried', () => {
    const failed = [
      answer('m1-q1', 'm1-q1-no'),
      answer('m1-q2', 'm1-q2-no'),
      { type: 'SUBMIT' },
      { type: 'CONTINUE' },
    ] as CourseEvent[];
    const { snapshot } = run(quiz, failed);
    expect(snapshot.value).toEqual({ quiz: 'submitted' });
    expect(snapshot.context.quizResult).toMatchObject({ score: 0, passed: false });
    const retried = run(quiz, [...failed, { type: 'RETRY' }]);
    expect(retried.snapshot.value).toEqual({ quiz: 'answering' });
    expect(retried.snapshot.context).toMatchObject({ draft: {}, quizResult: null });
  });

  it('the last module passed completes the course, dated once', () => {
    const start: CourseProgress = { ...emptyProgress(), quizzes: { m2: { best: 100, attempts: 1, passed: true } } };
    const events: CourseEvent[] = [answer('m1-q1', 'm1-q1-yes'), answer('m1-q2', 'm1-q2-yes'), { type: 'SUBMIT' }];
    const done = run(quiz, [...events, { type: 'CONTINUE' }], start);
    expect(done.snapshot.value).toBe('complete');
    expect(done.snapshot.context.progress.completedAt).toBe('2026-03-04T05:06:07.000Z');
    expect(done.reported.at(-1)).toEqual({ score: 100, status: 'passed' });
  });

  it('the certificate opens once every module is passed, and takes a name of 200 characters at most', () => {
    const cert = run({ kind: 'certificate' }, [{ type: 'SET_NAME', name: 'x'.repeat(250) }], passedBoth);
    expect(cert.snapshot.value).toBe('certificate');
    expect(cert.snapshot.context.progress.location).toBe('certificate');
    expect(cert.snapshot.context.progress.learnerName).toHaveLength(200);
    expect(cert.saved.length).toBe(2);
    // (100 + 50) / 2 = 75, passed.
    expect(cert.reported).toEqual([{ score: 75, status: 'passed' }]);
  });
});
