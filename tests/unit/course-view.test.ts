// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../../src/course/content.ts';
import { type CourseViewOptions, courseView, createCourseView, mountCourse } from '../../src/course/course-view.ts';
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
    const hashes = ['#/course', '#/course/progress', '#/course/certificate', '#/course/essentials'];
    for (const m of course.modules) {
      hashes.push(`#/course/${m.id}`, `#/course/${m.id}/activity`, `#/course/${m.id}/quiz`, `#/course/${m.id}/summary`);
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
    // Given as a function, so the message follows a change of language.
    const [message, kind] = notify.mock.calls[0] ?? [];
    expect(kind).toBe('info');
    expect(typeof message === 'function' ? message() : message).toContain("n'a pas pu être lue");
  });

  it('hides the answer key after a failed attempt, points to the lessons, draws a new sheet, shows the key after a pass', async () => {
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
    expect(main.querySelectorAll('fieldset')).toHaveLength(5);
    form?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(main.querySelector('.course-error-summary')).not.toBeNull();
    expect(document.activeElement).toBe(main.querySelector('.course-error-summary'));
    const firstSheet = answerShown(main, 'wrong');
    main.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    const result = main.querySelector('.course-result');
    expect(result?.textContent).toContain('0\u202f%');
    expect(document.activeElement).toBe(result);
    // No answer key: no choice is marked right, and the explanations are not shown.
    expect(main.querySelectorAll('.course-marker.is-correct')).toHaveLength(0);
    expect(main.querySelectorAll('.course-question-feedback')).toHaveLength(0);
    expect(main.querySelectorAll('.course-revisit a').length).toBeGreaterThan(0);
    for (const link of main.querySelectorAll('.course-revisit a')) {
      expect(link.getAttribute('href')).toMatch(new RegExp(`^#/course/${first.id}/${first.id}-`));
    }
    await changeLanguage('en');
    view.relocalize?.();
    expect(main.querySelector('.course-result h2')?.textContent).toBe('Your score: 0%');
    expect(main.textContent).toContain('Not passed yet: the pass mark is 80%');
    expect(main.textContent).toContain('The questions and their right answers are not shown until you pass');
    // Not a word of the questions asked: neither their prompts nor any choice.
    for (const id of firstSheet) {
      const question = first.quiz.questions.find((q) => q.id === id);
      expect(main.textContent).not.toContain(question?.prompt.en);
      for (const choice of question?.choices ?? []) expect(main.textContent).not.toContain(choice.text.en);
    }
    const retry = Array.from(main.querySelectorAll('button')).find((b) => b.textContent === 'New attempt');
    retry?.click();
    const secondSheet = Array.from(main.querySelectorAll('fieldset.course-question')).map((f) => f.id);
    expect(secondSheet).toHaveLength(5);
    expect(secondSheet.filter((id) => firstSheet.includes(id))).toEqual([]);
    answerShown(main, 'right');
    main.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(main.querySelector('.course-result h2')?.textContent).toBe('Your score: 100%');
    expect(main.querySelectorAll('.course-question-feedback')).toHaveLength(5);
    expect(main.querySelectorAll('.course-marker.is-correct').length).toBeGreaterThanOrEqual(5);
    await changeLanguage('fr');
    expect(saved).toEqual([`${first.id}/quiz`, `${first.id}/quiz`, `${first.id}/quiz`]);
  });

  it('links no lesson to a part the build lacks: the package has no self-assessment test', () => {
    const { ctx } = context();
    const base: ProgressBackend = { load: () => null, save: () => {}, report: () => {}, leave: () => {} };
    const hash = '#/course/designing-projects/designing-projects-test';
    const kit = mountCourseIn(ctx, base, hash);
    expect(kit.main.querySelectorAll('article a[href="#/test"]')).toHaveLength(1);
    const sco = mountCourseIn(ctx, base, hash, { parts: ['course', 'guide'] });
    expect(sco.main.querySelectorAll('article a[href="#/test"]')).toHaveLength(0);
    expect(sco.main.querySelector('.course-unlinked')?.textContent).toBe(
      'test d’autoévaluation (dans le kit complet, hors de ce module de formation)',
    );
    expect(sco.main.querySelectorAll('article a[href^="#/guide"]').length).toBeGreaterThan(0);
  });

  it('shows the essentials path with its own time and progress, and a module summary of key points', () => {
    const { ctx } = context();
    const progress = { ...emptyProgress(), lessonsDone: ['resilience-basics-what', 'sse-actors-who'] };
    const base: ProgressBackend = { load: () => progress, save: () => {}, report: () => {}, leave: () => {} };
    const { main } = mountCourseIn(ctx, base, '#/course/essentials');
    expect(main.querySelector('#page-title')?.textContent).toBe("L'essentiel en 20 minutes");
    expect(main.querySelector('.course-meta')?.textContent).toBe('Environ 18 min au total · reste 14 min');
    expect(main.querySelector('.course-progress-text')?.textContent).toBe('2 étapes sur 6 faites (33\u202f%)');
    expect(main.querySelectorAll('.course-essentials > li')).toHaveLength(6);
    const summary = mountCourseIn(ctx, base, '#/course/resilience-basics/summary');
    expect(summary.main.querySelector('#page-title')?.textContent).toBe(
      'Synthèse\u202f: Les bases de la résilience territoriale',
    );
    expect(summary.main.querySelectorAll('.course-summary-lesson')).toHaveLength(4);
    expect(summary.main.querySelector('.course-summary-lesson li')?.textContent).toBe(
      'La résilience, c’est anticiper, encaisser, se réorganiser et apprendre.',
    );
  });

  it('says "saved" after a passed quiz only when the save got there', () => {
    const { ctx } = context();
    const texts: string[] = [];
    for (const [where, ok] of [
      ['device', true],
      ['lms', true],
      ['lms', false],
      ['device', false],
    ] as const) {
      const backend: ProgressBackend = {
        where,
        lastSaveOk: () => ok,
        load: () => null,
        save: () => {},
        report: () => {},
        leave: () => {},
      };
      const { main } = mountCourseIn(ctx, backend, `#/course/${first.id}/quiz`);
      answerShown(main, 'right');
      main.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
      Array.from(main.querySelectorAll('button'))
        .find((b) => b.textContent === 'Continuer')
        ?.click();
      texts.push(main.querySelector('.course-milestone .lead + p')?.textContent ?? '');
    }
    expect(texts).toEqual([
      'Votre progression est enregistrée sur cet appareil.',
      'Votre progression est enregistrée sur la plateforme de formation.',
      "La plateforme de formation n'a pas enregistré votre progression. Gardez cette page ouverte\u202f: la formation réessaie à chaque étape. Si ce message revient, prévenez l'administrateur de la plateforme.",
      "Votre progression n'a pas pu être enregistrée sur cet appareil\u202f: le navigateur a refusé ou n'a plus de place. Gardez cette page ouverte\u202f; la formation réessaie à chaque étape.",
    ]);
  });

  it('says where progress goes: this device, the learning platform, or nowhere', async () => {
    const { ctx } = context();
    const base: ProgressBackend = { load: () => null, save: () => {}, report: () => {}, leave: () => {} };
    const texts: string[] = [];
    for (const where of ['device', 'lms', 'none'] as const) {
      const { main } = mountCourseIn(ctx, { ...base, where }, '#/course');
      texts.push(main.querySelector('#course-storage')?.textContent ?? '');
      // The pass mark is said once, in the rule, not baked into the intro.
      expect(main.querySelector('.lead')?.textContent).not.toMatch(/%/);
    }
    expect(texts).toEqual([
      'Votre progression reste sur cet appareil, dans ce navigateur.',
      'Votre progression est transmise à votre plateforme de formation.',
      "Votre progression n'est pas suivie\u202f: la plateforme de formation n'a pas démarré le suivi, et rien ne sera gardé à la fermeture de la page.",
    ]);
  });

  it('states the completion rule the deployer chose', () => {
    const { ctx } = context();
    const base: ProgressBackend = { load: () => null, save: () => {}, report: () => {}, leave: () => {} };
    const all = mountCourseIn(ctx, base, '#/course', { policy: { completion: 'all', maxAttempts: 3 } });
    expect(all.main.querySelector('#course-rule')?.textContent).toBe(
      'Pour obtenir votre attestation, lisez chaque leçon, faites chaque activité et réussissez le quiz de chaque module avec au moins 80\u202f%. Chaque quiz se tente 3 fois au plus.',
    );
    const quizzes = mountCourseIn(ctx, base, '#/course', { policy: { completion: 'quizzes', maxAttempts: null } });
    expect(quizzes.main.querySelector('#course-rule')?.textContent).toBe(
      'Pour obtenir votre attestation, réussissez le quiz de chaque module avec au moins 80\u202f%.',
    );
  });

  it('prefills the certificate with the LMS’s "Last, First" name as "First Last", and says where it is kept', () => {
    const { ctx } = context();
    const passed = Object.fromEntries(course.modules.map((m) => [m.id, { best: 100, attempts: 1, passed: true }]));
    const progress = { ...emptyProgress(), quizzes: passed, completedAt: '2025-06-01T09:00:00.000Z' };
    const backend: ProgressBackend = {
      where: 'lms',
      load: () => progress,
      save: () => {},
      report: () => {},
      leave: () => {},
      learnerName: () => 'Dupont, Marie',
    };
    const { main } = mountCourseIn(ctx, backend, '#/course/certificate');
    expect(main.querySelector<HTMLInputElement>('#course-learner-name')?.value).toBe('Marie Dupont');
    expect(main.querySelector('.course-certificate-name')?.textContent).toBe('Marie Dupont');
    expect(main.querySelector('#course-learner-name-hint')?.textContent).toBe(
      "Il est enregistré avec votre progression sur la plateforme de formation et apparaît sur l'attestation.",
    );
  });
});

/** Ticks, on the sheet shown, the right choices or one wrong choice per question; returns the question ids. */
function answerShown(main: HTMLElement, how: 'right' | 'wrong'): string[] {
  const ids = Array.from(main.querySelectorAll('fieldset.course-question')).map((f) => f.id);
  for (const id of ids) {
    const question = first.quiz.questions.find((q) => q.id === id);
    const picks =
      how === 'right' ? (question?.choices.filter((c) => c.correct) ?? []) : [question?.choices.find((c) => !c.correct)];
    for (const choice of picks) {
      const input = main.querySelector<HTMLInputElement>(`#${choice?.id}`);
      if (!input) throw new Error(`choice of ${id}`);
      input.checked = true;
      input.dispatchEvent(new Event('change'));
    }
  }
  return ids;
}

function mountCourseIn(
  ctx: AppContext,
  backend: ProgressBackend,
  hash: string,
  options: CourseViewOptions = {},
): { view: View; main: HTMLElement } {
  const main = document.createElement('main');
  document.body.replaceChildren(main);
  return { view: mountCourse(main, ctx, backend, parseHash(hash), options), main };
}
