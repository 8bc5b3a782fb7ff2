/**
 * The self-assessment's content (levels, dimensions, questions, bands,
 * recommendations) read from content/assessment.json and checked with zod
 * when the module loads, so a broken content file fails loudly in the tests.
 */
import { z } from 'zod';
import raw from './content/assessment.json';

// Same rules as the scenario schema's, kept here so the test's pages do not load the game's schema and scenarios.
const localized = z.strictObject({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });
const guideRef = z.string().regex(/^[a-z0-9-]+(#[a-z0-9-]+)?$/);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const level = z.number().int().min(0).max(3);

/** Who a test is answered for: a commune, a group of communes (EPCI), an association or SSE actor. */
export const RESPONDENTS = ['commune', 'epci', 'association'] as const;
export type Respondent = (typeof RESPONDENTS)[number];
/** A dimension keeps at least this many questions for every respondent, so its score never rests on one or two answers. */
export const MIN_ASKED_PER_DIMENSION = 3;

/** Asked with its own words to this respondent; help and answers fall back to the question's. */
const adaptedRule = z.strictObject({
  prompt: localized,
  help: localized.optional(),
  answers: z.array(localized).length(4).optional(),
});
/** How a question is put to one respondent: as is, adapted, or not at all (it is not theirs to answer). */
const respondentRule = z.union([z.literal('asked'), z.literal('skipped'), adaptedRule]);

export const assessmentSchema = z
  .object({
    levels: z.array(z.object({ value: level, label: localized })).length(4),
    dimensions: z
      .array(
        z.object({
          id,
          name: localized,
          description: localized,
          compassPrinciple: z.number().int().min(1).max(6),
          guide: guideRef,
          course: id,
          scenario: id,
          /** What to do when many answers are "don't know": with whom to find out, with which tool. */
          findOut: z.object({ text: localized, guide: guideRef }),
        }),
      )
      .min(3),
    questions: z
      .array(
        z.object({
          id,
          dimension: id,
          prompt: localized,
          help: localized,
          /** What to look at and who knows the answer: shown beside every question. */
          note: z.strictObject({ evidence: localized, whoKnows: localized }),
          guide: guideRef,
          answers: z.array(localized).length(4),
          /** One rule per respondent, none left implicit. */
          respondents: z.strictObject({ commune: respondentRule, epci: respondentRule, association: respondentRule }),
        }),
      )
      .min(1),
    bands: z.array(
      z.object({
        id,
        min: z.number().int(),
        max: z.number().int(),
        label: localized,
        /** Said of one dimension. */
        description: localized,
        /** Said of the overall profile. */
        overall: localized,
      }),
    ),
    recommendations: z.array(
      z.object({
        id,
        dimension: id,
        maxScore: z.number().int().min(0).max(100),
        priority: z.number().int().min(1).max(3),
        title: localized,
        text: localized,
        guide: guideRef,
        course: id,
        scenario: id,
      }),
    ),
  })
  .superRefine((content, issues) => {
    for (const [i, q] of content.questions.entries())
      if (RESPONDENTS.every((r) => q.respondents[r] === 'skipped'))
        issues.addIssue({ code: 'custom', path: ['questions', i, 'respondents'], message: `${q.id} is asked of nobody` });
    for (const d of content.dimensions)
      for (const r of RESPONDENTS) {
        const asked = content.questions.filter((q) => q.dimension === d.id && q.respondents[r] !== 'skipped').length;
        if (asked < MIN_ASKED_PER_DIMENSION)
          issues.addIssue({
            code: 'custom',
            path: ['dimensions'],
            message: `${d.id} keeps ${asked} questions for ${r}, fewer than ${MIN_ASKED_PER_DIMENSION}`,
          });
      }
  });

export type Assessment = z.infer<typeof assessmentSchema>;
export type Dimension = Assessment['dimensions'][number];
export type Question = Assessment['questions'][number];
export type Band = Assessment['bands'][number];
export type Recommendation = Assessment['recommendations'][number];
export type RespondentRule = Question['respondents'][Respondent];
/** How a question is put: as is, in adapted words, or not at all. */
export type Mode = 'asked' | 'adapted' | 'skipped';

export function isRespondent(value: unknown): value is Respondent {
  return typeof value === 'string' && (RESPONDENTS as readonly string[]).includes(value);
}

/** An attempt without a respondent (made before the choice existed) is asked every question as is. */
export function modeOf(question: Question, respondent: Respondent | null | undefined): Mode {
  if (!respondent) return 'asked';
  const rule = question.respondents[respondent];
  return typeof rule === 'string' ? rule : 'adapted';
}

export function isAskedOf(question: Question, respondent: Respondent | null | undefined): boolean {
  return modeOf(question, respondent) !== 'skipped';
}

/** The words a respondent reads: the adapted prompt, help and answers where there are some. */
export function wordingFor(
  question: Question,
  respondent: Respondent | null | undefined,
): { prompt: Question['prompt']; help: Question['help']; answers: Question['answers'] } {
  const rule = respondent ? question.respondents[respondent] : 'asked';
  if (typeof rule === 'string') return { prompt: question.prompt, help: question.help, answers: question.answers };
  return { prompt: rule.prompt, help: rule.help ?? question.help, answers: rule.answers ?? question.answers };
}

/** The questions put to a respondent, in content order. */
export function askedQuestions(content: Assessment, respondent: Respondent | null | undefined): Question[] {
  return content.questions.filter((q) => isAskedOf(q, respondent));
}

/** A level 0..3, or "don't know". */
export type Answer = 0 | 1 | 2 | 3 | 'unknown';
export type Answers = Record<string, Answer>;

export const ANSWER_VALUES: readonly Answer[] = [0, 1, 2, 3, 'unknown'];

export function isAnswer(value: unknown): value is Answer {
  return value === 'unknown' || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3);
}

let cached: Assessment | null = null;

/** The bundled content, parsed once. */
export function assessment(): Assessment {
  cached ??= assessmentSchema.parse(raw);
  return cached;
}

/** The questions of one dimension, in content order. */
export function questionsOf(content: Assessment, dimension: string): Question[] {
  return content.questions.filter((q) => q.dimension === dimension);
}

/** One page per dimension: its question ids, in content order. */
export function pagesOf(content: Assessment): string[][] {
  return content.dimensions.map((d) => questionsOf(content, d.id).map((q) => q.id));
}
