/** Composition root: i18n -> settings -> storage -> router -> views. */
import './ui/styles.css';
import { loadMapCode } from './game/map/map-code.ts';
import { MAP_ROUTE } from './game/map/map-route.ts';
import { changeLanguage, initI18n, t } from './i18n/index.ts';
import { loadSettings, prefersReducedMotion, type Settings, saveSettings } from './storage/settings.ts';
import { browserStore, type StoreResult } from './storage/store.ts';
import type { AppContext, View, ViewFactory } from './ui/app-context.ts';
import { clear } from './ui/dom.ts';
import { startServiceWorker } from './ui/offline/service-worker.ts';
import { createUpdatePrompt } from './ui/offline/update-prompt.ts';
import { onRouteChange, parseHash, type Route } from './ui/router.ts';
import { loadView } from './ui/routes.ts';
import { createShell } from './ui/shell.ts';

// A game route needs Phaser, the largest chunk: start loading it before anything else runs.
const mapCode = MAP_ROUTE.test(window.location.hash) ? loadMapCode() : null;

async function start(root: HTMLElement): Promise<void> {
  let route: Route = parseHash(window.location.hash);
  const opened = route;
  // A navigation while the page is still loading is kept: the first render shows the latest route.
  let shown = false;
  onRouteChange((next) => {
    route = next;
    if (shown) void render(next, true);
  });
  // The first view's code loads while i18n starts; the shell waits for it, so that the page is
  // laid out and painted once, shell and view together, not the shell alone first. On a game
  // route it waits for the map's code too: the map then starts in that same task, and its
  // WebGL set-up does not queue behind the GPU's work on the page's first frame.
  const firstView = Promise.all([loadView(opened.segments[0], opened.segments[1]), mapCode]).then(
    ([factory]) => factory,
    () => undefined,
  );
  const store = browserStore();
  const loaded = loadSettings(store);
  let settings: Settings = loaded.settings;
  // The words every page needs; each part loads its own with its code (src/ui/routes.ts).
  await initI18n(settings.language, []);
  const firstFactory = await firstView;
  const motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');

  let view: View | null = null;
  let renderToken = 0;

  const applyMotion = () => {
    document.documentElement.classList.toggle('reduce-motion', prefersReducedMotion(settings, motionQuery.matches));
  };

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

  const shell = createShell(root, {
    settings: () => settings,
    onLanguage: async (language) => {
      if (language === settings.language) return;
      // The page is redrawn in the new language where the user was: same scroll, same focus.
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const scroll = { left: window.scrollX, top: window.scrollY };
      ctx.updateSettings({ language });
      await changeLanguage(language);
      shell.relocalize(route.segments[0]);
      if (view?.relocalize) view.relocalize();
      else await render(route, false);
      document.title = view?.title() ?? t('app.name');
      updatePrompt.relocalize();
      window.scrollTo(scroll);
      if (focused?.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
      shell.announce(t('language.changed'));
    },
    onSettings: (change) => {
      ctx.updateSettings(change);
      shell.announce(t('settings.saved'));
    },
  });

  const updatePrompt = createUpdatePrompt(shell.updateSlot, (message) => shell.status(message));
  startServiceWorker({
    onReady(first) {
      if (document.documentElement.dataset.offlineReady === 'true') return;
      document.documentElement.dataset.offlineReady = 'true';
      if (first) shell.status(t('offline:ready'));
    },
    onUpdate: (apply) => updatePrompt.show(apply),
  });

  /** Shows `next`; `ready` is its view's code when the caller already holds it (no second await, no frame in between). */
  async function render(next: Route, moveFocus: boolean, ready?: ViewFactory) {
    const token = ++renderToken;
    const factory = ready ?? (await loadView(next.segments[0], next.segments[1]));
    if (token !== renderToken) return; // a later navigation won
    view?.dispose?.();
    clear(shell.main);
    view = factory(ctx);
    shell.setActive(next.segments[0]);
    await view.render(shell.main, next);
    document.title = view.title();
    if (moveFocus) shell.main.focus({ preventScroll: false });
  }

  shell.relocalize(route.segments[0]);
  applyMotion();
  motionQuery.addEventListener('change', applyMotion);
  if (loaded.recovered) shell.notify(() => t('errors.settingsRecovered'), 'info');
  if (!store.persistent) shell.notify(() => t('errors.storageUnavailable'), 'info');
  shown = true;
  // The code already loaded serves if the route still shows the same part.
  await render(route, false, route.segments[0] === opened.segments[0] ? firstFactory : undefined);
  document.documentElement.dataset.ready = 'true';
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((error: unknown) => {
    root.removeAttribute('aria-busy');
    root.textContent = `Erreur / Error: ${error instanceof Error ? error.message : String(error)}`;
  });
}
