import { describe, expect, it } from 'vitest';
import { activityKeys, checkActivity, stableOrder, unansweredItems } from '../../src/course/activity-check.ts';
import { loadCourse } from '../../src/course/content.ts';
import { optionCard, teamShare } from '../../src/course/game-situation.ts';
import {
  type Answers,
  allModulesPassed,
  answerKeyShown,
  attemptsLeft,
  completeIfDone,
  courseComplete,
  coursePath,
  courseResult,
  courseScore,
  isQuestionRight,
  lessonsToRevisit,
  markActivityDone,
  markLessonRead,
  moduleComplete,
  moduleSteps,
  nextPage,
  pageFromLocation,
  pageFromSegments,
  pageHref,
  pageLocation,
  previousPage,
  quizExhausted,
  recordQuiz,
  scoreQuiz,
  unansweredQuestions,
} from '../../src/course/logic.ts';
import { DEFAULT_POLICY } from '../../src/course/policy.ts';
import { emptyProgress } from '../../src/course/progress.ts';
import type { CourseModule } from '../../src/course/schema.ts';
import { courseRemainingMinutes, moduleRemainingMinutes, practiceMinutes } from '../../src/course/time.ts';
import { scenario } from './helpers.ts';

const course = loadCourse();
const first = course.modules[0] as CourseModule;
const last = course.modules.at(-1) as CourseModule;

/** A sheet of five: the bank's first five questions. */
const sheetOf = (module: CourseModule) => module.quiz.questions.slice(0, 5).map((q) => q.id);
const QUIZZES = DEFAULT_POLICY;
const ALL = { completion: 'all', maxAttempts: null } as const;
const TWO_ATTEMPTS = { completion: 'quizzes', maxAttempts: 2 } as const;

function correctAnswers(module: CourseModule): Answers {
  return Object.fromEntries(module.quiz.questions.map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]));
}

function wrongAnswers(module: CourseModule, wrong: number): Answers {
  const answers = correctAnswers(module);
  for (const q of module.quiz.questions.slice(0, wrong)) answers[q.id] = [q.choices.find((c) => !c.correct)?.id ?? ''];
  return answers;
}

describe('quiz scoring', () => {
  const multiple = course.modules.flatMap((m) => m.quiz.questions).find((q) => q.multiple);
  if (!multiple) throw new Error('the course has a multiple-answer question');
  const correct = multiple.choices.filter((c) => c.correct).map((c) => c.id);
  const wrong = multiple.choices.find((c) => !c.correct)?.id ?? '';

  it('counts a question right only when the chosen set is the correct set', () => {
    expect(isQuestionRight(multiple, correct)).toBe(true);
    expect(isQuestionRight(multiple, [...correct].reverse())).toBe(true);
    expect(isQuestionRight(multiple, correct.slice(0, 1))).toBe(false);
    expect(isQuestionRight(multiple, [...correct, wrong])).toBe(false);
    expect(isQuestionRight(multiple, [])).toBe(false);
  });

  it('scores the sheet’s questions only, round(100 x right / asked), and passes at the pass mark or more', () => {
    const sheet = sheetOf(first);
    expect(scoreQuiz(first, sheet, correctAnswers(first), 80)).toMatchObject({ score: 100, right: 5, total: 5, passed: true });
    expect(scoreQuiz(first, sheet, wrongAnswers(first, 1), 80)).toMatchObject({ score: 80, passed: true });
    expect(scoreQuiz(first, sheet, wrongAnswers(first, 2), 80)).toMatchObject({ score: 60, passed: false });
    expect(scoreQuiz(first, sheet, wrongAnswers(first, 1), 81).passed).toBe(false);
    expect(scoreQuiz(first, sheet, {}, 80)).toMatchObject({ score: 0, right: 0, passed: false });
    // Wrong answers to questions not on the sheet change nothing.
    const others = first.quiz.questions.slice(5, 10).map((q) => q.id);
    expect(scoreQuiz(first, others, wrongAnswers(first, 5), 80)).toMatchObject({ score: 100, total: 5 });
  });

  it('lists unanswered questions of the sheet', () => {
    const answers = correctAnswers(first);
    const skipped = first.quiz.questions[2]?.id ?? '';
    answers[skipped] = [];
    expect(unansweredQuestions(first, sheetOf(first), answers)).toEqual([skipped]);
    expect(unansweredQuestions(first, sheetOf(first), {})).toEqual(sheetOf(first));
  });

  it('sends a failed attempt back to the lessons of the questions answered wrong, in course order', () => {
    const sheet = ['resilience-basics-q6', 'resilience-basics-q3', 'resilience-basics-q1', 'resilience-basics-q5'];
    const answers = correctAnswers(first);
    for (const id of ['resilience-basics-q3', 'resilience-basics-q6']) {
      const q = first.quiz.questions.find((x) => x.id === id);
      answers[id] = [q?.choices.find((c) => !c.correct)?.id ?? ''];
    }
    expect(lessonsToRevisit(first, scoreQuiz(first, sheet, answers, 80))).toEqual([
      'resilience-basics-what',
      'resilience-basics-compass',
    ]);
    expect(lessonsToRevisit(first, scoreQuiz(first, sheet, correctAnswers(first), 80))).toEqual([]);
  });
});

