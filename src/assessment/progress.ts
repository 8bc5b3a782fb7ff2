/**
 * Pure helpers over the answers given so far, page by page (one page per
 * dimension). The assessment machine's guards and actions call these.
 */
import { type Answer, type Answers, isAnswer } from './content.ts';

export interface AssessmentPage {
  dimension: string;
  questions: readonly string[];
}

export function isKnownQuestion(pages: readonly AssessmentPage[], question: string): boolean {
  return pages.some((p) => p.questions.includes(question));
}

export function isValidAnswer(pages: readonly AssessmentPage[], question: string, value: unknown): value is Answer {
  return isKnownQuestion(pages, question) && isAnswer(value);
}

export function withAnswer(answers: Answers, question: string, value: Answer): Answers {
  return { ...answers, [question]: value };
}

/** Questions of a page that have neither a level nor "don't know". */
export function unansweredOn(pages: readonly AssessmentPage[], page: number, answers: Answers): string[] {
  return (pages[page]?.questions ?? []).filter((q) => answers[q] === undefined);
}

export function isPageComplete(pages: readonly AssessmentPage[], page: number, answers: Answers): boolean {
  return unansweredOn(pages, page, answers).length === 0;
}

/** Every unanswered question, grouped by page, pages with none left out. */
export function unansweredByPage(
  pages: readonly AssessmentPage[],
  answers: Answers,
): { page: number; dimension: string; questions: string[] }[] {
  return pages
    .map((p, page) => ({ page, dimension: p.dimension, questions: unansweredOn(pages, page, answers) }))
    .filter((entry) => entry.questions.length > 0);
}

export function pageOfDimension(pages: readonly AssessmentPage[], dimension: string): number {
  return pages.findIndex((p) => p.dimension === dimension);
}

export function isLastPage(pages: readonly AssessmentPage[], page: number): boolean {
  return page >= pages.length - 1;
}

export function answeredCount(answers: Answers): number {
  return Object.keys(answers).length;
}
