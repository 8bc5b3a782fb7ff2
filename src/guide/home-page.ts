/** The guide's home (#/guide): introduction, search form, chapters, tool sheets and glossary with their leads. */
import { t } from '../i18n/index.ts';
import type { Language } from '../storage/settings.ts';
import { h } from '../ui/dom.ts';
import type { ChapterKind, GuidePage } from './chapters.ts';
import { guidePages } from './content.ts';
import { guideHref } from './links.ts';
import { searchForm } from './search-form.ts';

const KINDS: ChapterKind[] = ['chapter', 'tool', 'sources', 'glossary'];

function pageList(kind: ChapterKind, pages: GuidePage[]): HTMLElement {
  const items = pages.map((page) =>
    h(
      'li',
      { class: 'guide-list-item' },
      h('a', { href: guideHref(page.id), class: 'guide-list-link', 'aria-describedby': `guide-lead-${page.id}` }, page.title),
      h('p', { id: `guide-lead-${page.id}`, class: 'guide-list-lead' }, page.lead),
    ),
  );
  return kind === 'chapter' ? h('ol', { class: 'guide-list' }, ...items) : h('ul', { class: 'guide-list' }, ...items);
}

/** Draws the home into `container`; returns the document title. */
export function drawHome(container: HTMLElement, language: Language): string {
  const pages = guidePages(language);
  const lists = KINDS.flatMap((kind) => {
    const ofKind = pages.filter((page) => page.kind === kind);
    if (ofKind.length === 0) return [];
    return [
      h(
        'section',
        { class: `guide-home-part guide-home-${kind}`, 'aria-labelledby': `guide-list-${kind}` },
        h('h2', { id: `guide-list-${kind}` }, t(`guide:lists.${kind}`)),
        pageList(kind, ofKind),
      ),
    ];
  });
  container.append(
    h(
      'div',
      { class: 'guide-page guide-home' },
      h('h1', { id: 'page-title' }, t('guide:title')),
      h('p', { class: 'lead' }, t('guide:intro')),
      searchForm(),
      ...lists,
    ),
  );
  return `${t('nav.guide')} · ${t('app.name')}`;
}