describe('progress records and completion', () => {
  it('keeps the best score, counts attempts and never un-passes a module', () => {
    let p = recordQuiz(emptyProgress(), scoreQuiz(first, sheetOf(first), wrongAnswers(first, 3), 80));
    expect(p.quizzes[first.id]).toEqual({ best: 40, attempts: 1, passed: false });
    p = recordQuiz(p, scoreQuiz(first, sheetOf(first), correctAnswers(first), 80));
    p = recordQuiz(p, scoreQuiz(first, sheetOf(first), wrongAnswers(first, 4), 80));
    expect(p.quizzes[first.id]).toEqual({ best: 100, attempts: 3, passed: true });
  });

  it('shows the answer key only after a pass or the last allowed attempt', () => {
    const failed = scoreQuiz(first, sheetOf(first), wrongAnswers(first, 2), 80);
    const once = recordQuiz(emptyProgress(), failed);
    expect(answerKeyShown(failed, once, QUIZZES)).toBe(false);
    expect(answerKeyShown(failed, once, TWO_ATTEMPTS)).toBe(false);
    expect(attemptsLeft(once, first.id, TWO_ATTEMPTS)).toBe(1);
    expect(attemptsLeft(once, first.id, QUIZZES)).toBeNull();
    const twice = recordQuiz(once, failed);
    expect(answerKeyShown(failed, twice, TWO_ATTEMPTS)).toBe(true);
    expect(quizExhausted(twice, first.id, TWO_ATTEMPTS)).toBe(true);
    expect(quizExhausted(twice, first.id, QUIZZES)).toBe(false);
    const passed = scoreQuiz(first, sheetOf(first), correctAnswers(first), 80);
    expect(answerKeyShown(passed, recordQuiz(emptyProgress(), passed), QUIZZES)).toBe(true);
  });

  it('completes a module on its quiz alone, or under the "all" rule with its lessons and activity too', () => {
    let p = recordQuiz(emptyProgress(), scoreQuiz(first, sheetOf(first), correctAnswers(first), 80));
    expect(moduleComplete(first, p, QUIZZES)).toBe(true);
    expect(moduleComplete(first, p, ALL)).toBe(false);
    for (const l of first.lessons) p = markLessonRead(p, l.id);
    expect(moduleComplete(first, p, ALL)).toBe(false);
    p = markActivityDone(p, first.activity.id);
    expect(moduleComplete(first, p, ALL)).toBe(true);
  });

  it('marks lessons and activities once', () => {
    const p = markLessonRead(markLessonRead(emptyProgress(), 'a'), 'a');
    expect(p.lessonsDone).toEqual(['a']);
    expect(markActivityDone(markActivityDone(p, 'x'), 'x').activitiesDone).toEqual(['x']);
  });

  it('scores the course as the mean of best scores and completes it when every quiz is passed', () => {
    let p = emptyProgress();
    for (const m of course.modules.slice(0, 5)) p = recordQuiz(p, scoreQuiz(m, sheetOf(m), correctAnswers(m), 80));
    expect(allModulesPassed(course, p)).toBe(false);
    expect(courseScore(course, p)).toBe(83);
    expect(courseResult(course, p, QUIZZES)).toEqual({ score: 83, status: 'incomplete' });
    expect(completeIfDone(course, p, QUIZZES, new Date('2025-03-01T10:00:00Z')).completedAt).toBeNull();
    p = recordQuiz(p, scoreQuiz(last, sheetOf(last), wrongAnswers(last, 1), 80));
    // (5 x 100 + 80) / 6 = 96.7
    expect(courseResult(course, p, QUIZZES)).toEqual({ score: 97, status: 'passed' });
    expect(courseResult(course, p, ALL)).toEqual({ score: 97, status: 'incomplete' });
    expect(courseComplete(course, p, ALL)).toBe(false);
    const done = completeIfDone(course, p, QUIZZES, new Date('2025-03-01T10:00:00Z'));
    expect(done.completedAt).toBe('2025-03-01T10:00:00.000Z');
    expect(completeIfDone(course, done, QUIZZES, new Date('2026-01-01')).completedAt).toBe(done.completedAt);
  });

  it('reports "failed" once a quiz has used every allowed attempt without a pass', () => {
    const failed = scoreQuiz(first, sheetOf(first), wrongAnswers(first, 3), 80);
    const p = recordQuiz(recordQuiz(emptyProgress(), failed), failed);
    // 40 / 6 = 6.7
    expect(courseResult(course, p, TWO_ATTEMPTS)).toEqual({ score: 7, status: 'failed' });
    expect(courseResult(course, p, QUIZZES)).toEqual({ score: 7, status: 'incomplete' });
  });

  it('counts module steps: lessons, activity, quiz', () => {
    let p = markLessonRead(emptyProgress(), first.lessons[0]?.id ?? '');
    expect(moduleSteps(first, p)).toEqual({ done: 1, total: first.lessons.length + 2 });
    p = markActivityDone(p, first.activity.id);
    p = recordQuiz(p, scoreQuiz(first, sheetOf(first), correctAnswers(first), 80));
    expect(moduleSteps(first, p).done).toBe(3);
  });
});

