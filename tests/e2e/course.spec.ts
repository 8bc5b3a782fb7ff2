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
  choices: { id: string; correct: boolean }[];
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

/** Ticks choices from the keyboard: the right ones, or for the first `wrong` questions a wrong one. */
async function answerQuiz(page: Page, module: Module, wrong = 0): Promise<void> {
  for (const [i, question] of module.quiz.questions.entries()) {
    const picks = i < wrong ? [question.choices.find((c) => !c.correct)] : question.choices.filter((c) => c.correct);
    for (const choice of picks) await press(page.locator(`[id="${choice?.id}"]`), 'Space');
  }
}

const submit = (page: Page) => page.getByRole('button', { name: /Valider mes réponses|Submit my answers/ });

/** Passes a module's quiz from its page, with the keyboard. */
async function passQuiz(page: Page, module: Module): Promise<void> {
  await open(page, `#/course/${module.id}/quiz`);
  await answerQuiz(page, module);
  await press(submit(page));
  await expect(page.locator('.course-result h2')).toHaveText(/100 %/);
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
    await expect(page.locator('#page-title')).toHaveText(`Module terminé : ${first.title.fr}`);
    await open(page, `#/course/${first.id}`);
    const steps = first.lessons.length + 2;
    await expect(page.locator('.course-progress-text')).toHaveText(`${steps} étapes sur ${steps} faites (100 %)`);
    await expect(page.locator('.course-done')).toHaveCount(first.lessons.length + 2);
  });

  test('a failed quiz gives feedback on every choice, and a retry passes', async ({ page }) => {
    await open(page, `#/course/${second.id}/quiz`);
    await press(submit(page));
    await expect(page.locator('.course-error-summary')).toBeFocused();
    await answerQuiz(page, second, 2);
    await press(submit(page));
    const result = page.locator('.course-result');
    await expect(result).toBeFocused();
    await expect(result.locator('h2')).toHaveText('Votre score : 67 %');
    await expect(result).toContainText('Pas encore réussi : le seuil de réussite est de 80 %');
    const choices = second.quiz.questions.reduce((n, q) => n + q.choices.length, 0);
    await expect(page.locator('.course-question-feedback .course-feedback > li')).toHaveCount(choices);
    await expect(page.locator('.course-question-feedback.is-wrong')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Continuer' })).toHaveCount(0);
    await press(page.getByRole('button', { name: 'Réessayer' }));
    await expect(page.locator('#page-title')).toBeFocused();
    await answerQuiz(page, second);
    await press(submit(page));
    await expect(result.locator('h2')).toHaveText('Votre score : 100 %');
    await expect(page.locator('.course-quiz')).toContainText("Votre meilleur score jusqu'ici : 100 % (2 tentative(s))");
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
    await expect(page.locator('.course-certificate tfoot')).toContainText('100 %');
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

  test('no WCAG 2.1 A/AA violation on a lesson, a quiz and the certificate, in French and English', async ({ page }) => {
    test.setTimeout(120_000);
    const passed = Object.fromEntries(course.modules.map((m) => [m.id, { best: 100, attempts: 1, passed: true }]));
    for (const language of ['fr', 'en'] as const) {
      await open(page, `#/course/${first.id}/resilience-basics-needs`);
      if (language === 'en') {
        await press(page.getByRole('button', { name: /EN/ }));
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      await expect(page.locator('figure.course-diagram svg title')).toHaveCount(1);
      expect(await axeViolations(page), `${language} lesson`).toEqual([]);

      await open(page, `#/course/${second.id}/quiz`);
      expect(await axeViolations(page), `${language} quiz`).toEqual([]);
      await answerQuiz(page, second, 1);
      await press(submit(page));
      await expect(page.locator('.course-result')).toBeVisible();
      expect(await axeViolations(page), `${language} quiz after submit`).toEqual([]);

      await page.evaluate((quizzes) => {
        const progress = {
          version: 1,
          location: 'certificate',
          lessonsDone: [],
          activitiesDone: [],
          quizzes,
          learnerName: 'Camille',
          completedAt: '2025-06-01T09:00:00.000Z',
        };
        localStorage.setItem('rtk:course:progress', JSON.stringify(progress));
      }, passed);
      await page.reload();
      await open(page, '#/course/certificate');
      await expect(page.locator('.course-certificate')).toBeVisible();
      expect(await axeViolations(page), `${language} certificate`).toEqual([]);
    }
  });

  test('a game situation shows the game’s cards, priced by the engine, and feedback on every option', async ({ page }) => {
    const module = course.modules.find((m) => m.activity.type === 'game-situation') as Module;
    const activity = module.activity as Module['activity'] & { options: { id: string; best: boolean }[] };
    await open(page, `#/course/${module.id}/activity`);
    await expect(page.locator('.course-game-card')).toHaveCount(activity.options.length);
    await expect(page.locator('.course-game-card').first()).toContainText(/Coût\s: \d+ k€\. Les leviers paient/);
    const wrongOption = activity.options.find((o) => !o.best);
    await press(page.locator(`[id="${wrongOption?.id}"]`), 'Space');
    await press(page.getByRole('button', { name: 'Vérifier mes réponses' }));
    await expect(page.locator('.course-result h2')).toHaveText('0 sur 1 justes');
    await expect(page.locator('.course-feedback > li')).toHaveCount(activity.options.length);
    await expect(page.locator('.course-feedback .course-marker')).toHaveCount(2);
    await expect(page.locator('.course-feedback')).toContainText('Votre choix');
    await expect(page.locator('.course-feedback')).toContainText('Meilleur choix');
  });

  test('redraws a page in the other language at the same place', async ({ page }) => {
    await open(page, `#/course/${first.id}/quiz`);
    await answerQuiz(page, first, 6);
    await press(page.getByRole('button', { name: /EN/ }));
    await expect(page.locator('#page-title')).toHaveText(`Quiz: ${first.title.en}`);
    // The answers given before the switch are still ticked.
    for (const question of first.quiz.questions) {
      const wrong = question.choices.find((c) => !c.correct);
      await expect(page.locator(`[id="${wrong?.id}"]`)).toBeChecked();
    }
    await press(submit(page));
    await expect(page.locator('.course-result h2')).toHaveText('Your score: 0 %');
  });
});
