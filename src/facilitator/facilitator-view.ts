/**
 * The facilitator's page (#/facilitator): a link that starts the game with facilitator controls, a print
 * button, a table of contents and the facilitation guide rendered from Markdown in the current language.
 * `#/facilitator/<section>` opens the page on that section.
 */
import { currentLanguage, t } from '../i18n/index.ts';
import { extractHeadings, renderMarkdown } from '../markdown/render.ts';
import type { Language } from '../storage/settings.ts';
import type { ViewFactory } from '../ui/app-context.ts';
import { clear, h } from '../ui/dom.ts';
import enGuide from './content/en/facilitation.md?raw';
import frGuide from './content/fr/facilitation.md?raw';
import './facilitator.css';

const GUIDES: Record<Language, string> = { fr: frGuide, en: enGuide };

export const FACILITATOR_GAME_HREF = '#/game?facilitator=1';

/** The guide without its own "# title" line: the page shows its translated h1 instead. */
function guideSource(): string {
  return GUIDES[currentLanguage()].replace(/^#\s[^\n]*\n+/, '');
}

function findById(scope: ParentNode, id: string): HTMLElement | null {
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>('[id]'))) if (el.id === id) return el;
  return null;
}

export const facilitatorView: ViewFactory = (ctx) => {
  let root: HTMLElement | null = null;
  let article: HTMLElement | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;

  /** Scrolls to a section and moves focus there, leaving the hash (the router's) alone. */
  function goTo(id: string): boolean {
    const target = article ? findById(article, id) : null;
    if (!target) return false;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ behavior: ctx.reducedMotion() ? 'auto' : 'smooth', block: 'start' });
    target.focus({ preventScroll: true });
    return true;
  }

  function onContentClick(event: Event) {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    const href = link?.getAttribute('href') ?? '';
    // In-page anchors ("#id") would replace the route: scroll instead. Routes ("#/...") go to the router.
    if (!link || href.startsWith('#/')) return;
    event.preventDefault();
    goTo(href.slice(1));
  }

  function draw(container: HTMLElement) {
    const source = guideSource();
    const sections = extractHeadings(source).filter((heading) => heading.level === 2);
    clear(container);
    article = h('article', { class: 'markdown facilitator-guide', onclick: onContentClick });
    article.append(renderMarkdown(source));
    container.append(
      h(
        'div',
        { class: 'facilitator-page' },
        h('h1', { id: 'page-title' }, t('facilitator:title')),
        h('p', { class: 'lead' }, t('facilitator:intro')),
        h(
          'div',
          { class: 'facilitator-actions' },
          h(
            'a',
            { class: 'button facilitator-start', href: FACILITATOR_GAME_HREF, 'aria-describedby': 'facilitator-start-hint' },
            t('facilitator:start'),
          ),
          h(
            'button',
            { type: 'button', class: 'button-quiet facilitator-print', onclick: () => window.print() },
            t('facilitator:print'),
          ),
          h('p', { class: 'facilitator-hint', id: 'facilitator-start-hint' }, t('facilitator:startHint')),
        ),
        h(
          'nav',
          { class: 'facilitator-toc', 'aria-label': t('facilitator:tocLabel') },
          h('h2', { class: 'facilitator-toc-title' }, t('facilitator:tocTitle')),
          h(
            'ol',
            {},
            ...sections.map((section) =>
              h(
                'li',
                {},
                h(
                  'a',
                  {
                    href: `#/facilitator/${section.id}`,
                    'data-section': section.id,
                    onclick: (event: Event) => {
                      event.preventDefault();
                      goTo(section.id);
                    },
                  },
                  section.text,
                ),
              ),
            ),
          ),
        ),
        article,
      ),
    );
  }

  return {
    title: () => `${t('facilitator:title')} · ${t('app.name')}`,
    render(container, route) {
      root = container;
      draw(container);
      const section = route.segments[1];
      // After the shell has moved focus to <main>, a deep link lands on its section.
      if (section) pending = setTimeout(() => goTo(section), 0);
    },
    relocalize() {
      if (!root) return;
      const active = document.activeElement;
      const focusedId = active instanceof HTMLElement && article?.contains(active) ? active.id : '';
      draw(root);
      if (focusedId) goTo(focusedId);
    },
    dispose() {
      clearTimeout(pending);
      root = null;
      article = null;
    },
  };
};
