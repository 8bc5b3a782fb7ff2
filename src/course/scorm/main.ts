/**
 * Entry of the SCORM 1.2 package: the course's UI (and the guide its lessons link to) with progress
 * kept by the LMS when one is found above this window, else in the browser's storage as in the kit.
 * On launch without a page in the address, the learner resumes where they left (lesson_location).
 */
import '../../ui/styles.css';
import { guideView } from '../../guide/guide-view.ts';
import { changeLanguage, initI18n, t } from '../../i18n/index.ts';
import { loadSettings, prefersReducedMotion, type Settings, saveSettings } from '../../storage/settings.ts';
import { browserStore, type StoreResult } from '../../storage/store.ts';
import type { AppContext, View, ViewFactory } from '../../ui/app-context.ts';
import { clear } from '../../ui/dom.ts';
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
  return {
    load() {
      loaded ??= { progress: backend.load() };
      return loaded.progress;
    },
    save: (progress) => backend.save(progress),
    report: (result) => backend.report(result),
    leave: (reason) => backend.leave(reason),
  };
}

async function start(root: HTMLElement): Promise<void> {
  const store = browserStore();
  let settings: Settings = loadSettings(store).settings;
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
    notify: (message, kind = 'error') => shell.notify(message, kind),
    announce: (message) => shell.announce(message),
    reportStore(result: StoreResult) {
      if (!result.ok) shell.notify(t(result.error === 'quota' ? 'errors.storageQuota' : 'errors.storageUnavailable'), 'error');
    },
    reducedMotion: () => prefersReducedMotion(settings, motionQuery.matches),
  };

  // The learner hears once that the LMS misbehaves; the details go to the console for whoever debugs.
  let lmsErrorShown = false;
  const onLmsError = (error: ScormError) => {
    console.warn(`SCORM ${error.call}${error.element ? ` ${error.element}` : ''}: ${error.code} ${error.message}`);
    if (lmsErrorShown) return;
    lmsErrorShown = true;
    shell.notify(t('errors.unexpected', { message: error.message }), 'error');
  };
  const course = loadCourse();
  const api = findScormApi(window);
  const session = api ? openScormSession(api, onLmsError) : null;
  // Only the kit's own storage keeps a copy of unreadable progress; the platform's is replaced.
  const unreadable = (where: 'lms' | 'local') =>
    ctx.notify(t(where === 'lms' ? 'course:errors.unreadableLms' : 'course:errors.unreadable'), 'info');
  const backend = loadOnce(
    session
      ? createScormBackend(session, {
          outline: course,
          onError: (error) =>
            error.kind === 'unreadable-suspend-data' ? unreadable('lms') : console.warn(`SCORM: ${error.kind}`),
        })
      : createLocalBackend(store, { onUnreadable: () => unreadable('local'), onWrite: (result) => ctx.reportStore(result) }),
  );
  const courseView = createCourseView(() => backend);
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
  shell.relocalize(settings.language);
  applyMotion();
  motionQuery.addEventListener('change', applyMotion);
  onRouteChange((next) => {
    route = next;
    void render(next, true);
  });
  await render(route, false);
  document.documentElement.dataset.ready = 'true';
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((error: unknown) => {
    root.removeAttribute('aria-busy');
    root.textContent = `Erreur / Error: ${error instanceof Error ? error.message : String(error)}`;
  });
}
