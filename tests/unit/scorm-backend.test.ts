import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import course from '../../src/course/content/course.json';
import { type CourseProgress, emptyProgress } from '../../src/course/progress.ts';
import { openScormSession } from '../../src/course/scorm/api.ts';
import { createScormBackend, formatScore, formatSessionTime, type ScormBackendError } from '../../src/course/scorm/backend.ts';
import { indexOutline, SUSPEND_DATA_MAX } from '../../src/course/scorm/suspend-data.ts';

const index = indexOutline(course);

interface Call {
  method: string;
  args: unknown[];
  /** LMSGetLastError right after the call, read without going through the wrapper. */
  error: string;
}

/** An LMS-side runtime (scorm-again), preloaded like an LMS resuming an attempt, recording every call. */
function lms(preload: Record<string, unknown> = {}) {
  const api = new Scorm12API({ logLevel: 5 });
  api.loadFromJSON(preload);
  const calls: Call[] = [];
  const lastError = api.LMSGetLastError.bind(api);
  for (const method of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'] as const) {
    const original = api[method].bind(api) as (...args: unknown[]) => string;
    api[method] = ((...args: unknown[]) => {
      const result = original(...args);
      calls.push({ method, args, error: lastError() });
      return result;
    }) as never;
  }
  /** Every value, write-only ones included (toJSON lifts the write-only guard). */
  const cmi = () =>
    JSON.parse(JSON.stringify(api.cmi)) as {
      core: Record<string, string> & { score: Record<string, string> };
      suspend_data: string;
    };
  const sets = (element: string) =>
    calls.filter((c) => c.method === 'LMSSetValue' && c.args[0] === element).map((c) => c.args[1]);
  return { api, calls, cmi, sets };
}

/** Choice ids of a question in content order, as the SCO gives them to its backend. */
const choiceOrder = (question: string) =>
  course.modules
    .flatMap((m) => m.quiz.questions)
    .find((q) => q.id === question)
    ?.choices.map((c) => c.id) ?? [];

function start(runtime: ReturnType<typeof lms>, clock = { t: 0 }) {
  const errors: ScormBackendError[] = [];
  const session = openScormSession(runtime.api);
  if (!session) throw new Error('LMS refused to start');
  const backend = createScormBackend(session, {
    outline: course,
    now: () => clock.t,
    onError: (e) => errors.push(e),
    choices: choiceOrder,
  });
  return { backend, session, clock, errors };
}

function finishedProgress(): CourseProgress {
  return {
    version: 1,
    location: 'certificate',
    lessonsDone: [...index.lessons],
    activitiesDone: [...index.activities],
    quizzes: Object.fromEntries(index.quizzes.map((id) => [id, { best: 100, attempts: 3, passed: true }])),
    learnerName: `Ana "Ñ" ${'😀'.repeat(500)}`,
    completedAt: '2026-05-04T10:00:00.000Z',
  };
}

