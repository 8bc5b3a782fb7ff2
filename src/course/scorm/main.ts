/**
 * Entry of the SCORM 1.2 package: the course's UI (and the guide its lessons link to) with progress
 * kept by the LMS when one is found above this window, else in the browser's storage as in the kit.
 * On launch without a page in the address, the learner resumes where they left (lesson_location).
 */
import '../../ui/styles.css';
import { guideView } from '../../guide/guide-view.ts';
import { changeLanguage, initI18n, t } from '../../i18n/index.ts';
import {
  LANGUAGES,
  type Language,
  loadSettings,
  prefersReducedMotion,
  type Settings,
  saveSettings,
} from '../../storage/settings.ts';
import { browserStore, type StoreResult } from '../../storage/store.ts';
import type { AppContext, View, ViewFactory } from '../../ui/app-context.ts';
import { clear, h } from '../../ui/dom.ts';
import { onRouteChange, parseHash, type Route } from '../../ui/router.ts';
import { loadCourse } from '../content.ts';
import { createCourseView } from '../create-course-view.ts';
import { createLocalBackend } from '../local-backend.ts';
import { pageFromLocation, pageHref } from '../logic.ts';
import type { CourseProgress, ProgressBackend } from '../progress.ts';
import { findScormApi, openScormSession, type ScormError } from './api.ts';
import { createScormBackend } from './backend.ts';
import { createScoShell, SCO_PARTS } from './shell.ts';

/** The course view and the main script both ask for the saved progress: read (and report) it once. */
function loadOnce(backend: ProgressBackend): ProgressBackend {
  let loaded: { progress: CourseProgress | null } | null = null;
  // The same backend otherwise: where it keeps progress, its last save, the LMS's name, its attempt journal.
  return {
    ...backend,
    load() {
      loaded ??= { progress: backend.load() };
      return loaded.progress;
    },
  };
}

/** The language the LMS prefers for the learner ("fr", "fr-FR", "en-GB"...), when it is one the kit has. */
export function lmsLanguage(preference: string): Language | null {
  const code = preference.trim().toLowerCase().slice(0, 2);
  return LANGUAGES.find((l) => l === code) ?? null;
}

/** The translated message for an LMS error the learner should hear of; null for those only a developer needs. */
function lmsErrorMessage(error: ScormError): string | null {
  if (error.call === 'LMSCommit') return 'course:lms.commitRefused';
  if (error.call === 'LMSSetValue') return 'course:lms.valueRefused';
  return null;
}

/** Progress kept nowhere: the LMS refused to start tracking and the learner chose to go on without it. */
function untrackedBackend(): ProgressBackend {
  return { where: 'none', load: () => null, save() {}, report() {}, leave() {} };
}

/** The LMS refused LMSInitialize: say so, and let the learner choose to go on without tracking. */
function initFailedPanel(main: HTMLElement, onContinue: () => void): void {
  clear(main);
  const title = h('h1', { id: 'page-title', tabindex: -1 }, t('course:lms.initFailed.title'));
  const go = h('button', { type: 'button', class: 'button', id: 'course-untracked' }, t('course:lms.initFailed.continue'));
  const retry = h('button', { type: 'button', class: 'button-quiet' }, t('course:lms.initFailed.retry'));
  go.addEventListener('click', onContinue);
  retry.addEventListener('click', () => window.location.reload());
  main.append(
    h(
      'div',
      { class: 'course-page course-lms-failed' },
      title,
      h('p', { class: 'lead' }, t('course:lms.initFailed.text')),
      h('p', {}, t('course:lms.initFailed.advice')),
      h('p', { class: 'course-actions' }, go, retry),
    ),
  );
  document.title = `${t('course:lms.initFailed.title')} · ${t('app.name')}`;
  title.focus();
}

