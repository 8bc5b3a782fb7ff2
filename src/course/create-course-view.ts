/**
 * The course's UI over any ProgressBackend. `createCourseView(makeBackend)` gives the kit's ViewFactory for
 * #/course/...; the same UI runs in an LMS with a SCORM backend. One session (backend + course actor) is
 * kept per page load, across the views the router creates at each navigation; each view renders the page
 * of its route and redraws when the actor's state changes what the page shows.
 */
import { type Actor, createActor } from 'xstate';
import { t } from '../i18n/index.ts';
import { type CourseEvent, type CourseMachine, createCourseMachine, pageModule } from '../machines/course.ts';
import type { AppContext, View, ViewFactory } from '../ui/app-context.ts';
import { clear, h } from '../ui/dom.ts';
import type { Route } from '../ui/router.ts';
import { findLesson, loadCourse } from './content.ts';
import { pageFromSegments } from './logic.ts';
import { activityPage } from './pages/activity-page.ts';
import { certificatePage } from './pages/certificate-page.ts';
import { essentialsPage } from './pages/essentials-page.ts';
import { lessonPage } from './pages/lesson-page.ts';
import { completePage, moduleDonePage } from './pages/milestone-pages.ts';
import { modulePage } from './pages/module-page.ts';
import { overviewPage } from './pages/overview.ts';
import type { PageArgs, RenderedPage } from './pages/page.ts';
import { progressPage } from './pages/progress-page.ts';
import { quizPage } from './pages/quiz-page.ts';
import { summaryPage } from './pages/summary-page.ts';
import { buildPolicy, type CoursePolicy } from './policy.ts';
import type { ProgressBackend } from './progress.ts';
import type { Course } from './schema.ts';
import './course.css';
import './course-practice.css';

export interface BackendHooks {
  /** The saved progress could not be read: the course starts afresh and tells the learner (translated). */
  unreadable(): void;
}

/** Makes the backend once per page load. The kit passes ctx.store; an LMS backend may ignore ctx. */
export type BackendFactory = (ctx: AppContext, hooks: BackendHooks) => ProgressBackend;

export interface CourseViewOptions {
  /** The deployer's rules; the build's (VITE_COURSE_*) by default. */
  policy?: CoursePolicy;
  /** The kit's parts this build holds; every part of the kit by default. */
  parts?: readonly string[];
}

/** The kit's parts, as the router names them. */
const KIT_PARTS = ['game', 'course', 'test', 'guide', 'facilitator'] as const;

interface Session {
  course: Course;
  backend: ProgressBackend;
  actor: Actor<CourseMachine>;
  policy: CoursePolicy;
  parts: readonly string[];
}

/** Events after which the page shows something else (answers and the name change nothing else on screen). */
const REDRAWN = new Set<CourseEvent['type']>(['CHECK', 'SUBMIT', 'RETRY', 'CONTINUE']);

function startSession(ctx: AppContext, makeBackend: BackendFactory, options: CourseViewOptions): Session {
  const course = loadCourse();
  const policy = options.policy ?? buildPolicy();
  const backend = makeBackend(ctx, { unreadable: () => ctx.notify(() => t('course:errors.unreadable'), 'info') });
  const machine = createCourseMachine(course, backend, { policy });
  const actor = createActor(machine, { input: { progress: backend.load(), page: { kind: 'overview' } } }).start();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') backend.leave('hidden');
  });
  window.addEventListener('pagehide', () => backend.leave('unload'));
  return { course, backend, actor, policy, parts: options.parts ?? KIT_PARTS };
}

function notFoundPage(path: string): RenderedPage {
  const title = t('course:notFound.title');
  const node = h(
    'div',
    { class: 'course-page' },
    h('h1', { id: 'page-title', tabindex: -1 }, title),
    h('p', {}, t('course:notFound.text', { path })),
    h('p', {}, h('a', { href: '#/course' }, t('course:notFound.back'))),
  );
  return { title, node };
}

