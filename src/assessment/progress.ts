/**
 * Pure helpers over the answers given so far, page by page (one page per
 * dimension). The assessment machine's guards and actions call these.
 */
import { type Answer, type Answers, isAnswer, type Mode, type Respondent } from './content.ts';

export interface AssessmentPage {
  dimension: string;
  questions: readonly string[];
  /** How each question is put to each respondent; a question missing here is asked as is of everyone. */
  modes?: Readonly<Record<string, Readonly<Record<Respondent, Mode>>>>;
}

/** No respondent (an attempt from before the choice) means every question as is. */
export function pageMode(page: AssessmentPage, question: string, respondent: Respondent | null | undefined): Mode {
  return respondent ? (page.modes?.[question]?.[respondent] ?? 'asked') : 'asked';
}

/** The questions of a page put to this respondent, in order. */
export function askedOn(pages: readonly AssessmentPage[], page: number, respondent?: Respondent | null): string[] {
  const p = pages[page];
  return p ? p.questions.filter((q) => pageMode(p, q, respondent) !== 'skipped') : [];
}

export function askedCount(pages: readonly AssessmentPage[], respondent?: Respondent | null): number {
  return pages.reduce((n, _, i) => n + askedOn(pages, i, respondent).length, 0);
}

export function isKnownQuestion(pages: readonly AssessmentPage[], question: string): boolean {
  return pages.some((p) => p.questions.includes(question));
}

/** A known question, asked of this respondent, and a value on the scale or "don't know". */
export function isValidAnswer(
  pages: readonly AssessmentPage[],
  question: string,
  value: unknown,
  respondent?: Respondent | null,
): value is Answer {
  return pages.some((_, i) => askedOn(pages, i, respondent).includes(question)) && isAnswer(value);
}

export function withAnswer(answers: Answers, question: string, value: Answer): Answers {
  return { ...answers, [question]: value };
}

/**
 * The answers that still hold when the respondent changes: those to questions
 * put in the same words to both. An answer to a question the new respondent
 * is not asked, or is asked in other words, is dropped, since it answered a
 * different question.
 */
export function answersKept(
  pages: readonly AssessmentPage[],
  answers: Answers,
  from: Respondent | null,
  to: Respondent,
): Answers {
  if (from === to) return answers;
  const kept: Answers = {};
  for (const p of pages)
    for (const q of p.questions) {
      const answer = answers[q];
      if (answer !== undefined && pageMode(p, q, from) === 'asked' && pageMode(p, q, to) === 'asked') kept[q] = answer;
    }
  return kept;
}

/** Questions of a page, asked of this respondent, that have neither a level nor "don't know". */
export function unansweredOn(
  pages: readonly AssessmentPage[],
  page: number,
  answers: Answers,
  respondent?: Respondent | null,
): string[] {
  return askedOn(pages, page, respondent).filter((q) => answers[q] === undefined);
}

export function isPageComplete(
  pages: readonly AssessmentPage[],
  page: number,
  answers: Answers,
  respondent?: Respondent | null,
): boolean {
  return unansweredOn(pages, page, answers, respondent).length === 0;
}

/** Every unanswered question, grouped by page, pages with none left out. */
export function unansweredByPage(
  pages: readonly AssessmentPage[],
  answers: Answers,
  respondent?: Respondent | null,
): { page: number; dimension: string; questions: string[] }[] {
  return pages
    .map((p, page) => ({ page, dimension: p.dimension, questions: unansweredOn(pages, page, answers, respondent) }))
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
