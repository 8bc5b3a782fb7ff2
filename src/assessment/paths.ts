/** The test's routes: every page is a deep link, so a reload lands on the same page. */
import type { AssessmentState } from '../machines/assessment.ts';

export const TEST_HREF = '#/test';
export const REVIEW_HREF = '#/test/review';

export function questionsHref(dimension: string): string {
  return `#/test/questions/${dimension}`;
}

export function resultsHref(attemptId?: string | null, compareWith?: string | null): string {
  const base = attemptId ? `#/test/results/${attemptId}` : '#/test/results';
  return compareWith ? `${base}?compare=${encodeURIComponent(compareWith)}` : base;
}

/** Where the machine's state is shown. */
export function hrefForState(state: AssessmentState, dimension: string | undefined, attemptId: string | null): string {
  switch (state) {
    case 'questions':
      return dimension ? questionsHref(dimension) : TEST_HREF;
    case 'review':
      return REVIEW_HREF;
    case 'results':
      return resultsHref(attemptId);
    default:
      return TEST_HREF;
  }
}
