/** What the self-assessment e2e specs share: the content read from the repository, answer plans, the formula. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Repository files, read by the test itself (never through the app). */
export const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
export const content = JSON.parse(readFileSync(root('src/assessment/content/assessment.json'), 'utf8')) as {
  dimensions: { id: string; name: { fr: string; en: string } }[];
  questions: {
    id: string;
    dimension: string;
    prompt: { fr: string; en: string };
    respondents: Record<Respondent, 'asked' | 'skipped' | { prompt: { fr: string; en: string } }>;
  }[];
  bands: { id: string; min: number; max: number; label: { fr: string } }[];
  recommendations: { id: string; dimension: string; maxScore: number }[];
};
export const COURSE_MODULES = new Set(
  (JSON.parse(readFileSync(root('src/course/content/course.json'), 'utf8')).modules as { id: string }[]).map((m) => m.id),
);
export const SCENARIOS = new Set(['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield']);

export type Respondent = 'commune' | 'epci' | 'association';
export type Answer = 0 | 1 | 2 | 3 | 'unknown' | null;
export type Plan = Record<string, Answer[]>;

/** First attempt: some "don't know", one dimension without enough answers, one question skipped. */
export const FIRST: Plan = {
  'steering-together': [2, 3, 'unknown', 1, 2, 3],
  'solidarity-ties': [1, 1, 1, 0, 'unknown', 2],
  'seeing-ahead': ['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 3, 2],
  'holding-through-crises': [0, 1, 1, 0, 0, 1, 0, 1],
  'learning-and-trying': [3, 3, 3, 2, 3, 3, 3],
  'essentials-first': [2, 2, 1, 1, 'unknown', null],
};
export const SECOND: Plan = {
  'steering-together': [3, 3, 3, 2, 2, 3],
  'solidarity-ties': [2, 2, 2, 1, 2, 2],
  'seeing-ahead': [1, 2, 1, 2, 1, 'unknown', 1],
  'holding-through-crises': [1, 1, 2, 1, 1, 2, 1, 1],
  'learning-and-trying': [3, 2, 3, 2, 3, 3, 2],
  'essentials-first': [2, 3, 2, 2, 3, 3],
};

export const questionsOf = (dimension: string) => content.questions.filter((q) => q.dimension === dimension);

/**
 * The documented formula: per dimension, round(100 x mean of the levels / 3) over the questions answered
 * with a level; "don't know" and skipped questions are left out; under half answered gives no score.
 */
export function expectedScores(plan: Plan): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const d of content.dimensions) {
    const levels = (plan[d.id] ?? []).filter((a): a is 0 | 1 | 2 | 3 => typeof a === 'number');
    const enough = levels.length > 0 && levels.length * 2 >= questionsOf(d.id).length;
    out.set(d.id, enough ? Math.round((100 * levels.reduce<number>((a, b) => a + b, 0)) / levels.length / 3) : null);
  }
  return out;
}

export function answersOf(plan: Plan): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const d of content.dimensions)
    questionsOf(d.id).forEach((q, i) => {
      const a = plan[d.id]?.[i];
      if (a !== null && a !== undefined) out[q.id] = a;
    });
  return out;
}

/** Moves focus to an element (as Tab would) and presses a key. */
export async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await target.page().keyboard.press(key);
}

export const title = (page: Page) => page.locator('#page-title');

/** Answers one dimension page from the keyboard: arrows through the first group, Space on the others. */
export async function answerPage(page: Page, dimension: string, answers: Answer[]): Promise<void> {
  const questions = questionsOf(dimension);
  for (const [i, q] of questions.entries()) {
    const a = answers[i];
    if (a === null || a === undefined) continue;
    if (i === 0) {
      // Space checks the first option, each ArrowDown checks the next one in the group.
      await press(page.locator(`#${q.id}-0`), 'Space');
      const steps = a === 'unknown' ? 4 : a;
      for (let s = 0; s < steps; s += 1) await page.keyboard.press('ArrowDown');
    } else {
      await press(page.locator(`#${q.id}-${a}`), 'Space');
    }
    await expect(page.locator(`#${q.id}-${a}`)).toBeChecked();
  }
}