describe('pages and locations', () => {
  it('reads routes and names the learner’s location', () => {
    expect(pageFromSegments(course, [])).toEqual({ kind: 'overview' });
    expect(pageFromSegments(course, ['progress'])).toEqual({ kind: 'progress' });
    expect(pageFromSegments(course, ['certificate'])).toEqual({ kind: 'certificate' });
    expect(pageFromSegments(course, [first.id])).toEqual({ kind: 'module', module: first.id });
    expect(pageFromSegments(course, [first.id, 'quiz'])).toEqual({ kind: 'quiz', module: first.id });
    const lesson = first.lessons[1]?.id ?? '';
    const page = pageFromSegments(course, [first.id, lesson]);
    expect(page).toEqual({ kind: 'lesson', module: first.id, lesson });
    expect(pageFromSegments(course, ['nope'])).toBeNull();
    expect(pageFromSegments(course, [first.id, 'nope'])).toBeNull();
    expect(pageFromSegments(course, [first.id, lesson, 'extra'])).toBeNull();
    expect(pageFromSegments(course, [first.id, last.lessons[0]?.id ?? ''])).toBeNull();
    if (!page) throw new Error('page');
    expect(pageLocation(page)).toBe(`${first.id}/${lesson}`);
    expect(pageFromLocation(course, `${first.id}/${lesson}`)).toEqual(page);
    expect(pageFromLocation(course, '')).toBeNull();
    expect(pageFromLocation(course, first.id)).toBeNull();
    expect(pageHref(page)).toBe(`#/course/${first.id}/${lesson}`);
    expect(pageHref({ kind: 'overview' })).toBe('#/course');
    expect(pageLocation({ kind: 'progress' })).toBeNull();
  });

  it('walks the course: lessons, activity, quiz, then the next module', () => {
    const path = coursePath(course);
    expect(path).toHaveLength(course.modules.reduce((n, m) => n + m.lessons.length + 2, 0));
    const lastLesson = { kind: 'lesson', module: first.id, lesson: first.lessons.at(-1)?.id ?? '' } as const;
    expect(nextPage(course, lastLesson)).toEqual({ kind: 'activity', module: first.id });
    expect(nextPage(course, { kind: 'activity', module: first.id })).toEqual({ kind: 'quiz', module: first.id });
    expect(nextPage(course, { kind: 'quiz', module: first.id })).toMatchObject({ kind: 'lesson', module: course.modules[1]?.id });
    expect(previousPage(course, { kind: 'quiz', module: first.id })).toEqual({ kind: 'activity', module: first.id });
    expect(previousPage(course, path[0] ?? { kind: 'overview' })).toBeNull();
    expect(nextPage(course, { kind: 'quiz', module: last.id })).toBeNull();
    expect(nextPage(course, { kind: 'overview' })).toBeNull();
  });
});