function renderPage(args: PageArgs): RenderedPage {
  const { course, snapshot } = args;
  const page = snapshot.context.page;
  const module = pageModule(course, page);
  if (snapshot.matches('moduleDone') && module) return moduleDonePage(args, module);
  if (snapshot.matches('complete')) return completePage(args);
  switch (page.kind) {
    case 'overview':
      return overviewPage(args);
    case 'progress':
      return progressPage(args);
    case 'certificate':
      return certificatePage(args);
    case 'essentials':
      return essentialsPage(args);
    default:
      break;
  }
  if (!module) return notFoundPage(page.kind);
  if (page.kind === 'lesson') {
    const lesson = findLesson(module, page.lesson);
    return lesson ? lessonPage(args, module, lesson) : notFoundPage(page.lesson);
  }
  if (page.kind === 'activity') return activityPage(args, module);
  if (page.kind === 'quiz') return quizPage(args, module);
  if (page.kind === 'summary') return summaryPage(args, module);
  return modulePage(args, module);
}

function courseViewFor(ctx: AppContext, session: Session): View {
  let container: HTMLElement | null = null;
  let pageTitle = t('course:title');
  /** The route's path when it names no course page. */
  let unknownPath: string | null = null;
  const title = () => (pageTitle === t('course:title') ? pageTitle : `${pageTitle} · ${t('course:title')}`);

  function send(event: CourseEvent) {
    session.actor.send(event);
    if (REDRAWN.has(event.type)) draw('auto');
  }

  /** Redraws the page; 'auto' moves focus to what changed, 'keep' puts it back on the same control. */
  function draw(focus: 'none' | 'auto' | 'keep') {
    if (!container) return;
    const active = document.activeElement;
    const activeId = focus === 'keep' && active instanceof HTMLElement && container.contains(active) ? active.id : '';
    const snapshot = session.actor.getSnapshot();
    const rendered =
      unknownPath === null
        ? renderPage({
            course: session.course,
            snapshot,
            send,
            ctx,
            policy: session.policy,
            backend: session.backend,
            parts: session.parts,
          })
        : notFoundPage(unknownPath);
    clear(container);
    container.append(rendered.node);
    pageTitle = rendered.title;
    document.title = `${title()} · ${t('app.name')}`;
    if (focus === 'auto') {
      const target =
        container.querySelector<HTMLElement>('[data-autofocus]') ?? container.querySelector<HTMLElement>('#page-title');
      target?.focus();
      // The change in a word for screen readers: a result's heading, or the new page's title.
      const said = target?.querySelector('h2') ?? container.querySelector('#page-title');
      if (said?.textContent) ctx.announce(said.textContent);
    }
    if (activeId) document.getElementById(activeId)?.focus();
  }

  return {
    title: () => `${title()} · ${t('app.name')}`,
    render(target: HTMLElement, route: Route) {
      container = target;
      const page = pageFromSegments(session.course, route.segments.slice(1));
      unknownPath = page ? null : route.path;
      if (page) session.actor.send({ type: 'NAVIGATE', page });
      draw('none');
    },
    relocalize() {
      draw('keep');
    },
    dispose() {
      container = null;
    },
  };
}

export function createCourseView(makeBackend: BackendFactory, options: CourseViewOptions = {}): ViewFactory {
  let session: Session | null = null;
  return (ctx) => {
    session ??= startSession(ctx, makeBackend, options);
    return courseViewFor(ctx, session);
  };
}

/**
 * Mounts the course in a container without the kit's router: renders `route` (e.g. parseHash('#/course'))
 * and returns the view, whose render(container, route) shows another page and relocalize() redraws it.
 */
export function mountCourse(
  container: HTMLElement,
  ctx: AppContext,
  backend: ProgressBackend | BackendFactory,
  route: Route,
  options: CourseViewOptions = {},
): View {
  const view = createCourseView(typeof backend === 'function' ? backend : () => backend, options)(ctx);
  void view.render(container, route);
  return view;
}