/** Says who answers on the test's home, from the keyboard (Space on the radio). */
export async function chooseRespondent(page: Page, respondent: Respondent = 'commune'): Promise<void> {
  await press(page.locator(`#respondent-${respondent}`), 'Space');
  await expect(page.locator(`#respondent-${respondent}`)).toBeChecked();
}

/** From the test's home to the results, answering every page as planned, for a commune. */
export async function takeTest(page: Page, plan: Plan): Promise<void> {
  await chooseRespondent(page, 'commune');
  await press(page.getByRole('button', { name: /Commencer le test|Start the test/ }));
  for (const [i, d] of content.dimensions.entries()) {
    await expect(title(page)).toHaveText(d.name.fr);
    await expect(page.locator('.test-progress')).toHaveText(`Dimension ${i + 1} sur 6`);
    await expect(page.locator('fieldset.question')).toHaveCount(questionsOf(d.id).length);
    await answerPage(page, d.id, plan[d.id] ?? []);
    const last = i === content.dimensions.length - 1;
    await press(page.getByRole('button', { name: last ? 'Relire mes réponses' : 'Dimension suivante' }));
    if ((plan[d.id] ?? []).includes(null)) {
      // Next is refused while a question has no answer; Skip leaves it unanswered.
      await expect(page.locator('#unanswered-notice')).toBeVisible();
      await expect(page.locator('#unanswered-notice')).toBeFocused();
      await press(page.getByRole('button', { name: 'Passer cette page' }));
    }
  }
  await expect(title(page)).toHaveText('Relire vos réponses');
  for (const d of content.dimensions) {
    const skipped = questionsOf(d.id).filter((_, i) => plan[d.id]?.[i] === null);
    const section = page.locator(`.test-review-dimension[data-dimension="${d.id}"]`);
    await expect(section.locator('.test-review-missing li')).toHaveText(skipped.map((q) => q.prompt.fr));
  }
  await press(page.getByRole('button', { name: 'Voir mes résultats' }));
  await expect(title(page)).toHaveText('Vos résultats');
  await expect(page).toHaveURL(/#\/test\/results\/[a-z0-9-]+$/);
}

export async function checkTable(page: Page, plan: Plan): Promise<void> {
  const scores = expectedScores(plan);
  for (const d of content.dimensions) {
    const row = page.locator(`.results-table tbody tr[data-dimension="${d.id}"]`);
    const score = scores.get(d.id) ?? null;
    const planned = plan[d.id] ?? [];
    const answered = planned.filter((a) => typeof a === 'number').length;
    const unknown = planned.filter((a) => a === 'unknown').length;
    const band = content.bands.find((b) => score !== null && score >= b.min && score <= b.max);
    await expect(row.locator('td')).toHaveText([
      score === null ? 'Pas assez de réponses' : String(score),
      band ? band.label.fr : '—',
      `${answered} sur ${questionsOf(d.id).length}`,
      String(unknown),
    ]);
  }
}

/** A recommendation's link leads somewhere: a guide section in both languages, a known course module or scenario. */
export function targetExists(href: string): boolean {
  const guide = /^#\/guide\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(href);
  if (guide) {
    const files = ['fr', 'en'].map((lang) => root(`src/guide/content/${lang}/${guide[1]}.md`));
    return files.every((f) => existsSync(f) && (!guide[2] || readFileSync(f, 'utf8').includes(`{#${guide[2]}}`)));
  }
  const course = /^#\/course\/([a-z0-9-]+)$/.exec(href);
  if (course) return COURSE_MODULES.has(course[1] ?? '');
  const scenario = /^#\/game\?scenario=([a-z0-9-]+)$/.exec(href);
  return scenario !== null && SCENARIOS.has(scenario[1] ?? '');
}

/** An attempt as the kit stores it ("stored") or exports it in a results file, written by the test. */
export const attempt = (id: string, finishedAt: string, answers: Record<string, unknown>) => ({
  id,
  startedAt: finishedAt,
  finishedAt,
  answers,
});
export const stored = (id: string, at: string, plan: Plan, name?: Record<string, string>) =>
  JSON.stringify({ format: 'resilient-territory-kit/test-attempt', version: 1, ...attempt(id, at, answersOf(plan)), name });
export function resultsFile(path: string, attempts: (ReturnType<typeof attempt> & { name?: object })[], version = 1): string {
  writeFileSync(path, JSON.stringify({ format: 'resilient-territory-kit/test-results', version, attempts }));
  return path;
}
