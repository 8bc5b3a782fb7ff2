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

export const assessmentSchema = z.object({
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
        /** Where the evidence is and who knows the answer. */
        note: localized.optional(),
        guide: guideRef,
        answers: z.array(localized).length(4),
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
});

export type Assessment = z.infer<typeof assessmentSchema>;
export type Dimension = Assessment['dimensions'][number];
export type Question = Assessment['questions'][number];
export type Band = Assessment['bands'][number];
export type Recommendation = Assessment['recommendations'][number];

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
