import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { press } from './game-helpers.ts';

interface Localized {
  fr: string;
  en: string;
}
interface Question {
  id: string;
  lesson: string;
  choices: { id: string; correct: boolean; feedback: Localized }[];
}
interface Module {
  id: string;
  title: Localized;
  lessons: { id: string; title: Localized }[];
  activity: { type: string; id: string; pairs?: { id: string }[] };
  quiz: { questions: Question[] };
}

const course = JSON.parse(readFileSync('src/course/content/course.json', 'utf8')) as { modules: Module[] };
const [first, second, third] = course.modules as [Module, Module, Module];

/** Picks a select's option with the arrow keys, as a keyboard user does. */
async function chooseWithKeys(select: Locator, value: string): Promise<void> {
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
async function sheet(page: Page, module: Module): Promise<Question[]> {
  await expect(page.locator('fieldset.course-question').first()).toBeVisible();
  const ids = await page.locator('fieldset.course-question').evaluateAll((sets) => sets.map((f) => f.id));
  return ids.map((id) => module.quiz.questions.find((q) => q.id === id) as Question);
}

/** Ticks choices from the keyboard: the right ones, or for the first `wrong` questions a wrong one. */
async function answerQuiz(page: Page, module: Module, wrong = 0): Promise<Question[]> {
  const questions = await sheet(page, module);
  for (const [i, question] of questions.entries()) {
    const picks = i < wrong ? [question.choices.find((c) => !c.correct)] : question.choices.filter((c) => c.correct);
    for (const choice of picks) await press(page.locator(`[id="${choice?.id}"]`), 'Space');
  }
  return questions;
}

const submit = (page: Page) => page.getByRole('button', { name: /Valider mes réponses|Submit my answers/ });

/** Passes a module's quiz from its page, with the keyboard. */
async function passQuiz(page: Page, module: Module): Promise<void> {
  await open(page, `#/course/${module.id}/quiz`);
  await answerQuiz(page, module);
  await press(submit(page));
  await expect(page.locator('.course-result h2')).toHaveText(/100\u202f%/);
}

test.describe('online course', () => {
  test('a learner completes module 1 (lessons, activity, quiz) with the keyboard only', async ({ page }) => {
    await open(page, '#/course');
    await expect(page.locator('.course-module-card')).toHaveCount(6);
    await expect(page.locator('.course-overview')).toContainText('min');
    await press(page.locator('#course-start'));
    for (const lesson of first.lessons) {
      await expect(page).toHaveURL(new RegExp(`#/course/${first.id}/${lesson.id}$`));
      await expect(page.locator('#page-title')).toHaveText(lesson.title.fr);
      await press(page.locator('.course-next'));
    }
    await expect(page).toHaveURL(new RegExp(`#/course/${first.id}/activity$`));
    for (const pair of first.activity.pairs ?? []) await chooseWithKeys(page.locator(`[id="${pair.id}--select"]`), pair.id);
    await press(page.getByRole('button', { name: 'Vérifier mes réponses' }));
    await expect(page.locator('.course-result')).toBeFocused();
    await expect(page.locator('.course-result h2')).toHaveText('5 sur 5 justes');
    await press(page.locator('.course-next'));
    await expect(page).toHaveURL(new RegExp(`#/course/${first.id}/quiz$`));
    await answerQuiz(page, first);
    await press(submit(page));
    await expect(page.locator('.course-result')).toBeFocused();
    await expect(page.locator('.course-result')).toContainText('Réussi');
    await press(page.getByRole('button', { name: 'Continuer' }));
    await expect(page.locator('#page-title')).toHaveText(`Module terminé\u202f: ${first.title.fr}`);
    await expect(page.locator('.course-milestone')).toContainText('Votre progression est enregistrée sur cet appareil.');
    await open(page, `#/course/${first.id}`);
    const steps = first.lessons.length + 2;
    await expect(page.locator('.course-progress-text')).toHaveText(`${steps} étapes sur ${steps} faites (100 %)`);
    await expect(page.locator('.course-done')).toHaveCount(first.lessons.length + 2);
  });

  test('a blind first attempt does not reveal the answer key, the retry is another sheet, a pass after reading shows it', async ({
    page,
  }) => {
    await open(page, `#/course/${second.id}/quiz`);
    await press(submit(page));
    await expect(page.locator('.course-error-summary')).toBeFocused();
    const blind = await answerQuiz(page, second, 4);
    await press(submit(page));
    const result = page.locator('.course-result');
    await expect(result).toBeFocused();
    await expect(result.locator('h2')).toHaveText('Votre score\u202f: 0\u202f%');
    await expect(result).toContainText('Pas encore réussi\u202f: le seuil de réussite est de 75\u202f%');
    // No key: no choice marked right, no explanation of a right choice, on the page or in its text.
    await expect(page.locator('.course-marker.is-correct, .course-question-feedback')).toHaveCount(0);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const question of blind) {
      for (const choice of question.choices.filter((c) => c.correct)) expect(text).not.toContain(choice.feedback.fr);
    }
    // The lessons to read again are those of the questions missed.
    const lessons = [...new Set(blind.map((q) => q.lesson))];
    const links = page.locator('.course-revisit a');
    await expect(links).toHaveCount(lessons.length);
    await expect(page.getByRole('button', { name: 'Continuer' })).toHaveCount(0);

    await press(page.getByRole('button', { name: 'Nouvelle tentative' }));
    await expect(page.locator('#page-title')).toBeFocused();
    const retry = await sheet(page, second);
    expect(retry.map((q) => q.id).filter((id) => blind.some((q) => q.id === id))).toEqual([]);

    // Read the lessons pointed to, then pass: the key is shown.
    for (const lesson of lessons) {
      await open(page, `#/course/${second.id}/${lesson}`);
      await press(page.locator('.course-next'));
    }
    await open(page, `#/course/${second.id}/quiz`);
    await answerQuiz(page, second);
    await press(submit(page));
    await expect(result.locator('h2')).toHaveText('Votre score\u202f: 100\u202f%');
    await expect(page.locator('.course-question-feedback')).toHaveCount(4);
    await expect(page.locator('.course-marker.is-correct')).not.toHaveCount(0);
    await expect(page.locator('.course-quiz')).toContainText("Votre meilleur score jusqu'ici\u202f: 100\u202f% (2 tentatives)");
  });

  test('a learner who leaves comes back to the same lesson with Resume', async ({ page }) => {
    const lesson = third.lessons[1] as Module['lessons'][number];
    await open(page, `#/course/${third.id}/${lesson.id}`);
    await open(page, '#/');
    await page.reload();
    await open(page, '#/course');
    await expect(page.locator('.course-start-where')).toContainText(lesson.title.fr);
    await press(page.locator('#course-resume'));
    await expect(page).toHaveURL(new RegExp(`#/course/${third.id}/${lesson.id}$`));
    await expect(page.locator('#page-title')).toHaveText(lesson.title.fr);
  });

  test('a learner completes the course and prints the certificate', async ({ page }) => {
    await open(page, '#/course/certificate');
    await expect(page.locator('.course-certificate-page .notice')).toBeVisible();
    for (const module of course.modules) await passQuiz(page, module);
    await press(page.getByRole('button', { name: 'Continuer' }));
    await expect(page.locator('#page-title')).toHaveText('Formation terminée');
    await press(page.getByRole('link', { name: 'Obtenir mon attestation' }));
    await expect(page).toHaveURL(/#\/course\/certificate$/);
    await page.locator('#course-learner-name').focus();
    await page.keyboard.type('Camille Martin');
    await expect(page.locator('.course-certificate-name')).toHaveText('Camille Martin');
    await expect(page.locator('.course-certificate tbody tr')).toHaveCount(6);
    await expect(page.locator('.course-certificate tfoot')).toContainText('100\u202f%');
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await press(page.locator('#course-print'));
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // The name was saved: it is still there after a reload.
    await page.reload();
    await expect(page.locator('#course-learner-name')).toHaveValue('Camille Martin');

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.course-certificate')).toBeVisible();
    for (const hidden of ['.site-header', '#page-title', '#course-learner-name', '#course-print', '.course-breadcrumb']) {
      await expect(page.locator(hidden)).toBeHidden();
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });
  });

  for (const language of ['fr', 'en'] as const) {
    for (const width of [1280, 375]) {
      test(`every course page type: no WCAG 2.1 A/AA violation and no sideways scroll, ${language} at ${width} px`, async ({
        page,
      }) => {
        test.setTimeout(180_000);
        await page.setViewportSize({ width, height: 900 });
        await checkEveryPageType(page, language, async (label) => {
          expect(await axeViolations(page), `${language} ${width} ${label}`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${language} ${width} ${label}: sideways scroll`).toBeLessThanOrEqual(0);
        });
      });
    }
  }

  test('each module’s summary prints on one page, alone', async ({ page }) => {
    for (const module of course.modules) {
      await open(page, `#/course/${module.id}/summary`);
      await expect(page.locator('.course-summary-lesson')).toHaveCount(module.lessons.length);
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.site-header', '#course-print-summary', '.course-breadcrumb']) {
        await expect(page.locator(hidden)).toBeHidden();
      }
      const pdf = Buffer.from(await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g), module.id).toHaveLength(1);
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('a game situation shows the game’s cards, priced by the engine, and feedback on every option', async ({ page }) => {
    const module = course.modules.find((m) => m.activity.type === 'game-situation') as Module;
    const activity = module.activity as Module['activity'] & { options: { id: string; best: boolean }[] };
    await open(page, `#/course/${module.id}/activity`);
    await expect(page.locator('.course-game-card')).toHaveCount(activity.options.length);
    await expect(page.locator('.course-game-card').first()).toContainText(/Coût\u202f: \d+ k€\. Les leviers paient/);
    const wrongOption = activity.options.find((o) => !o.best);
    await press(page.locator(`[id="${wrongOption?.id}"]`), 'Space');
    await press(page.getByRole('button', { name: 'Vérifier mes réponses' }));
    await expect(page.locator('.course-result h2')).toHaveText('0 sur 1 justes');
    await expect(page.locator('.course-feedback > li')).toHaveCount(activity.options.length);
    await expect(page.locator('.course-feedback .course-marker')).toHaveCount(2);
    await expect(page.locator('.course-feedback')).toContainText('Votre choix');
    await expect(page.locator('.course-feedback')).toContainText('Meilleur choix');
    // What happens next, from the engine, for every option; and the case stays in view.
    await expect(page.locator('.course-outcome')).toHaveCount(activity.options.length);
    await expect(page.locator('.course-outcome-title').first()).toContainText(/^Et ensuite, au tour \d+\u202f: /);
    await expect(page.locator('.course-outcome').first()).toContainText('Sans aucun projet\u202f:');
    await expect(page.locator('.course-situation')).toBeVisible();
  });

  test('redraws a page in the other language at the same place', async ({ page }) => {
    await open(page, `#/course/${first.id}/quiz`);
    const asked = await answerQuiz(page, first, 4);
    await press(page.getByRole('button', { name: /EN/ }));
    await expect(page.locator('#page-title')).toHaveText(`Quiz: ${first.title.en}`);
    // The same sheet, with the answers given before the switch still ticked.
    expect((await sheet(page, first)).map((q) => q.id)).toEqual(asked.map((q) => q.id));
    for (const question of asked) {
      const wrong = question.choices.find((c) => !c.correct);
      await expect(page.locator(`[id="${wrong?.id}"]`)).toBeChecked();
    }
    await press(submit(page));
    await expect(page.locator('.course-result h2')).toHaveText('Your score: 0 %');
  });
});

/** Every kind of course page, in one language, with `check` run on each once it is shown. */
async function checkEveryPageType(page: Page, language: 'fr' | 'en', check: (label: string) => Promise<void>) {
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
  await answerQuiz(page, third, 4);
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
