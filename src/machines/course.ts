/**
 * The online course: which page the learner is on, the activity and the quiz being answered, module and
 * course completion. Guards and actions call the course's pure functions (src/course/logic.ts); progress
 * is saved through a ProgressBackend at each milestone: a lesson read, an activity done, a quiz submitted,
 * a change of location (and the name on the certificate).
 */
import { and, assign, setup } from 'xstate';
import { type ActivityResult, checkActivity, unansweredItems } from '../course/activity-check.ts';
import {
  type Answers,
  attemptsLeft,
  type CoursePage,
  type CourseResult,
  completeIfDone,
  courseComplete,
  courseResult,
  markActivityDone,
  markLessonRead,
  pageLocation,
  type QuizResult,
  quizExhausted,
  recordQuiz,
  scoreQuiz,
  unansweredQuestions,
} from '../course/logic.ts';
import { type CoursePolicy, DEFAULT_POLICY } from '../course/policy.ts';
import { type CourseProgress, emptyProgress, type ProgressBackend } from '../course/progress.ts';
import { attemptRecord, newSeed, type QuizSheet, quizSheet } from '../course/quiz-sheet.ts';
import type { Course, CourseModule } from '../course/schema.ts';

export interface CourseContext {
  progress: CourseProgress;
  page: CoursePage;
  /** Answers being given on the current page (quiz questions or activity items). */
  draft: Answers;
  /** Questions or items left unanswered at the last check or submit. */
  missing: string[];
  activityResult: ActivityResult | null;
  quizResult: QuizResult | null;
  /** The sheet of the quiz attempt on the page (drawn from the bank by the learner's seed and attempt number). */
  sheet: QuizSheet | null;
  /** What was last reported to the backend, so it hears only of changes. */
  reported: CourseResult | null;
}

export interface CourseInput {
  /** Saved progress, or null for a first visit. */
  progress: CourseProgress | null;
  page: CoursePage;
}

export type CourseEvent =
  | { type: 'NAVIGATE'; page: CoursePage }
  | { type: 'MARK_READ' }
  | { type: 'ANSWER'; key: string; values: string[] }
  | { type: 'CHECK' }
  | { type: 'SUBMIT' }
  | { type: 'RETRY' }
  | { type: 'CONTINUE' }
  | { type: 'SET_NAME'; name: string };

export interface CourseMachineOptions {
  /** The clock that dates completion (tests pass a fixed one). */
  now?: () => Date;
  /** The deployer's completion rule and attempt limit. */
  policy?: CoursePolicy;
  /** The seed of a first visit's quiz sheets (tests pass a fixed one). */
  seed?: () => number;
}

/** The module of the page, if the page belongs to one. */
export function pageModule(course: Course, page: CoursePage): CourseModule | undefined {
  return 'module' in page ? course.modules.find((m) => m.id === page.module) : undefined;
}

/** Every milestone saves the progress and tells the backend when the overall result changed. */
const SAVE = [
  'date the completion',
  'save the progress',
  'report the result if it changed',
  'remember the reported result',
] as const;