async function start(root: HTMLElement): Promise<void> {
  const store = browserStore();
  let settings: Settings = loadSettings(store).settings;
  const course = loadCourse();

  // The LMS first: its errors wait for the shell, and its language preference picks the first language.
  const lmsErrors: ScormError[] = [];
  let onLmsError: (error: ScormError) => void = (error) => {
    lmsErrors.push(error);
  };
  const api = findScormApi(window);
  const session = api ? openScormSession(api, (error) => onLmsError(error)) : null;
  const choiceOrder = (question: string) =>
    course.modules
      .flatMap((m) => m.quiz.questions)
      .find((q) => q.id === question)
      ?.choices.map((c) => c.id) ?? [];
  // Only the kit's own storage keeps a copy of unreadable progress; the platform's is replaced.
  let notifyUnreadable: (where: 'lms' | 'local') => void = () => {};
  const scorm = session
    ? createScormBackend(session, {
        outline: course,
        choices: choiceOrder,
        onError: (error) =>
          error.kind === 'unreadable-suspend-data' ? notifyUnreadable('lms') : console.warn(`SCORM: ${error.kind}`),
      })
    : null;
  const preferred = scorm ? lmsLanguage(scorm.preferredLanguage()) : null;
  if (preferred) settings = { ...settings, language: preferred };

  await initI18n(settings.language);
  const motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
  const applyMotion = () => {
    document.documentElement.classList.toggle('reduce-motion', prefersReducedMotion(settings, motionQuery.matches));
  };

  let view: View | null = null;
  let route: Route = parseHash(window.location.hash);

  const shell = createScoShell(root, async (language) => {
    if (language === settings.language) return;
    ctx.updateSettings({ language });
    await changeLanguage(language);
    shell.relocalize(language);
    view?.relocalize?.();
    if (view) document.title = view.title();
    shell.announce(t('language.changed'));
  });

  const ctx: AppContext = {
    store,
    settings: () => settings,
    updateSettings(change) {
      settings = { ...settings, ...change };
      ctx.reportStore(saveSettings(store, settings));
      applyMotion();
    },
    notify: (message, kind = 'error', topic) => shell.notify(message, kind, topic),
    announce: (message) => shell.announce(message),
    reportStore(result: StoreResult) {
      if (!result.ok)
        shell.notify(() => t(result.error === 'quota' ? 'errors.storageQuota' : 'errors.storageUnavailable'), 'error');
    },
    reducedMotion: () => prefersReducedMotion(settings, motionQuery.matches),
  };

  // Each kind of LMS refusal is told once, in the learner's language; the details go to the console.
  const told = new Set<string>();
  onLmsError = (error: ScormError) => {
    console.warn(`SCORM ${error.call}${error.element ? ` ${error.element}` : ''}: ${error.code} ${error.message}`);
    const key = lmsErrorMessage(error);
    if (!key || told.has(key)) return;
    told.add(key);
    shell.notify(() => t(key), 'error');
  };
  notifyUnreadable = (where) =>
    ctx.notify(() => t(where === 'lms' ? 'course:errors.unreadableLms' : 'course:errors.unreadable'), 'info');
  for (const error of lmsErrors.splice(0)) onLmsError(error);

  shell.relocalize(settings.language);
  applyMotion();
  motionQuery.addEventListener('change', applyMotion);

  const startCourse = async (tracked: ProgressBackend) => {
    const backend = loadOnce(tracked);
    const courseView = createCourseView(() => backend, { parts: SCO_PARTS });
    const views: Record<(typeof SCO_PARTS)[number], ViewFactory> = { course: courseView, guide: guideView };

    /** Only the package's parts have routes; anything else (the kit's home, the game) leads to the course. */
    const isScoPart = (part: string | undefined): part is (typeof SCO_PARTS)[number] => SCO_PARTS.some((p) => p === part);

    async function render(next: Route, moveFocus: boolean) {
      const part = next.segments[0];
      if (!isScoPart(part)) {
        window.history.replaceState(null, '', '#/course');
        route = parseHash('#/course');
        return render(route, moveFocus);
      }
      view?.dispose?.();
      clear(shell.main);
      view = views[part](ctx);
      shell.setActive(part);
      await view.render(shell.main, next);
      document.title = view.title();
      if (moveFocus) shell.main.focus({ preventScroll: false });
    }

    if (!isScoPart(route.segments[0])) {
      const resume = pageFromLocation(course, backend.load()?.location ?? '');
      const hash = resume ? pageHref(resume) : '#/course';
      window.history.replaceState(null, '', hash);
      route = parseHash(hash);
    }
    if (tracked.where === 'review') shell.notify(() => t('course:storage.review'), 'info');
    if (scorm?.mode() === 'browse') shell.notify(() => t('course:lms.browse'), 'info');
    onRouteChange((next) => {
      route = next;
      void render(next, true);
    });
    await render(route, false);
  };

  if (api && !session) {
    // The LMS is there but refused to start: no quiet fallback to the browser, the learner decides.
    initFailedPanel(shell.main, () => {
      void startCourse(untrackedBackend()).then(() => {
        shell.notify(() => t('course:storage.none'), 'info');
        shell.main.focus();
      });
    });
  } else {
    await startCourse(
      scorm ??
        createLocalBackend(store, {
          onUnreadable: () => notifyUnreadable('local'),
          onWrite: (result) => ctx.reportStore(result),
        }),
    );
  }
  document.documentElement.dataset.ready = 'true';
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((error: unknown) => {
    root.removeAttribute('aria-busy');
    root.textContent = `Erreur / Error: ${error instanceof Error ? error.message : String(error)}`;
  });
}
