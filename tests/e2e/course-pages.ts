/** Drives the kit's course in a page as a learner does, answering from course.json. */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, open } from './fixtures.ts';
import { press } from './game-helpers.ts';

export interface Localized {
  fr: string;
  en: string;
}
export interface Question {
  id: string;
  lesson: string;
  choices: { id: string; correct: boolean; feedback: Localized }[];
}
export interface Module {
  id: string;
  title: Localized;
  lessons: { id: string; title: Localized }[];
  activity: { type: string; id: string; pairs?: { id: string }[] };
  quiz: { questions: Question[] };
}

export const course = JSON.parse(readFileSync('src/course/content/course.json', 'utf8')) as { modules: Module[] };
export const [first, second, third] = course.modules as [Module, Module, Module];

/** Picks a select's option with the arrow keys, as a keyboard user does. */
export async function chooseWithKeys(select: Locator, value: string): Promise<void> {
  // evaluateAll does not wait: the page may still be on its way after the URL changed.
  await select.waitFor();
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const target = values.indexOf(value);
  expect(target, `option ${value} in ${values.join(', ')}`).toBeGreaterThan(0);
  await select.focus();
  for (let i = 0; i < target; i += 1) await select.page().keyboard.press('ArrowDown');
  await expect(select).toHaveValue(value);
}

/** The questions of the sheet on the page, in its order (each attempt draws its own from the bank). */
export async function sheet(page: Page, module: Module): Promise<Question[]> {
  await expect(page.locator('fieldset.course-question').first()).toBeVisible();
  const ids = await page.locator('fieldset.course-question').evaluateAll((sets) => sets.map((f) => f.id));
  return ids.map((id) => module.quiz.questions.find((q) => q.id === id) as Question);
}

/** Ticks choices from the keyboard: the right ones, or for the first `wrong` questions a wrong one. */
export async function answerQuiz(page: Page, module: Module, wrong = 0): Promise<Question[]> {
  const questions = await sheet(page, module);
  for (const [i, question] of questions.entries()) {
    const picks = i < wrong ? [question.choices.find((c) => !c.correct)] : question.choices.filter((c) => c.correct);
    for (const choice of picks) await press(page.locator(`[id="${choice?.id}"]`), 'Space');
  }
  return questions;
}

export const submit = (page: Page) => page.getByRole('button', { name: /Valider mes réponses|Submit my answers/ });

/** Every kind of course page, in one language, with `check` run on each once it is shown. */
export async function checkEveryPageType(page: Page, language: 'fr' | 'en', check: (label: string) => Promise<void>) {
  await open(page, '#/course');
  if (language === 'en') {
    await press(page.getByRole('button', { name: /EN/ }));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  await check('overview');
  await open(page, `#/course/${first.id}`);
  await check('module');
  await open(page, '#/course/essentials');
  await check('essentials path');
  await open(page, `#/course/${first.id}/summary`);
  await check('module summary');
  await open(page, `#/course/${first.id}/resilience-basics-needs`);
  await expect(page.locator('figure.course-diagram svg title')).toHaveCount(1);
  await check('lesson with a diagram');
  for (const module of [first, second, course.modules.find((m) => m.activity.type === 'game-situation') as Module]) {
    await open(page, `#/course/${module.id}/activity`);
    await check(`${module.activity.type} activity`);
  }
  await page.locator('.course-activity-form button[type="submit"]').click();
  await expect(page.locator('.course-error-summary')).toBeVisible();
  await check('activity with answers missing');
  await page.locator('.course-activity-form input[type="radio"]').first().check();
  await page.locator('.course-activity-form button[type="submit"]').click();
  await expect(page.locator('.course-result')).toBeVisible();
  await check('activity checked');
  await open(page, `#/course/${third.id}/quiz`);
  await check('quiz');
  await answerQuiz(page, third, 5);
  await submit(page).click();
  await expect(page.locator('.course-result.is-failed')).toBeVisible();
  await check('quiz failed');
  await page.locator('.course-result button').click();
  await answerQuiz(page, third);
  await submit(page).click();
  await expect(page.locator('.course-result.is-passed')).toBeVisible();
  await check('quiz passed, with the key');
  await page.locator('.course-result button.button').click();
  await expect(page.locator('.course-milestone')).toBeVisible();
  await check('module done');
  await open(page, '#/course/progress');
  await check('progress');
  await open(page, '#/course/certificate');
  await check('certificate locked');
  await open(page, '#/course/no-such-page');
  await check('page not found');
  // Every quiz but the last one passed: passing it shows "course complete", then the certificate.
  const last = course.modules.at(-1) as Module;
  await page.evaluate(
    ([quizzes]) => {
      const progress = {
        version: 1,
        location: '',
        lessonsDone: [],
        activitiesDone: [],
        quizzes,
        learnerName: '',
        completedAt: null,
      };
      localStorage.setItem('rtk:course:progress', JSON.stringify(progress));
    },
    [Object.fromEntries(course.modules.slice(0, -1).map((m) => [m.id, { best: 100, attempts: 1, passed: true }]))],
  );
  await page.reload();
  await open(page, `#/course/${last.id}/quiz`);
  await answerQuiz(page, last);
  await submit(page).click();
  await page.locator('.course-result button.button').click();
  await expect(page.locator('.course-milestone')).toBeVisible();
  await check('course complete');
  await open(page, '#/course/certificate');
  await expect(page.locator('.course-certificate')).toBeVisible();
  await check('certificate');
}