describe('time estimates', () => {
  it('splits a module’s minutes between lessons, activity and quiz', () => {
    for (const m of course.modules) {
      const practice = practiceMinutes(m);
      expect(m.lessons.reduce((s, l) => s + l.minutes, 0) + practice.activity + practice.quiz, m.id).toBe(m.minutes);
      expect(practice.quiz).toBeGreaterThanOrEqual(practice.activity);
      expect(moduleRemainingMinutes(m, emptyProgress())).toBe(m.minutes);
    }
  });

  it('takes away what is done', () => {
    const lesson = first.lessons[0];
    let p = markLessonRead(emptyProgress(), lesson?.id ?? '');
    expect(moduleRemainingMinutes(first, p)).toBe(first.minutes - (lesson?.minutes ?? 0));
    p = markActivityDone(p, first.activity.id);
    p = recordQuiz(p, scoreQuiz(first, sheetOf(first), correctAnswers(first), 80));
    for (const l of first.lessons) p = markLessonRead(p, l.id);
    expect(moduleRemainingMinutes(first, p)).toBe(0);
    const all = course.modules.reduce((s, m) => s + m.minutes, 0);
    expect(courseRemainingMinutes(course, p)).toBe(all - first.minutes);
  });
});

describe('activities', () => {
  it('checks every activity type item by item', () => {
    for (const m of course.modules) {
      const a = m.activity;
      const right: Answers = {};
      if (a.type === 'sorting') for (const i of a.items) right[i.id] = [i.category];
      else if (a.type === 'matching') for (const p of a.pairs) right[p.id] = [p.id];
      else right[a.id] = [a.options.find((o) => o.best)?.id ?? ''];
      const result = checkActivity(a, right);
      expect(result.right, a.id).toBe(result.total);
      expect(result.total).toBe(activityKeys(a).length);
      expect(unansweredItems(a, right)).toEqual([]);
      const key = activityKeys(a)[0] ?? '';
      const wrongValue =
        a.type === 'sorting'
          ? a.categories.find((c) => c.id !== right[key]?.[0])?.id
          : a.type === 'matching'
            ? a.pairs[1]?.id
            : a.options.find((o) => !o.best)?.id;
      const oneWrong = checkActivity(a, { ...right, [key]: [wrongValue ?? ''] });
      expect(oneWrong.right).toBe(result.total - 1);
      expect(oneWrong.items[0]).toMatchObject({ id: key, right: false, given: wrongValue });
      expect(unansweredItems(a, {})).toEqual(activityKeys(a));
    }
  });

  it('shows choices in a stable order that does not give the answers away', () => {
    const question = first.quiz.questions[0];
    if (!question) throw new Error('question');
    expect(stableOrder(question.choices, question.id)).toEqual(stableOrder([...question.choices].reverse(), question.id));
    const firstIsCorrect = course.modules
      .flatMap((m) => m.quiz.questions)
      .filter((q) => stableOrder(q.choices, q.id)[0]?.correct).length;
    expect(firstIsCorrect).toBeLessThan(30);
    for (const m of course.modules) {
      if (m.activity.type !== 'matching') continue;
      const order = stableOrder(m.activity.pairs, m.activity.id).map((p) => p.id);
      expect(order, m.activity.id).not.toEqual(m.activity.pairs.map((p) => p.id));
    }
  });

  it('prices a game situation’s card with the engine, as in round 1 of a fresh game', () => {
    const s = scenario('market-town-drought');
    const option = optionCard(s, 'agroecology-pact');
    expect(option?.quote.ok).toBe(true);
    expect(option?.card.cost).toBe(s.cards['agroecology-pact']?.cost);
    const levers = option?.levers.reduce((sum, l) => sum + l.amount, 0) ?? 0;
    expect(levers).toBeGreaterThan(0);
    expect(levers).toBeLessThanOrEqual(Math.floor((option?.card.cost ?? 0) * 0.8));
    expect(option ? teamShare(option) : 0).toBe((option?.card.cost ?? 0) - levers);
    expect(option?.actor?.name.fr.length).toBeGreaterThan(0);
    expect(optionCard(s, 'no-such-card')).toBeNull();
  });
});
