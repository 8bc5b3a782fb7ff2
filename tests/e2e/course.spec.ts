import type { Page } from '@playwright/test';
import {
  answerQuiz,
  checkEveryPageType,
  chooseWithKeys,
  course,
  first,
  type Module,
  second,
  sheet,
  submit,
  third,
} from './course-pages.ts';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { press } from './game-helpers.ts';

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
    const blind = await answerQuiz(page, second, 5);
    await press(submit(page));
    const result = page.locator('.course-result');
    await expect(result).toBeFocused();
    await expect(result.locator('h2')).toHaveText('Votre score\u202f: 0\u202f%');
    await expect(result).toContainText('Pas encore réussi\u202f: le seuil de réussite est de 80\u202f%');
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
    await expect(page.locator('.course-question-feedback')).toHaveCount(5);
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
      test(`every course page type: no WCAG 2.2 A/AA violation and no sideways scroll, ${language} at ${width} px`, async ({
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
    await expect(page.locator('.course-game-card').first()).toContainText(/Coût\s: \d+ k€\. Les leviers paient/);
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
    const asked = await answerQuiz(page, first, 5);
    await press(page.getByRole('button', { name: /EN/ }));
    await expect(page.locator('#page-title')).toHaveText(`Quiz: ${first.title.en}`);
    // The same sheet, with the answers given before the switch still ticked.
    expect((await sheet(page, first)).map((q) => q.id)).toEqual(asked.map((q) => q.id));
    for (const question of asked) {
      const wrong = question.choices.find((c) => !c.correct);
      await expect(page.locator(`[id="${wrong?.id}"]`)).toBeChecked();
    }
    await press(submit(page));
    await expect(page.locator('.course-result h2')).toHaveText('Your score: 0%');
  });
});
