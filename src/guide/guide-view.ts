/**
 * The practical guide (#/guide): home, pages (#/guide/<chapter>[/<section>]) and search results
 * (#/guide/search?q=...). Content is the Markdown in ./content in the current language.
 */
import { currentLanguage, t } from '../i18n/index.ts';
import type { ViewFactory } from '../ui/app-context.ts';
import { clear, h } from '../ui/dom.ts';
import { parseHash, type Route } from '../ui/router.ts';
import { type ChapterPage, drawChapter } from './chapter-page.ts';
import { guidePage } from './content.ts';
import { drawHome } from './home-page.ts';
import { guideHref } from './links.ts';
import { drawSearch } from './search-page.ts';
import './guide.css';

export { renderGuideMarkdown } from './render.ts';

/** A translated "not found" page with a way back. */
function drawNotFound(container: HTMLElement, chapter: string, section: string | undefined): string {
  const language = currentLanguage();
  const page = section !== undefined ? guidePage(language, chapter) : undefined;
  const message = page
    ? t('guide:notFound.section', { chapter: page.title, id: section })
    : t('guide:notFound.chapter', { id: chapter });
  container.append(
    h(
      'div',
      { class: 'guide-page guide-not-found' },
      h('h1', { id: 'page-title' }, t('guide:notFound.title')),
      h('p', {}, message),
      h(
        'ul',
        {},
        page ? h('li', {}, h('a', { href: guideHref(page.id) }, t('guide:notFound.toChapter', { chapter: page.title }))) : null,
        h('li', {}, h('a', { href: '#/guide' }, t('guide:notFound.toGuide'))),
      ),
    ),
  );
  return `${t('guide:notFound.title')} · ${t('app.name')}`;
}

export const guideView: ViewFactory = (ctx) => {
  let root: HTMLElement | null = null;
  let route: Route | null = null;
  let chapter: ChapterPage | null = null;
  let title = `${t('nav.guide')} · ${t('app.name')}`;
  let drawToken = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;

  async function draw(container: HTMLElement, current: Route): Promise<void> {
    const token = ++drawToken;
    const language = currentLanguage();
    const [, first, second] = current.segments;
    chapter = null;
    if (first === undefined) {
      clear(container);
      title = drawHome(container, language);
    } else if (first === 'search' && second === undefined) {
      const box = h('div');
      const result = await drawSearch(box, language, current.query.get('q') ?? '');
      if (token !== drawToken) return; // a later draw won
      clear(container);
      container.append(...Array.from(box.childNodes));
      title = result.title;
      if (result.summary) ctx.announce(result.summary);
    } else {
      clear(container);
      const page = guidePage(language, first);
      if (page && current.segments.length <= 3) {
        chapter = drawChapter(container, page, language, () => ctx.reducedMotion());
        title = `${chapter.title} · ${t('app.name')}`;
        if (second !== undefined && !chapter.hasSection(second)) {
          // An unknown section still opens its chapter, with a notice, rather than a dead end.
          clear(container);
          chapter = drawChapter(container, page, language, () => ctx.reducedMotion(), second);
        }
      } else {
        title = drawNotFound(container, first, page ? (second ?? '') : undefined);
      }
    }
  }

  return {
    title: () => title,
    async render(container, next) {
      root = container;
      route = next;
      await draw(container, next);
      const section = next.segments[2];
      // After the shell has moved focus to <main>, a deep link lands on its section.
      if (chapter && section) {
        const page = chapter;
        pending = setTimeout(() => page.goTo(section), 0);
      }
    },
    relocalize() {
      if (!root || !route) return;
      const active = document.activeElement;
      const focusedId = chapter && active instanceof HTMLElement && root.contains(active) ? active.id : '';
      // The contents record the section read in the address (replaceState): the redraw goes back to it.
      const section = chapter ? parseHash(window.location.hash).segments[2] : undefined;
      const container = root;
      void draw(container, route).then(() => {
        // The shell set the title before this asynchronous redraw ended.
        document.title = title;
        if (focusedId && chapter?.goTo(focusedId)) return;
        if (section) chapter?.goTo(section, { focus: false });
      });
    },
    dispose() {
      clearTimeout(pending);
      drawToken++;
      root = null;
      route = null;
      chapter = null;
    },
  };
};