describe('SCORM 1.2 progress backend', () => {
  it('marks a first launch incomplete, suspended, scored out of 100, and commits', () => {
    const runtime = lms();
    const { backend } = start(runtime);
    expect(backend.load()).toBeNull();
    const cmi = runtime.cmi();
    expect(cmi.core.lesson_status).toBe('incomplete');
    expect(cmi.core.exit).toBe('suspend');
    expect(cmi.core.score).toMatchObject({ min: '0', max: '100' });
    expect(runtime.calls.map((c) => c.method)).toContain('LMSCommit');
  });

  it('saves at each milestone: location, compact suspend_data, commit', () => {
    const runtime = lms();
    const { backend } = start(runtime);
    const commits = () => runtime.calls.filter((c) => c.method === 'LMSCommit').length;
    const before = commits();
    const progress = {
      ...emptyProgress(),
      location: `resilience-basics/${index.lessons[1]}`,
      lessonsDone: [index.lessons[0] as string],
    };
    backend.save(progress);
    expect(runtime.cmi().core.lesson_location).toBe(progress.location);
    expect(runtime.cmi().suspend_data.length).toBeGreaterThan(0);
    expect(commits()).toBe(before + 1);
    backend.save(progress); // nothing changed: no call at all
    expect(commits()).toBe(before + 1);
  });

  it('resumes from lesson_location and suspend_data', () => {
    const first = lms();
    const run1 = start(first);
    const progress = { ...finishedProgress(), location: 'designing-projects/quiz', completedAt: null };
    run1.backend.save(progress);
    run1.backend.leave('unload');
    const stored = first.cmi();

    const second = lms({
      core: { lesson_location: stored.core.lesson_location, lesson_status: stored.core.lesson_status, entry: 'resume' },
      suspend_data: stored.suspend_data,
    });
    const run2 = start(second);
    const resumed = run2.backend.load();
    expect(resumed?.location).toBe('designing-projects/quiz');
    expect(resumed?.lessonsDone).toEqual(progress.lessonsDone);
    expect(resumed?.quizzes).toEqual(progress.quizzes);
    expect(resumed?.learnerName.startsWith('Ana "Ñ" 😀')).toBe(true);
  });

  it('reports passed with the score, ends with a normal exit, and stays passed', () => {
    const runtime = lms();
    const { backend } = start(runtime);
    backend.report({ score: 62.4, status: 'incomplete' });
    expect(runtime.cmi().core.score.raw).toBe('62');
    expect(runtime.cmi().core.lesson_status).toBe('incomplete');
    backend.save(finishedProgress());
    backend.report({ score: 93.5, status: 'passed' });
    let cmi = runtime.cmi();
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score.raw).toBe('94');
    expect(cmi.core.exit).toBe('');
    backend.report({ score: 90, status: 'incomplete' }); // a review after the end
    cmi = runtime.cmi();
    expect(cmi.core.lesson_status).toBe('passed');
    expect(backend.status()).toBe('passed');
  });

  it('keeps a passed status found at launch', () => {
    const runtime = lms({ core: { lesson_status: 'passed' } });
    const { backend } = start(runtime);
    expect(runtime.sets('cmi.core.lesson_status')).toEqual([]);
    expect(runtime.sets('cmi.core.exit')).toEqual(['']);
    backend.report({ score: 100, status: 'incomplete' });
    expect(runtime.cmi().core.lesson_status).toBe('passed');
  });

  it('commits when hidden, finishes once when the page goes, and calls nothing after', () => {
    const runtime = lms();
    const { backend, clock } = start(runtime);
    clock.t = (25 * 3600 + 2 * 60 + 3) * 1000;
    backend.leave('hidden');
    expect(runtime.calls.at(-1)?.method).toBe('LMSCommit');
    expect(runtime.cmi().core.session_time).toBe('25:02:03');
    clock.t += 1000;
    backend.leave('unload');
    const finishedAt = runtime.calls.findIndex((c) => c.method === 'LMSFinish');
    expect(finishedAt).toBe(runtime.calls.length - 1);
    backend.save(finishedProgress());
    backend.report({ score: 100, status: 'passed' });
    backend.leave('hidden');
    backend.leave('unload');
    expect(runtime.calls.length).toBe(finishedAt + 1);
    expect(runtime.cmi().core.session_time).toBe('25:02:04');
  });

  it('raises no LMS error over a whole course and never exceeds 4096 characters of suspend_data', () => {
    const runtime = lms();
    const { backend, session, clock } = start(runtime);
    const progress = emptyProgress();
    for (const lesson of index.lessons) {
      progress.lessonsDone.push(lesson);
      progress.location = `${course.modules.find((m) => m.lessons.some((l) => l.id === lesson))?.id}/${lesson}`;
      backend.save(progress);
      clock.t += 60_000;
    }
    const done = finishedProgress();
    backend.save(done);
    backend.report({ score: 100, status: 'passed' });
    backend.leave('unload');
    expect(session.errors()).toEqual([]);
    expect(runtime.calls.filter((c) => c.error !== '0')).toEqual([]);
    for (const data of runtime.sets('cmi.suspend_data')) expect(String(data).length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
  });

  it('reports unreadable suspend_data and starts afresh', () => {
    const runtime = lms({ suspend_data: 'slide=4|viewed=1,2,3' });
    const { backend, errors } = start(runtime);
    expect(backend.load()).toBeNull();
    expect(errors).toEqual([{ kind: 'unreadable-suspend-data' }]);
  });
});

