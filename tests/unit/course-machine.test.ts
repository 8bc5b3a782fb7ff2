import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { loadCourse } from '../../src/course/content.ts';
import type { CourseResult } from '../../src/course/logic.ts';
import { type CoursePolicy, DEFAULT_POLICY } from '../../src/course/policy.ts';
import type { QuizAttempt } from '../../src/course/progress.ts';
import { type CourseProgress, emptyProgress, type ProgressBackend } from '../../src/course/progress.ts';
import type { CourseModule } from '../../src/course/schema.ts';
import { type CourseContext, type CourseEvent, createCourseMachine } from '../../src/machines/course.ts';

const course = loadCourse();
const NOW = new Date('2025-06-01T09:00:00Z');

function recordingBackend() {
  const saves: CourseProgress[] = [];
  const reports: CourseResult[] = [];
  const backend: ProgressBackend = {
    load: () => null,
    save: (progress) => {
      saves.push(structuredClone(progress));
    },
    report: (result) => {
      reports.push(result);
    },
    leave: () => {},
  };
  return { backend, saves, reports };
}

function byType(type: string): CourseModule {
  const module = course.modules.find((m) => m.activity.type === type);
  if (!module) throw new Error(type);
  return module;
}

const question = (m: CourseModule, key: number | string) =>
  typeof key === 'number' ? m.quiz.questions[key] : m.quiz.questions.find((q) => q.id === key);
const correct = (m: CourseModule, key: number | string): CourseEvent => {
  const q = question(m, key);
  return { type: 'ANSWER', key: q?.id ?? '', values: q?.choices.filter((c) => c.correct).map((c) => c.id) ?? [] };
};
const wrong = (m: CourseModule, key: number | string): CourseEvent => {
  const q = question(m, key);
  return { type: 'ANSWER', key: q?.id ?? '', values: [q?.choices.find((c) => !c.correct)?.id ?? ''] };
};
/** The same seed for the model and the live actors, so that both draw the same sheets. */
const SEED = () => 7;

function sheetIds(actor: { getSnapshot(): { context: CourseContext } }): string[] {
  return actor.getSnapshot().context.sheet?.questions.map((q) => q.id) ?? [];
}

function leafValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}.${leafValue(v)}`)
    .join(',');
}

const STATES = [
  'overview',
  'module',
  'progress',
  'lesson',
  'activity.answering',
  'activity.checked',
  'quiz.answering',
  'quiz.submitted',
  'moduleDone',
  'complete',
  'certificate',
  'certificateLocked',
];

describe('course machine (model-based)', () => {
  // Two modules left to pass (both game situations: one answer each), the others already passed.
  const a = byType('game-situation');
  const b = course.modules.filter((m) => m.activity.type === 'game-situation')[1] as CourseModule;
  const passedBefore: CourseProgress = {
    ...emptyProgress(),
    quizzes: Object.fromEntries(
      course.modules.filter((m) => m !== a && m !== b).map((m) => [m.id, { best: 100, attempts: 1, passed: true }]),
    ),
  };
  const bestOption = a.activity.type === 'game-situation' ? (a.activity.options.find((o) => o.best)?.id ?? '') : '';
  const events: CourseEvent[] = [
    { type: 'NAVIGATE', page: { kind: 'overview' } },
    { type: 'NAVIGATE', page: { kind: 'progress' } },
    { type: 'NAVIGATE', page: { kind: 'certificate' } },
    { type: 'NAVIGATE', page: { kind: 'module', module: a.id } },
    { type: 'NAVIGATE', page: { kind: 'lesson', module: a.id, lesson: a.lessons[0]?.id ?? '' } },
    { type: 'NAVIGATE', page: { kind: 'activity', module: a.id } },
    { type: 'NAVIGATE', page: { kind: 'quiz', module: a.id } },
    { type: 'NAVIGATE', page: { kind: 'quiz', module: b.id } },
    { type: 'MARK_READ' },
    { type: 'ANSWER', key: a.activity.id, values: [bestOption] },
    ...a.quiz.questions.map((_, i) => correct(a, i)),
    wrong(a, 0),
    ...b.quiz.questions.map((_, i) => correct(b, i)),
    { type: 'CHECK' },
    { type: 'SUBMIT' },
    { type: 'RETRY' },
    { type: 'CONTINUE' },
    { type: 'SET_NAME', name: 'Camille' },
  ];
  const input = { progress: passedBefore, page: { kind: 'overview' } as const };
  const machine = createCourseMachine(course, recordingBackend().backend, { now: () => NOW, seed: SEED });
  const model = createTestModel(machine, {
    input,
    events,
    // One node per state, page, number of answers given, number of modules passed and of lessons read.
    serializeState: (snap) => {
      const c = (snap as unknown as { context: CourseContext }).context;
      const passed = Object.values(c.progress.quizzes).filter((q) => q.passed).length;
      return [
        leafValue(snap.value),
        JSON.stringify(c.page),
        Object.keys(c.draft).length,
        c.missing.length > 0,
        c.quizResult?.passed ?? '-',
        passed,
        c.progress.lessonsDone.length,
      ].join('|') as never;
    },
  });
  const paths = model.getShortestPaths({ allowDuplicatePaths: true });

  it('reaches every state of the course', () => {
    expect([...new Set(paths.map((p) => leafValue(p.state.value)))].sort()).toEqual([...STATES].sort());
  });

  it('follows every shortest path on a live actor, state by state', () => {
    for (const path of paths) {
      const { backend } = recordingBackend();
      const actor = createActor(createCourseMachine(course, backend, { now: () => NOW, seed: SEED }), { input }).start();
      for (const step of path.steps) {
        if ((step.event.type as string) !== 'xstate.init') actor.send(step.event as CourseEvent);
        expect(leafValue(actor.getSnapshot().value), path.description).toBe(leafValue(step.state.value));
      }
      actor.stop();
    }
  });
});

describe('course machine milestones', () => {
  const m = course.modules[0] as CourseModule;
  const lesson = m.lessons[0]?.id ?? '';

  function start(progress: CourseProgress | null = null, policy: CoursePolicy = DEFAULT_POLICY) {
    const recorded = recordingBackend();
    const actor = createActor(createCourseMachine(course, recorded.backend, { now: () => NOW, seed: SEED, policy }), {
      input: { progress, page: { kind: 'overview' } },
    }).start();
    return { actor, ...recorded };
  }

  it('saves the location on entering a lesson, and the lesson once read', () => {
    const { actor, saves } = start();
    actor.send({ type: 'NAVIGATE', page: { kind: 'module', module: m.id } });
    expect(saves).toHaveLength(0);
    actor.send({ type: 'NAVIGATE', page: { kind: 'lesson', module: m.id, lesson } });
    expect(saves.at(-1)?.location).toBe(`${m.id}/${lesson}`);
    actor.send({ type: 'MARK_READ' });
    expect(saves.at(-1)?.lessonsDone).toEqual([lesson]);
  });

  it('asks for every answer, then checks the activity and saves it as done', () => {
    const { actor, saves } = start();
    actor.send({ type: 'NAVIGATE', page: { kind: 'activity', module: m.id } });
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toEqual({ activity: 'answering' });
    expect(actor.getSnapshot().context.missing.length).toBeGreaterThan(0);
    if (m.activity.type !== 'matching') throw new Error('module 1 has a matching activity');
    for (const pair of m.activity.pairs) actor.send({ type: 'ANSWER', key: pair.id, values: [pair.id] });
    actor.send({ type: 'CHECK' });
    expect(actor.getSnapshot().value).toEqual({ activity: 'checked' });
    expect(actor.getSnapshot().context.activityResult?.right).toBe(m.activity.pairs.length);
    expect(saves.at(-1)?.activitiesDone).toEqual([m.activity.id]);
  });

  it('scores a failed quiz, retries, passes, reports only changes and dates completion', () => {
    const others = Object.fromEntries(
      course.modules.slice(1).map((x) => [x.id, { best: 90, attempts: 1, passed: true }] as const),
    );
    const { actor, saves, reports } = start({ ...emptyProgress(), quizzes: others });
    actor.send({ type: 'NAVIGATE', page: { kind: 'quiz', module: m.id } });
    expect(reports).toEqual([{ score: 75, status: 'incomplete' }]);
    actor.send({ type: 'NAVIGATE', page: { kind: 'quiz', module: m.id } });
    expect(reports).toHaveLength(1);
    const first = sheetIds(actor);
    expect(first).toHaveLength(5);
    first.forEach((id, i) => {
      actor.send(i < 2 ? wrong(m, id) : correct(m, id));
    });
    actor.send({ type: 'SUBMIT' });
    expect(actor.getSnapshot().context.quizResult).toMatchObject({ score: 60, passed: false, total: 5 });
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().value).toEqual({ quiz: 'submitted' });
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().context.draft).toEqual({});
    // The retry is a new sheet: the bank holds twice the questions drawn, so none of the first comes back.
    const second = sheetIds(actor);
    expect(second).toHaveLength(5);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    for (const id of second) actor.send(correct(m, id));
    actor.send({ type: 'SUBMIT' });
    expect(saves.at(-1)?.quizzes[m.id]).toEqual({ best: 100, attempts: 2, passed: true });
    expect(saves.at(-1)?.completedAt).toBe(NOW.toISOString());
    // (100 + 5 x 90) / 6 = 91.7
    expect(reports.at(-1)).toEqual({ score: 92, status: 'passed' });
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().value).toBe('complete');
    actor.send({ type: 'NAVIGATE', page: { kind: 'certificate' } });
    actor.send({ type: 'SET_NAME', name: 'Camille Martin' });
    expect(saves.at(-1)).toMatchObject({ learnerName: 'Camille Martin', location: 'certificate' });
  });

  it('tells the backend of every scored attempt, with the answers given and the right ones', () => {
    const attempts: QuizAttempt[] = [];
    const recorded = recordingBackend();
    const backend = { ...recorded.backend, quizSubmitted: (a: QuizAttempt) => attempts.push(a) };
    const actor = createActor(createCourseMachine(course, backend, { now: () => NOW, seed: SEED }), {
      input: { progress: null, page: { kind: 'quiz', module: m.id } },
    }).start();
    const ids = sheetIds(actor);
    ids.forEach((id, i) => {
      actor.send(i === 0 ? wrong(m, id) : correct(m, id));
    });
    actor.send({ type: 'SUBMIT' });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ module: m.id, attempt: 0, score: 80, passed: true });
    expect(attempts[0]?.questions.map((q) => q.id)).toEqual(ids);
    expect(attempts[0]?.questions.map((q) => q.right)).toEqual([false, true, true, true, true]);
  });

  it('with two attempts allowed, a second failure ends the quiz and reports "failed"', () => {
    const { actor, reports } = start(null, { completion: 'quizzes', maxAttempts: 2 });
    actor.send({ type: 'NAVIGATE', page: { kind: 'quiz', module: m.id } });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      for (const id of sheetIds(actor)) actor.send(wrong(m, id));
      actor.send({ type: 'SUBMIT' });
      actor.send({ type: 'RETRY' });
    }
    expect(actor.getSnapshot().value).toEqual({ quiz: 'submitted' });
    expect(reports.at(-1)).toEqual({ score: 0, status: 'failed' });
    actor.send({ type: 'NAVIGATE', page: { kind: 'quiz', module: m.id } });
    expect(actor.getSnapshot().value).toEqual({ quiz: 'exhausted' });
  });

  it('under the "all" rule, completes only once every lesson is read and every activity done', () => {
    const passed = Object.fromEntries(course.modules.map((x) => [x.id, { best: 100, attempts: 1, passed: true }] as const));
    const { actor, saves } = start({ ...emptyProgress(), quizzes: passed }, { completion: 'all', maxAttempts: null });
    actor.send({ type: 'NAVIGATE', page: { kind: 'certificate' } });
    expect(actor.getSnapshot().value).toBe('certificateLocked');
    for (const x of course.modules) {
      for (const l of x.lessons) {
        actor.send({ type: 'NAVIGATE', page: { kind: 'lesson', module: x.id, lesson: l.id } });
        actor.send({ type: 'MARK_READ' });
      }
    }
    expect(saves.at(-1)?.completedAt).toBeNull();
    const done = course.modules.map((x) => x.activity.id);
    const { actor: again, saves: later } = start(
      { ...emptyProgress(), quizzes: passed, lessonsDone: saves.at(-1)?.lessonsDone ?? [], activitiesDone: done.slice(1) },
      { completion: 'all', maxAttempts: null },
    );
    again.send({ type: 'NAVIGATE', page: { kind: 'activity', module: m.id } });
    if (m.activity.type !== 'matching') throw new Error('module 1 has a matching activity');
    for (const pair of m.activity.pairs) again.send({ type: 'ANSWER', key: pair.id, values: [pair.id] });
    again.send({ type: 'CHECK' });
    expect(later.at(-1)?.completedAt).toBe(NOW.toISOString());
    again.send({ type: 'NAVIGATE', page: { kind: 'certificate' } });
    expect(again.getSnapshot().value).toBe('certificate');
  });

  it('keeps the certificate locked until every module is passed', () => {
    const { actor, saves } = start();
    actor.send({ type: 'NAVIGATE', page: { kind: 'certificate' } });
    expect(actor.getSnapshot().value).toBe('certificateLocked');
    actor.send({ type: 'SET_NAME', name: 'x' });
    expect(saves).toHaveLength(0);
  });
});
