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
  allModulesPassed,
  type CoursePage,
  type CourseResult,
  completeIfAllPassed,
  courseResult,
  markActivityDone,
  markLessonRead,
  pageLocation,
  type QuizResult,
  recordQuiz,
  scoreQuiz,
  unansweredQuestions,
} from '../course/logic.ts';
import { type CourseProgress, emptyProgress, type ProgressBackend } from '../course/progress.ts';
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
}

/** The module of the page, if the page belongs to one. */
export function pageModule(course: Course, page: CoursePage): CourseModule | undefined {
  return 'module' in page ? course.modules.find((m) => m.id === page.module) : undefined;
}

/** Every milestone saves the progress and tells the backend when the overall result changed. */
const SAVE = ['save the progress', 'report the result if it changed', 'remember the reported result'] as const;

export function createCourseMachine(course: Course, backend: ProgressBackend, options: CourseMachineOptions = {}) {
  const now = options.now ?? (() => new Date());
  const moduleOf = (context: CourseContext) => pageModule(course, context.page);

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
      'all modules passed': ({ context }) => allModulesPassed(course, context.progress),
      'quiz passed': ({ context }) => context.quizResult?.passed ?? false,
      'activity answers complete': ({ context }) => {
        const module = moduleOf(context);
        return module !== undefined && unansweredItems(module.activity, context.draft).length === 0;
      },
      'quiz answers complete': ({ context }) => {
        const module = moduleOf(context);
        return module !== undefined && unansweredQuestions(module, context.draft).length === 0;
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
          return module ? unansweredQuestions(module, context.draft) : [];
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
        const quizResult = scoreQuiz(module, context.draft, course.passMark);
        const progress = completeIfAllPassed(course, recordQuiz(context.progress, quizResult), now());
        return { missing: [], quizResult, progress };
      }),
      'clear the answers': assign({ draft: {}, missing: [], activityResult: null, quizResult: null }),
      'record the name': assign({
        progress: ({ context, event }) =>
          event.type === 'SET_NAME' ? { ...context.progress, learnerName: event.name.slice(0, 200) } : context.progress,
      }),
      'save the progress': ({ context }) => backend.save(context.progress),
      'report the result if it changed': ({ context }) => {
        const result = courseResult(course, context.progress);
        const before = context.reported;
        if (before?.score !== result.score || before.status !== result.status) backend.report(result);
      },
      'remember the reported result': assign({ reported: ({ context }) => courseResult(course, context.progress) }),
    },
  }).createMachine({
    id: 'course',
    context: ({ input }) => ({
      progress: input.progress ?? emptyProgress(),
      page: input.page,
      draft: {},
      missing: [],
      activityResult: null,
      quizResult: null,
      reported: null,
    }),
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
            guard: and(['page is the certificate', 'all modules passed']),
            target: 'certificate',
            actions: ['record the location', ...SAVE],
          },
          { guard: 'page is the certificate', target: 'certificateLocked' },
          { guard: 'page is the progress', target: 'progress' },
          { guard: 'page is a module', target: 'module' },
          { target: 'overview' },
        ],
      },
      overview: {},
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
        initial: 'answering',
        states: {
          answering: {
            on: {
              ANSWER: { actions: 'record the answer' },
              SUBMIT: [
                {
                  guard: 'quiz answers complete',
                  target: 'submitted',
                  actions: ['score the quiz', ...SAVE],
                },
                { actions: 'list missing quiz answers' },
              ],
            },
          },
          submitted: {
            on: {
              RETRY: { target: 'answering', actions: 'clear the answers' },
              CONTINUE: [
                { guard: 'all modules passed', target: '#course.complete' },
                { guard: 'quiz passed', target: '#course.moduleDone' },
              ],
            },
          },
        },
      },
      /** The module's quiz is passed: the page offers the next module. */
      moduleDone: {},
      /** Every module is passed: the page leads to the certificate. */
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