describe('SCORM 1.2 value formats', () => {
  it('writes session time as HH:MM:SS with at least two digits of hours, at most four', () => {
    expect(formatSessionTime(0)).toBe('00:00:00');
    expect(formatSessionTime(61_999)).toBe('00:01:01');
    expect(formatSessionTime(100 * 3600 * 1000)).toBe('100:00:00');
    expect(formatSessionTime(1e12)).toBe('9999:59:59');
    expect(formatSessionTime(-5)).toBe('00:00:00');
  });

  it('writes the score as a whole number from 0 to 100', () => {
    expect([formatScore(87.5), formatScore(-3), formatScore(140), formatScore(Number.NaN)]).toEqual(['88', '0', '100', '0']);
  });

  it('records each answered question as an interaction and each module as an objective', () => {
    const runtime = lms();
    const { backend } = start(runtime);
    backend.quizSubmitted?.({
      module: 'sse-actors',
      attempt: 0,
      score: 50,
      passed: false,
      questions: [
        { id: 'sse-actors-q7', chosen: ['sse-actors-q7-a'], correct: ['sse-actors-q7-b'], right: false },
        {
          id: 'sse-actors-q4',
          chosen: ['sse-actors-q4-a', 'sse-actors-q4-b'],
          correct: ['sse-actors-q4-a', 'sse-actors-q4-b'],
          right: true,
        },
      ],
    });
    backend.quizSubmitted?.({
      module: 'sse-actors',
      attempt: 1,
      score: 100,
      passed: true,
      questions: [{ id: 'sse-actors-q8', chosen: ['sse-actors-q8-c'], correct: ['sse-actors-q8-c'], right: true }],
    });
    // toJSON gives the lists as objects keyed "0", "1"...
    const cmi = runtime.cmi() as unknown as {
      interactions: Record<string, Record<string, unknown>>;
      objectives: Record<string, { id: string; status: string; score: { raw: string } }>;
    };
    const interactions = Object.values(cmi.interactions);
    expect(interactions.map((i) => [i.id, i.type, i.student_response, i.result])).toEqual([
      ['sse-actors-q7', 'choice', 'a', 'wrong'],
      ['sse-actors-q4', 'choice', 'a,b', 'correct'],
      ['sse-actors-q8', 'choice', 'c', 'correct'],
    ]);
    expect(runtime.sets('cmi.interactions.0.correct_responses.0.pattern')).toEqual(['b']);
    expect(Object.values(cmi.objectives).map((o) => [o.id, o.status, o.score.raw])).toEqual([['sse-actors', 'passed', '100']]);
    expect(runtime.calls.filter((c) => c.error !== '0')).toEqual([]);
  });

  it('gives the LMS’s learner name and language preference', () => {
    const runtime = lms({ core: { student_name: 'Dupont, Marie' }, student_preference: { language: 'en-GB' } });
    const { backend } = start(runtime);
    expect(backend.learnerName?.()).toBe('Dupont, Marie');
    expect(backend.preferredLanguage()).toBe('en-GB');
    expect(backend.where).toBe('lms');
  });

  it('in review mode changes nothing the LMS keeps: no status, score, progress or interaction', () => {
    const runtime = lms({ core: { lesson_mode: 'review', lesson_status: 'passed', score: { raw: '90' } } });
    const { backend } = start(runtime);
    backend.save({ ...emptyProgress(), lessonsDone: [index.lessons[0] as string], location: 'sse-actors/quiz' });
    backend.report({ score: 10, status: 'incomplete' });
    backend.quizSubmitted?.({ module: 'sse-actors', attempt: 0, score: 0, passed: false, questions: [] });
    expect(backend.where).toBe('review');
    expect(runtime.calls.filter((c) => c.method === 'LMSSetValue')).toEqual([]);
    expect(runtime.cmi().core.lesson_status).toBe('passed');
  });

  it('in browse mode marks the attempt browsed and sends no score', () => {
    const runtime = lms({ core: { lesson_mode: 'browse' } });
    const { backend } = start(runtime);
    backend.report({ score: 100, status: 'passed' });
    expect(runtime.sets('cmi.core.lesson_status')).toEqual(['browsed']);
    expect(runtime.sets('cmi.core.score.raw')).toEqual([]);
  });

  it('on a no-credit launch keeps the progress but sends no status, score or interaction', () => {
    const runtime = lms({ core: { credit: 'no-credit', lesson_status: 'not attempted' } });
    const { backend } = start(runtime);
    backend.save({ ...emptyProgress(), location: 'sse-actors/quiz' });
    backend.report({ score: 100, status: 'passed' });
    backend.quizSubmitted?.({ module: 'sse-actors', attempt: 0, score: 100, passed: true, questions: [] });
    expect(runtime.sets('cmi.core.lesson_location')).toEqual(['sse-actors/quiz']);
    expect(runtime.sets('cmi.core.lesson_status')).toEqual([]);
    expect(runtime.sets('cmi.core.score.raw')).toEqual([]);
    expect(runtime.sets('cmi.objectives.0.id')).toEqual([]);
  });

  it('says a save did not reach the LMS when it refuses the commit, and that it did once it accepts again', () => {
    const runtime = lms();
    const { backend } = start(runtime);
    const commit = runtime.api.LMSCommit.bind(runtime.api);
    runtime.api.LMSCommit = (() => 'false') as never;
    backend.save({ ...emptyProgress(), location: 'sse-actors/quiz' });
    expect(backend.lastSaveOk?.()).toBe(false);
    runtime.api.LMSCommit = commit;
    backend.save({ ...emptyProgress(), location: 'sse-actors/activity' });
    expect(backend.lastSaveOk?.()).toBe(true);
  });
});
