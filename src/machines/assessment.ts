/**
 * The self-assessment: intro -> questions (one page per dimension) -> review
 * -> results. Who answers (commune, EPCI, association) is chosen on the intro
 * before START and can be changed until the results. Guards and actions only
 * call the pure helpers of src/assessment/progress.ts; storage and the DOM
 * stay in the view.
 */
import { and, assign, setup } from 'xstate';
import { type Answer, type Answers, isRespondent, type Respondent } from '../assessment/content.ts';
import {
  type AssessmentPage,
  answersKept,
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
  /** Who the test is answered for; null until chosen (or in an attempt saved before the choice existed). */
  respondent: Respondent | null;
  /** Index of the dimension page shown. */
  page: number;
  answers: Answers;
  /** NEXT was refused: questions on this page have no answer yet. */
  unansweredNotice: boolean;
  /** START was refused: nobody has said who they answer for. */
  respondentNotice: boolean;
}

export type AssessmentEvent =
  | { type: 'CHOOSE_RESPONDENT'; respondent: Respondent }
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
  respondent: null,
  page: 0,
  answers: {},
  unansweredNotice: false,
  respondentNotice: false,
};

export function createAssessmentMachine(pages: readonly AssessmentPage[]) {
  return setup({
    types: {
      context: {} as AssessmentContext,
      events: {} as AssessmentEvent,
    },
    guards: {
      'page is complete': ({ context }) => isPageComplete(pages, context.page, context.answers, context.respondent),
      'on the last page': ({ context }) => isLastPage(pages, context.page),
      'not on the first page': ({ context }) => context.page > 0,
      'answer is valid': ({ context, event }) =>
        event.type === 'ANSWER' && isValidAnswer(pages, event.question, event.value, context.respondent),
      'respondent is known': ({ event }) => event.type === 'CHOOSE_RESPONDENT' && isRespondent(event.respondent),
      'a respondent is chosen': ({ context }) => context.respondent !== null,
      'dimension is known': ({ event }) => event.type === 'GOTO_DIMENSION' && pageOfDimension(pages, event.dimension) >= 0,
    },
    actions: {
      'begin the attempt': assign(({ context, event }) =>
        event.type === 'START'
          ? { ...EMPTY_ATTEMPT, respondent: context.respondent, attemptId: event.attemptId, startedAt: event.startedAt }
          : {},
      ),
      'choose the respondent': assign(({ event }) =>
        event.type === 'CHOOSE_RESPONDENT' ? { respondent: event.respondent, respondentNotice: false } : {},
      ),
      // Answers to questions put in other words, or not put, to the new respondent answered another question: dropped.
      'change the respondent': assign(({ context, event }) =>
        event.type === 'CHOOSE_RESPONDENT'
          ? {
              respondent: event.respondent,
              answers: answersKept(pages, context.answers, context.respondent, event.respondent),
              unansweredNotice: false,
            }
          : {},
      ),
      'flag the missing respondent': assign({ respondentNotice: true }),
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
      // The respondent stays as the next attempt's default: the same person usually takes the test again.
      'clear the attempt': assign(({ context }) => ({ ...EMPTY_ATTEMPT, respondent: context.respondent })),
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
        on: {
          CHOOSE_RESPONDENT: { guard: 'respondent is known', actions: 'choose the respondent' },
          START: [
            { guard: 'a respondent is chosen', target: 'questions', actions: 'begin the attempt' },
            { actions: 'flag the missing respondent' },
          ],
        },
      },
      questions: {
        on: {
          CHOOSE_RESPONDENT: { guard: 'respondent is known', actions: 'change the respondent' },
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
          CHOOSE_RESPONDENT: { guard: 'respondent is known', actions: 'change the respondent' },
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
