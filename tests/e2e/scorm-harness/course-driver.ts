/**
 * Drives the course inside the SCO's iframe the way a learner does, answering from course.json: every
 * lesson read through its "next" link, every activity and quiz answered right.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Frame, type Page } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Localized {
  fr: string;
  en: string;
}
interface CourseJson {
  passMark: number;
  modules: {
    id: string;
    title: Localized;
    lessons: { id: string; title: Localized }[];
    activity:
      | { type: 'sorting'; id: string; items: { id: string; category: string }[] }
      | { type: 'matching'; id: string; pairs: { id: string }[] }
      | { type: 'game-situation'; id: string; options: { id: string; best: boolean }[] };
    quiz: { questions: { id: string; choices: { id: string; correct: boolean }[] }[] };
  }[];
}

export const course = JSON.parse(readFileSync(resolve(ROOT, 'src/course/content/course.json'), 'utf8')) as CourseJson;
export type CourseModuleJson = CourseJson['modules'][number];

/** The SCO's frame once the course has rendered. */
export async function scoFrame(page: Page): Promise<Frame> {
  await expect(page.frameLocator('iframe').locator('html[data-ready="true"]')).toBeAttached();
  const frame = page.frames().find((f) => f.url().includes('/sco/index.html'));
  if (!frame) throw new Error('the SCO frame is not there');
  return frame;
}

async function go(frame: Frame, hash: string): Promise<void> {
  await frame.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

export async function readLesson(frame: Frame, module: CourseModuleJson, lesson: CourseModuleJson['lessons'][number]) {
  await go(frame, `#/course/${module.id}/${lesson.id}`);
  await expect(frame.locator('#page-title')).toHaveText(lesson.title.fr);
  await frame.locator('.course-pager .course-next').click();
  await expect(frame.locator('#page-title')).not.toHaveText(lesson.title.fr);
}

export async function doActivity(frame: Frame, module: CourseModuleJson) {
  await go(frame, `#/course/${module.id}/activity`);
  const form = frame.locator('.course-activity-form');
  await expect(form).toBeVisible();
  const activity = module.activity;
  if (activity.type === 'sorting') {
    for (const item of activity.items) await form.locator(`[id="${item.id}--${item.category}"]`).check();
  } else if (activity.type === 'matching') {
    for (const pair of activity.pairs) await form.locator(`[id="${pair.id}--select"]`).selectOption(pair.id);
  } else {
    const best = activity.options.find((o) => o.best);
    await form.locator(`[id="${best?.id}"]`).check();
  }
  await form.locator('button[type="submit"]').click();
  await expect(frame.locator('.course-result')).toBeVisible();
}

/** The ids of the questions on the sheet shown (each attempt draws its own from the bank). */
export async function sheetIds(frame: Frame): Promise<string[]> {
  await expect(frame.locator('fieldset.course-question').first()).toBeVisible();
  return frame.locator('fieldset.course-question').evaluateAll((sets) => sets.map((f) => f.id));
}

export async function passQuiz(frame: Frame, module: CourseModuleJson) {
  await go(frame, `#/course/${module.id}/quiz`);
  const form = frame.locator('.course-quiz-form');
  await expect(form).toBeVisible();
  for (const id of await sheetIds(frame)) {
    const question = module.quiz.questions.find((q) => q.id === id);
    for (const choice of question?.choices ?? []) if (choice.correct) await form.locator(`[id="${choice.id}"]`).check();
  }
  await form.locator('button[type="submit"]').click();
  await expect(frame.locator('.course-result.is-passed')).toBeVisible();
  // Continue: "module done", or "course complete" after the last module.
  await frame.locator('.course-result button.button').click();
  await expect(frame.locator('.course-milestone')).toBeVisible();
}

export async function completeModule(frame: Frame, module: CourseModuleJson, lessons = module.lessons) {
  for (const lesson of lessons) await readLesson(frame, module, lesson);
  await doActivity(frame, module);
  await passQuiz(frame, module);
}
