/**
 * The self-assessment: intro -> questions (one page per dimension) -> review
 * -> results. Guards and actions only call the pure helpers of
 * src/assessment/progress.ts; storage and the DOM stay in the view.
 */
import { and, assign, setup } from 'xstate';
import type { Answer, Answers } from '../assessment/content.ts';
import {
  type AssessmentPage,
  isLastPage,
  isPageComplete,
  isValidAnswer,
  pageOfDimension,
  withAnswer,
} from '../assessment/progress.ts';

export interface AssessmentContext {
  attemptId: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Index of the dimension page shown. */
  page: number;
  answers: Answers;
  /** NEXT was refused: questions on this page have no answer yet. */
  unansweredNotice: boolean;
}

export type AssessmentEvent =
  | { type: 'START'; attemptId: string; startedAt: string }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'SKIP' }
  | { type: 'ANSWER'; question: string; value: Answer }
  | { type: 'GOTO_DIMENSION'; dimension: string }
  | { type: 'FINISH'; finishedAt: string }
  | { type: 'RESTART' };

export type AssessmentState = 'intro' | 'questions' | 'review' | 'results';

export const EMPTY_ATTEMPT: AssessmentContext = {
  attemptId: null,
  startedAt: null,
  finishedAt: null,
  page: 0,
  answers: {},
  unansweredNotice: false,
};

export function createAssessmentMachine(pages: readonly AssessmentPage[]) {
  return setup({
    types: {
      context: {} as AssessmentContext,
      events: {} as AssessmentEvent,
    },
    guards: {
      'page is complete': ({ context }) => isPageComplete(pages, context.page, context.answers),
      'on the last page': ({ context }) => isLastPage(pages, context.page),
      'not on the first page': ({ context }) => context.page > 0,
      'answer is valid': ({ event }) => event.type === 'ANSWER' && isValidAnswer(pages, event.question, event.value),
      'dimension is known': ({ event }) => event.type === 'GOTO_DIMENSION' && pageOfDimension(pages, event.dimension) >= 0,
    },
    actions: {
      'begin the attempt': assign(({ event }) =>
        event.type === 'START' ? { ...EMPTY_ATTEMPT, attemptId: event.attemptId, startedAt: event.startedAt } : {},
      ),
      'record the answer': assign({
        answers: ({ context, event }) =>
          event.type === 'ANSWER' ? withAnswer(context.answers, event.question, event.value) : context.answers,
      }),
      'go to the next page': assign({ page: ({ context }) => context.page + 1, unansweredNotice: false }),
      'go to the previous page': assign({ page: ({ context }) => context.page - 1, unansweredNotice: false }),
      'go to the last page': assign({ page: () => pages.length - 1, unansweredNotice: false }),
      'go to the dimension': assign({
        page: ({ context, event }) => (event.type === 'GOTO_DIMENSION' ? pageOfDimension(pages, event.dimension) : context.page),
        unansweredNotice: false,
      }),
      'flag the unanswered questions': assign({ unansweredNotice: true }),
      'clear the notice': assign({ unansweredNotice: false }),
      'record the finish time': assign({
        finishedAt: ({ context, event }) => (event.type === 'FINISH' ? event.finishedAt : context.finishedAt),
      }),
      'clear the attempt': assign(() => ({ ...EMPTY_ATTEMPT })),
    },
  }).createMachine({
    id: 'assessment',
    initial: 'intro',
    context: { ...EMPTY_ATTEMPT },
    on: {
      RESTART: { target: '.intro', actions: 'clear the attempt' },
    },
    states: {
      intro: {
        on: { START: { target: 'questions', actions: 'begin the attempt' } },
      },
      questions: {
        on: {
          ANSWER: { guard: 'answer is valid', actions: 'record the answer' },
          NEXT: [
            { guard: and(['page is complete', 'on the last page']), target: 'review', actions: 'clear the notice' },
            { guard: 'page is complete', actions: 'go to the next page' },
            { actions: 'flag the unanswered questions' },
          ],
          SKIP: [
            { guard: 'on the last page', target: 'review', actions: 'clear the notice' },
            { actions: 'go to the next page' },
          ],
          BACK: { guard: 'not on the first page', actions: 'go to the previous page' },
          GOTO_DIMENSION: { guard: 'dimension is known', actions: 'go to the dimension' },
        },
      },
      review: {
        on: {
          BACK: { target: 'questions', actions: 'go to the last page' },
          GOTO_DIMENSION: { guard: 'dimension is known', target: 'questions', actions: 'go to the dimension' },
          FINISH: { target: 'results', actions: 'record the finish time' },
        },
      },
      results: {},
    },
  });
}

export type AssessmentMachine = ReturnType<typeof createAssessmentMachine>;
