/**
 * A guide page (#/guide/<chapter>[/<section>]): breadcrumb, title, print button, table of contents,
 * the Markdown with glossary terms linked, previous and next pages.
 *
 * Links to a section of the page itself (the contents, glossary terms in the glossary) do not go through
 * the router, which would redraw the page: the view scrolls to the heading, focuses it and records the
 * section in the address with history.replaceState, which fires no hashchange. Other links are routes.
 */
import { t } from '../i18n/index.ts';
import { extractHeadings } from '../markdown/render.ts';
import type { Language } from '../storage/settings.ts';
import { h } from '../ui/dom.ts';
import { type GuidePage, neighbours } from './chapters.ts';
import { GLOSSARY_ID, guideGlossary, guidePages } from './content.ts';
import { guideHref } from './links.ts';
import { renderGuideMarkdown } from './render.ts';
import { searchForm } from './search-form.ts';
import { shownQuery } from './search-page.ts';

export interface ChapterPage {
  title: string;
  /**
   * Scrolls to a section's heading and focuses it (unless `focus` is false); false if the page has no such
   * section. `updateAddress` records the section in the address bar.
   */
  goTo(sectionId: string, options?: { updateAddress?: boolean; focus?: boolean }): boolean;
  hasSection(sectionId: string): boolean;
}

/** A "#" link after each section heading, to copy or share the section's address. */
function addPermalinks(article: HTMLElement, pageId: string): void {
  for (const heading of Array.from(article.querySelectorAll<HTMLElement>('h2[id], h3[id]'))) {
    const title = heading.textContent ?? '';
    heading.append(
      ' ',
      h(
        'a',
        {
          href: guideHref(`${pageId}#${heading.id}`),
          class: 'guide-permalink',
          'aria-label': t('guide:chapter.permalink', { title }),
        },
        '#',
      ),
    );
  }
}

/** Marks the contents' link of the section being read (aria-current), so sighted and screen-reader users see where they are. */
function markCurrent(toc: HTMLElement | null, sectionId: string): void {
  if (!toc) return;
  for (const link of Array.from(toc.querySelectorAll<HTMLAnchorElement>('a[data-section]'))) {
    if (link.dataset.section === sectionId) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

/** Follows the reading: the last heading that went past the top of the viewport is the current section. */
function followReading(article: HTMLElement, toc: HTMLElement | null): void {
  if (!toc || typeof IntersectionObserver === 'undefined') return;
  const headings = Array.from(article.querySelectorAll<HTMLElement>('h2[id], h3[id]'));
  const observer = new IntersectionObserver(
    () => {
      if (!article.isConnected) {
        observer.disconnect();
        return;
      }
      let current: HTMLElement | undefined;
      for (const heading of headings) if (heading.getBoundingClientRect().top < window.innerHeight * 0.3) current = heading;
      if (current) markCurrent(toc, current.id);
    },
    { rootMargin: '0px 0px -70% 0px' },
  );
  for (const heading of headings) observer.observe(heading);
}

function findById(scope: ParentNode, id: string): HTMLElement | null {
  for (const el of Array.from(scope.querySelectorAll<HTMLElement>('[id]'))) if (el.id === id) return el;
  return null;
}

function tableOfContents(page: GuidePage): HTMLElement | null {
  const headings = extractHeadings(page.body).filter((heading) => heading.level <= 3);
  if (headings.length === 0) return null;
  return h(
    'nav',
    { class: 'guide-toc', 'aria-labelledby': 'guide-toc-title' },
    h('h2', { id: 'guide-toc-title', class: 'guide-toc-title' }, t('guide:chapter.tocTitle')),
    h(
      'ol',
      {},
      ...headings.map((heading) =>
        h(
          'li',
          { class: heading.level === 3 ? 'guide-toc-sub' : undefined },
          h('a', { href: guideHref(`${page.id}#${heading.id}`), 'data-section': heading.id }, heading.text),
        ),
      ),
    ),
  );
}

function pager(previous: GuidePage | undefined, next: GuidePage | undefined): HTMLElement | null {
  if (!previous && !next) return null;
  const link = (target: GuidePage, rel: 'prev' | 'next') =>
    h(
      'a',
      { href: guideHref(target.id), rel, class: `guide-pager-${rel}` },
      h('span', { class: 'guide-pager-label' }, t(rel === 'prev' ? 'guide:chapter.previous' : 'guide:chapter.next')),
      h('span', { class: 'guide-pager-title' }, target.title),
    );
  return h(
    'nav',
    { class: 'guide-pager', 'aria-label': t('guide:chapter.pagerLabel') },
    previous ? link(previous, 'prev') : h('span'),
    next ? link(next, 'next') : null,
  );
}

export function drawChapter(
  container: HTMLElement,
  page: GuidePage,
  language: Language,
  reducedMotion: () => boolean,
  /** A section asked for that the page does not have: said at the top, the page still opens. */
  unknownSection?: string,
): ChapterPage {
  const article = h('article', { class: 'markdown guide-article', 'aria-labelledby': 'page-title' });
  article.append(renderGuideMarkdown(page.body, { terms: guideGlossary(language), inGlossary: page.id === GLOSSARY_ID }));
  addPermalinks(article, page.id);
  const { previous, next } = neighbours(guidePages(language), page.id);
  const toc = tableOfContents(page);

  const goTo: ChapterPage['goTo'] = (sectionId, options = {}) => {
    const target = findById(article, sectionId);
    if (!target) return false;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
    if (options.focus !== false) target.focus({ preventScroll: true });
    if (options.updateAddress) window.history.replaceState(window.history.state, '', guideHref(`${page.id}#${sectionId}`));
    markCurrent(toc, sectionId);
    return true;
  };

  const onClick = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    const href = link?.getAttribute('href') ?? '';
    const own = `#/guide/${page.id}/`;
    let section: string | null = null;
    if (href.startsWith(own) && !href.slice(own.length).includes('/')) section = href.slice(own.length);
    else if (href.length > 1 && !href.startsWith('#/')) section = href.slice(1);
    if (section && goTo(section, { updateAddress: true })) event.preventDefault();
  };

  container.append(
    h(
      'div',
      { class: 'guide-page guide-chapter', onclick: onClick },
      h(
        'nav',
        { class: 'guide-breadcrumb', 'aria-label': t('guide:chapter.breadcrumb') },
        h('a', { href: '#/guide' }, t('guide:chapter.backHome')),
      ),
      h('p', { class: 'guide-kind' }, t(`guide:chapter.kind.${page.kind}`)),
      h('h1', { id: 'page-title' }, page.title),
      unknownSection !== undefined
        ? h(
            'p',
            { class: 'notice guide-unknown-section', role: 'status' },
            t('guide:notFound.sectionNotice', { id: shownQuery(unknownSection) }),
          )
        : null,
      searchForm(),
      h(
        'div',
        { class: 'guide-actions' },
        h(
          'button',
          { type: 'button', class: 'button-quiet guide-print', onclick: () => window.print() },
          t('guide:chapter.print'),
        ),
      ),
      h('div', { class: 'guide-chapter-body' }, toc, article),
      pager(previous, next),
    ),
  );
  followReading(article, toc);
  return { title: page.title, goTo, hasSection: (id) => findById(article, id) !== null };
}
