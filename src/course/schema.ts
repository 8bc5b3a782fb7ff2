/**
 * The course's content format (content/course.json): modules of lessons, one activity and one quiz each.
 * The zod schema checks shapes and that every reference (case lesson, sorting category) points to
 * something that exists, and that every id is unique across the course.
 */
import { z } from 'zod';
import { localized } from '../content/schema.ts';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens');
const minutes = z.number().int().min(1).max(120);

const lessonSchema = z.strictObject({ id, title: localized, minutes });

const choiceSchema = z.strictObject({ id, text: localized, correct: z.boolean(), feedback: localized });

const questionSchema = z
  .strictObject({
    id,
    /** The lesson a learner who gets this question wrong is sent back to. */
    lesson: id,
    prompt: localized,
    multiple: z.boolean(),
    choices: z.array(choiceSchema).min(2).max(8),
  })
  .refine((q) => (q.multiple ? q.choices.some((c) => c.correct) : q.choices.filter((c) => c.correct).length === 1), {
    message: 'a single-answer question has exactly one correct choice, a multiple one at least one',
  });

const sortingSchema = z.strictObject({
  type: z.literal('sorting'),
  id,
  prompt: localized,
  categories: z
    .array(z.strictObject({ id, label: localized }))
    .min(2)
    .max(6),
  items: z
    .array(z.strictObject({ id, label: localized, category: id, feedback: localized }))
    .min(2)
    .max(20),
});

const matchingSchema = z.strictObject({
  type: z.literal('matching'),
  id,
  prompt: localized,
  pairs: z
    .array(z.strictObject({ id, left: localized, right: localized, feedback: localized }))
    .min(2)
    .max(12),
});

const gameSituationSchema = z
  .strictObject({
    type: z.literal('game-situation'),
    id,
    prompt: localized,
    /** A scenario of the serious game: its cards are what the options show. */
    scenario: id,
    situation: localized,
    /** The scenario's hazard that strikes once the chosen project is built: what happens next. */
    shock: id,
    options: z
      .array(z.strictObject({ id, label: localized, card: id, best: z.boolean(), feedback: localized }))
      .min(2)
      .max(6),
  })
  .refine((a) => a.options.filter((o) => o.best).length === 1, { message: 'a game situation has exactly one best option' });

const activitySchema = z.discriminatedUnion('type', [sortingSchema, matchingSchema, gameSituationSchema]);

const moduleSchema = z.strictObject({
  id,
  title: localized,
  summary: localized,
  /**
   * The whole module: lessons, activity and quiz. Lessons are measured at 200 words a minute; the activity
   * and the quiz get their own time (a content test checks both rules).
   */
  minutes,
  activityMinutes: minutes,
  lessons: z.array(lessonSchema).min(1).max(12),
  case: z.strictObject({ lesson: id }),
  activity: activitySchema,
  /**
   * A bank of questions; each attempt draws `draw` of them, so that a retry is a new sheet and the
   * answer key of one attempt does not pass the next. The bank holds at least twice the draw.
   */
  quiz: z
    .strictObject({ draw: z.number().int().min(1).max(20), questions: z.array(questionSchema).min(2).max(40) })
    .refine((q) => q.questions.length >= 2 * q.draw, { message: 'a quiz bank holds at least twice the questions drawn' }),
});

function allIds(course: { modules: z.infer<typeof moduleSchema>[] }): string[] {
  const ids: string[] = [];
  for (const m of course.modules) {
    ids.push(m.id, ...m.lessons.map((l) => l.id), m.activity.id);
    const a = m.activity;
    if (a.type === 'sorting') ids.push(...a.categories.map((c) => c.id), ...a.items.map((i) => i.id));
    else if (a.type === 'matching') ids.push(...a.pairs.map((p) => p.id));
    else ids.push(...a.options.map((o) => o.id));
    for (const q of m.quiz.questions) ids.push(q.id, ...q.choices.map((c) => c.id));
  }
  return ids;
}

export const courseSchema = z
  .strictObject({
    /**
     * The content version: a new version whenever modules, lessons or activities are added, removed or
     * reordered. It is stored with the learner's progress in an LMS (scorm/suspend-data.ts).
     */
    version: z.number().int().min(1),
    passMark: z.number().int().min(1).max(100),
    /** The essentials path for busy officials: key lessons, in course order, read with each module's summary. */
    essentials: z.array(id).min(1).max(20),
    modules: z.array(moduleSchema).min(1).max(20),
  })
  .superRefine((course, ctx) => {
    const seen = new Set<string>();
    for (const each of allIds(course)) {
      if (seen.has(each)) ctx.addIssue({ code: 'custom', message: `the id "${each}" is used twice` });
      seen.add(each);
    }
    const lessons = new Set(course.modules.flatMap((m) => m.lessons.map((l) => l.id)));
    for (const each of course.essentials) {
      if (!lessons.has(each)) ctx.addIssue({ code: 'custom', path: ['essentials'], message: `no lesson "${each}"` });
    }
    course.modules.forEach((m, i) => {
      if (!m.lessons.some((l) => l.id === m.case.lesson)) {
        ctx.addIssue({ code: 'custom', path: ['modules', i, 'case'], message: `no lesson "${m.case.lesson}" in "${m.id}"` });
      }
      const lessonMinutes = m.lessons.reduce((sum, l) => sum + l.minutes, 0);
      if (lessonMinutes + m.activityMinutes >= m.minutes) {
        ctx.addIssue({ code: 'custom', path: ['modules', i, 'minutes'], message: `"${m.id}" is shorter than its lessons` });
      }
      for (const q of m.quiz.questions) {
        if (!m.lessons.some((l) => l.id === q.lesson)) {
          ctx.addIssue({ code: 'custom', path: ['modules', i, 'quiz'], message: `"${q.id}" sends to no lesson of "${m.id}"` });
        }
      }
      const a = m.activity;
      if (a.type === 'sorting') {
        const categories = new Set(a.categories.map((c) => c.id));
        for (const item of a.items) {
          if (!categories.has(item.category)) {
            ctx.addIssue({ code: 'custom', path: ['modules', i, 'activity'], message: `no category "${item.category}"` });
          }
        }
      }
    });
  });

export type Course = z.infer<typeof courseSchema>;
export type CourseModule = Course['modules'][number];
export type Lesson = CourseModule['lessons'][number];
export type Activity = CourseModule['activity'];
export type SortingActivity = Extract<Activity, { type: 'sorting' }>;
export type MatchingActivity = Extract<Activity, { type: 'matching' }>;
export type GameSituationActivity = Extract<Activity, { type: 'game-situation' }>;
export type Question = CourseModule['quiz']['questions'][number];
export type Choice = Question['choices'][number];