export function createCourseMachine(course: Course, backend: ProgressBackend, options: CourseMachineOptions = {}) {
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? DEFAULT_POLICY;
  const seed = options.seed ?? newSeed;
  const moduleOf = (context: CourseContext) => pageModule(course, context.page);
  const asked = (context: CourseContext) => context.sheet?.questions.map((q) => q.id) ?? [];

  return setup({
    types: {
      context: {} as CourseContext,
      input: {} as CourseInput,
      events: {} as CourseEvent,
    },
    guards: {
      'page is a lesson': ({ context }) => context.page.kind === 'lesson',
      'page is the activity': ({ context }) => context.page.kind === 'activity',
      'page is the quiz': ({ context }) => context.page.kind === 'quiz',
      'page is the certificate': ({ context }) => context.page.kind === 'certificate',
      'page is the progress': ({ context }) => context.page.kind === 'progress',
      'page is a module': ({ context }) => context.page.kind === 'module',
      'page is the essentials': ({ context }) => context.page.kind === 'essentials',
      'page is a summary': ({ context }) => context.page.kind === 'summary',
      'course complete': ({ context }) =>
        context.progress.completedAt !== null || courseComplete(course, context.progress, policy),
      'quiz passed': ({ context }) => context.quizResult?.passed ?? false,
      'no attempt left': ({ context }) => {
        const module = moduleOf(context);
        return module !== undefined && quizExhausted(context.progress, module.id, policy);
      },
      'an attempt is left': ({ context }) => {
        const module = moduleOf(context);
        return module !== undefined && attemptsLeft(context.progress, module.id, policy) !== 0;
      },
      'activity answers complete': ({ context }) => {
        const module = moduleOf(context);
        return module !== undefined && unansweredItems(module.activity, context.draft).length === 0;
      },
      'quiz answers complete': ({ context }) => {
        const module = moduleOf(context);
        return module !== undefined && unansweredQuestions(module, asked(context), context.draft).length === 0;
      },
    },
    actions: {
      'open the page': assign(({ event }) =>
        event.type === 'NAVIGATE' ? { page: event.page, draft: {}, missing: [], activityResult: null, quizResult: null } : {},
      ),
      'record the location': assign({
        progress: ({ context }) => {
          const location = pageLocation(context.page);
          return location === null ? context.progress : { ...context.progress, location };
        },
      }),
      'mark the lesson read': assign({
        progress: ({ context }) =>
          context.page.kind === 'lesson' ? markLessonRead(context.progress, context.page.lesson) : context.progress,
      }),
      'record the answer': assign({
        draft: ({ context, event }) =>
          event.type === 'ANSWER' ? { ...context.draft, [event.key]: [...event.values] } : context.draft,
      }),
      'list missing activity answers': assign({
        missing: ({ context }) => {
          const module = moduleOf(context);
          return module ? unansweredItems(module.activity, context.draft) : [];
        },
      }),
      'list missing quiz answers': assign({
        missing: ({ context }) => {
          const module = moduleOf(context);
          return module ? unansweredQuestions(module, asked(context), context.draft) : [];
        },
      }),
      'check the activity': assign(({ context }) => {
        const module = moduleOf(context);
        if (!module) return {};
        return {
          missing: [],
          activityResult: checkActivity(module.activity, context.draft),
          progress: markActivityDone(context.progress, module.activity.id),
        };
      }),
      'score the quiz': assign(({ context }) => {
        const module = moduleOf(context);
        if (!module) return {};
        const quizResult = scoreQuiz(module, asked(context), context.draft, course.passMark);
        return { missing: [], quizResult, progress: recordQuiz(context.progress, quizResult) };
      }),
      'tell the backend of the attempt': ({ context }) => {
        const module = moduleOf(context);
        if (module && context.sheet && context.quizResult) {
          backend.quizSubmitted?.(attemptRecord(module, context.sheet, context.quizResult));
        }
      },
      /** The sheet of the attempt to come: the number of attempts already made picks it. */
      'draw the sheet': assign({
        sheet: ({ context }) => {
          const module = moduleOf(context);
          if (!module) return null;
          return quizSheet(module, context.progress.seed ?? 0, context.progress.quizzes[module.id]?.attempts ?? 0);
        },
      }),
      'date the completion': assign({ progress: ({ context }) => completeIfDone(course, context.progress, policy, now()) }),
      'clear the answers': assign({ draft: {}, missing: [], activityResult: null, quizResult: null }),
      'record the name': assign({
        progress: ({ context, event }) =>
          event.type === 'SET_NAME' ? { ...context.progress, learnerName: event.name.slice(0, 200) } : context.progress,
      }),
      'save the progress': ({ context }) => backend.save(context.progress),
      'report the result if it changed': ({ context }) => {
        const result = courseResult(course, context.progress, policy);
        const before = context.reported;
        if (before?.score !== result.score || before.status !== result.status) backend.report(result);
      },
      'remember the reported result': assign({ reported: ({ context }) => courseResult(course, context.progress, policy) }),
    },
  }).createMachine({
    id: 'course',
    context: ({ input }) => {
      const progress = input.progress ?? emptyProgress();
      return {
        progress: progress.seed === undefined ? { ...progress, seed: seed() } : progress,
        page: input.page,
        draft: {},
        missing: [],
        activityResult: null,
        quizResult: null,
        sheet: null,
        reported: null,
      };
    },
    initial: 'routing',
    on: {
      NAVIGATE: { target: '.routing', actions: 'open the page' },
    },
    states: {
      /** Goes to the state of the page asked for; a located page becomes the learner's location. */
      routing: {
        always: [
          { guard: 'page is a lesson', target: 'lesson', actions: ['record the location', ...SAVE] },
          { guard: 'page is the activity', target: 'activity', actions: ['record the location', ...SAVE] },
          { guard: 'page is the quiz', target: 'quiz', actions: ['record the location', ...SAVE] },
          {
            guard: and(['page is the certificate', 'course complete']),
            target: 'certificate',
            actions: ['record the location', ...SAVE],
          },
          { guard: 'page is the certificate', target: 'certificateLocked' },
          { guard: 'page is the progress', target: 'progress' },
          { guard: 'page is a module', target: 'module' },
          { guard: 'page is the essentials', target: 'essentials' },
          { guard: 'page is a summary', target: 'summary' },
          { target: 'overview' },
        ],
      },
      overview: {},
      /** The essentials path: the key lessons and the modules' summaries. */
      essentials: {},
      /** A module's one-page summary, to print. */
      summary: {},
      module: {},
      progress: {},
      lesson: {
        on: {
          MARK_READ: { actions: ['mark the lesson read', ...SAVE] },
        },
      },
      activity: {
        initial: 'answering',
        states: {
          answering: {
            on: {
              ANSWER: { actions: 'record the answer' },
              CHECK: [
                {
                  guard: 'activity answers complete',
                  target: 'checked',
                  actions: ['check the activity', ...SAVE],
                },
                { actions: 'list missing activity answers' },
              ],
            },
          },
          checked: {
            on: { RETRY: { target: 'answering', actions: 'clear the answers' } },
          },
        },
      },
      quiz: {
        initial: 'starting',
        entry: 'draw the sheet',
        states: {
          starting: {
            always: [{ guard: 'no attempt left', target: 'exhausted' }, { target: 'answering' }],
          },
          /** Every allowed attempt was used without a pass: the page shows the last sheet's answer key. */
          exhausted: {},
          answering: {
            on: {
              ANSWER: { actions: 'record the answer' },
              SUBMIT: [
                {
                  guard: 'quiz answers complete',
                  target: 'submitted',
                  actions: ['score the quiz', 'tell the backend of the attempt', ...SAVE],
                },
                { actions: 'list missing quiz answers' },
              ],
            },
          },
          submitted: {
            on: {
              RETRY: { guard: 'an attempt is left', target: 'answering', actions: ['clear the answers', 'draw the sheet'] },
              CONTINUE: [
                { guard: 'course complete', target: '#course.complete' },
                { guard: 'quiz passed', target: '#course.moduleDone' },
              ],
            },
          },
        },
      },
      /** The module's quiz is passed: the page offers the next module. */
      moduleDone: {},
      /** The course is complete: the page leads to the certificate. */
      complete: {},
      certificate: {
        on: { SET_NAME: { actions: ['record the name', ...SAVE] } },
      },
      /** The certificate asked for before every module is passed. */
      certificateLocked: {},
    },
  });
}

export type CourseMachine = ReturnType<typeof createCourseMachine>;
