/**
 * #/test routes: the home (#/test), one page per dimension
 * (#/test/questions/<dimension>), the review (#/test/review) and the results
 * (#/test/results[/<attempt-id>][?compare=<id>]). The URL follows the
 * assessment machine, and the machine follows a URL typed or reloaded, so
 * every page is a deep link and a reload resumes on the same page.
 */
import { t } from '../i18n/index.ts';
import type { ViewFactory } from '../ui/app-context.ts';
import type { Route } from '../ui/router.ts';
import { assessment } from './content.ts';
import { AssessmentController, type AssessmentSnapshot } from './controller.ts';
import { renderGroup } from './group-page.ts';
import { renderIntro } from './intro-page.ts';
import type { TestPage, TestPageDeps } from './page.ts';
import { startNewAttempt } from './page.ts';
import { renderQuestions } from './question-page.ts';
import { renderResults } from './results-page.ts';
import { renderReview } from './review-page.ts';
import { loadProgress } from './storage.ts';
import './test.css';

/** Where the machine is: its state and page. */
function placeOf(snapshot: AssessmentSnapshot): string {
  return `${snapshot.state}|${snapshot.context.page}`;
}

function currentHref(): string {
  return location.hash.split('?')[0] ?? '';
}

export const testView: ViewFactory = (ctx) => {
  const content = assessment();
  let controller: AssessmentController | null = null;
  let unsubscribe: (() => void) | null = null;
  let page: TestPage | null = null;
  let container: HTMLElement | null = null;
  let route: Route | null = null;
  /** Set while the view brings the machine to the page of the URL: the URL must not follow then. */
  let syncing = false;

  const go = (href: string) => {
    if (location.hash !== href) location.hash = href;
  };
  /** Replaces a route that cannot be shown as such (no new history entry). */
  const redirect = (href: string): TestPage => {
    location.replace(href);
    return { title: t('test:title') };
  };

  const open = (): AssessmentController => {
    const loaded = loadProgress(ctx.store, content);
    if (loaded.corrupt) ctx.notify(() => t('test:errors.corruptProgress'), 'info');
    const c = new AssessmentController(content, ctx.store, (result) => ctx.reportStore(result), loaded.progress);
    let place = placeOf(c.snapshot());
    unsubscribe = c.subscribe((snapshot) => {
      const moved = placeOf(snapshot) !== place;
      place = placeOf(snapshot);
      if (syncing) return;
      // The machine moved to another page: the route follows (and redraws); otherwise the page refreshes itself.
      // The intro never pulls the route: RESTART is always followed by START, or happens on the intro itself.
      // A change that leaves the machine where it was (who answers, changed from the home) pulls nothing either.
      const href = c.href();
      if (moved && snapshot.state !== 'intro' && href.split('?')[0] !== currentHref()) go(href);
      else page?.update?.(snapshot);
    });
    return c;
  };

  const draw = async (target: HTMLElement, next: Route): Promise<TestPage> => {
    controller ??= open();
    const c = controller;
    const refresh = (message?: string) => {
      if (container && route)
        void show(container, route).then(() => {
          document.title = page?.title ?? t('test:title');
          if (message) ctx.announce(message);
        });
    };
    const deps: TestPageDeps = { ctx, content, controller: c, go, refresh };
    const [, sub, arg] = next.segments;
    const state = c.snapshot().state;
    switch (sub) {
      case undefined:
        return renderIntro(target, deps);
      case 'questions': {
        const index = c.pages.findIndex((p) => p.dimension === arg);
        if (state === 'results') return redirect(c.href());
        if (index < 0) return redirect(state === 'intro' ? '#/test' : c.href());
        syncing = true;
        // A deep link to a page of the test starts an attempt if none is under way, once someone has chosen who
        // they answer for; otherwise the home asks for the choice.
        if (state === 'intro' && !startNewAttempt(c)) {
          syncing = false;
          return redirect('#/test');
        }
        if (c.snapshot().state !== 'questions' || c.snapshot().context.page !== index)
          c.send({ type: 'GOTO_DIMENSION', dimension: arg as string });
        syncing = false;
        return renderQuestions(target, deps, index);
      }
      case 'review':
        if (state !== 'review') return redirect(c.href());
        return renderReview(target, deps);
      case 'results':
        return renderResults(target, deps, arg, next.query.get('compare'));
      case 'group':
        return renderGroup(target, deps, next.query.get('ids'));
      default:
        return redirect('#/test');
    }
  };

  const show = async (target: HTMLElement, next: Route) => {
    target.replaceChildren();
    page = null;
    page = await draw(target, next);
  };

  return {
    title: () => page?.title ?? t('test:title'),
    async render(target, next) {
      container = target;
      route = next;
      await show(target, next);
    },
    relocalize() {
      if (container && route) void show(container, route).then(() => (document.title = page?.title ?? t('test:title')));
    },
    dispose() {
      unsubscribe?.();
      controller?.dispose();
      controller = null;
      page = null;
    },
  };
};
