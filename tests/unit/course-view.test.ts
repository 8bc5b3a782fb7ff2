// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../../src/course/content.ts';
import { courseView, createCourseView, mountCourse } from '../../src/course/course-view.ts';
import { createLocalBackend, PROGRESS_KEY } from '../../src/course/local-backend.ts';
import { emptyProgress, type ProgressBackend } from '../../src/course/progress.ts';
import type { CourseModule } from '../../src/course/schema.ts';
import { changeLanguage, initI18n } from '../../src/i18n/index.ts';
import { DEFAULT_SETTINGS } from '../../src/storage/settings.ts';
import { type KeyValueStore, memoryStore } from '../../src/storage/store.ts';
import type { AppContext, View } from '../../src/ui/app-context.ts';
import { parseHash } from '../../src/ui/router.ts';

const course = loadCourse();
const first = course.modules[0] as CourseModule;

function context(store: KeyValueStore = memoryStore()) {
  const notify = vi.fn();
  const reportStore = vi.fn();
  const ctx: AppContext = {
    store,
    settings: () => DEFAULT_SETTINGS,
    updateSettings: () => {},
    notify,
    announce: () => {},
    reportStore,
    reducedMotion: () => true,
  };
  return { ctx, notify, reportStore };
}

/** Renders a route the way the router does: a new view from the factory for each navigation. */
function open(factory: (ctx: AppContext) => View, ctx: AppContext, hash: string): { view: View; main: HTMLElement } {
  const main = document.createElement('main');
  document.body.replaceChildren(main);
  const view = factory(ctx);
  void view.render(main, parseHash(hash));
  return { view, main };
}

beforeAll(async () => {
  await initI18n('fr');
});

describe('course view', () => {
  it('renders every page of the course with one h1 and no missing translation', async () => {
    const { ctx } = context();
    const factory = createCourseView((c) => createLocalBackend(c.store));
    const hashes = ['#/course', '#/course/progress', '#/course/certificate'];
    for (const m of course.modules) {
      hashes.push(`#/course/${m.id}`, `#/course/${m.id}/activity`, `#/course/${m.id}/quiz`);
      for (const l of m.lessons) hashes.push(`#/course/${m.id}/${l.id}`);
    }
    for (const language of ['fr', 'en'] as const) {
      await changeLanguage(language);
      for (const hash of hashes) {
        const { view, main } = open(factory, ctx, hash);
        expect(main.querySelectorAll('h1'), hash).toHaveLength(1);
        expect(main.textContent, hash).not.toMatch(/course:|\{\{/);
        expect(view.title()).not.toMatch(/course:/);
      }
    }
    await changeLanguage('fr');
  });

  it('shows a not-found page for an unknown course address', () => {
    const { ctx } = context();
    const { main } = open(courseView, ctx, '#/course/nowhere');
    expect(main.querySelector('h1')?.textContent).toBe('Page introuvable dans la formation');
  });

  it('offers Resume to the stored location, and Start on a first visit', () => {
    const store = memoryStore();
    const { ctx } = context(store);
    const lesson = first.lessons[2]?.id ?? '';
    expect(
      open(
        createCourseView((c) => createLocalBackend(c.store)),
        ctx,
        '#/course',
      ).main.querySelector('#course-start'),
    ).not.toBeNull();
    store.set(PROGRESS_KEY, JSON.stringify({ ...emptyProgress(), location: `${first.id}/${lesson}` }));
    const { main } = open(
      createCourseView((c) => createLocalBackend(c.store)),
      ctx,
      '#/course',
    );
    expect(main.querySelector('#course-resume')?.getAttribute('href')).toBe(`#/course/${first.id}/${lesson}`);
  });

  it('tells the learner when stored progress is unreadable', () => {
    const store = memoryStore();
    store.set(PROGRESS_KEY, '{broken');
    const { ctx, notify } = context(store);
    const factory = createCourseView((c, hooks) => createLocalBackend(c.store, { onUnreadable: hooks.unreadable }));
    open(factory, ctx, '#/course');
    expect(notify).toHaveBeenCalledWith(expect.stringContaining('n’a pas pu être lue'.replace('’', "'")), 'info');
  });

  it('submits a quiz: feedback on every choice, score, pass mark, Retry; and redraws it in English', async () => {
    const saved: string[] = [];
    const backend: ProgressBackend = {
      load: () => null,
      save: (p) => saved.push(p.location),
      report: () => {},
      leave: () => {},
    };
    const { ctx } = context();
    const { view, main } = mountCourseIn(ctx, backend, `#/course/${first.id}/quiz`);
    const form = main.querySelector('form');
    expect(main.querySelectorAll('fieldset')).toHaveLength(6);
    form?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(main.querySelector('.course-error-summary')).not.toBeNull();
    expect(document.activeElement).toBe(main.querySelector('.course-error-summary'));
    for (const q of first.quiz.questions) {
      const choice = q.choices.find((c) => !c.correct) ?? q.choices[0];
      const input = main.querySelector<HTMLInputElement>(`#${choice?.id}`);
      if (!input) throw new Error('choice');
      input.checked = true;
      input.dispatchEvent(new Event('change'));
    }
    main.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    const result = main.querySelector('.course-result');
    expect(result?.textContent).toContain('0 %');
    expect(document.activeElement).toBe(result);
    const choices = first.quiz.questions.reduce((n, q) => n + q.choices.length, 0);
    expect(main.querySelectorAll('.course-question-feedback .course-feedback > li')).toHaveLength(choices);
    await changeLanguage('en');
    view.relocalize?.();
    expect(main.querySelector('.course-result h2')?.textContent).toBe('Your score: 0 %');
    expect(main.textContent).toContain('Not passed yet: the pass mark is 80 %');
    const retry = Array.from(main.querySelectorAll('button')).find((b) => b.textContent === 'Try again');
    retry?.click();
    expect(main.querySelectorAll('fieldset')).toHaveLength(6);
    await changeLanguage('fr');
    expect(saved).toEqual([`${first.id}/quiz`, `${first.id}/quiz`]);
  });
});

function mountCourseIn(ctx: AppContext, backend: ProgressBackend, hash: string): { view: View; main: HTMLElement } {
  const main = document.createElement('main');
  document.body.replaceChildren(main);
  return { view: mountCourse(main, ctx, backend, parseHash(hash)), main };
}
