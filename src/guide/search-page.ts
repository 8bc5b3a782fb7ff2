/**
 * Search results (#/guide/search?q=...): h1, the search form, a count (also announced), then results
 * grouped by chapter with links to the sections and snippets whose matched words are in <mark>.
 * MiniSearch and the index are loaded and built on the first search, once per language.
 */
import { t } from '../i18n/index.ts';
import type { Language } from '../storage/settings.ts';
import { h } from '../ui/dom.ts';
import { guidePages } from './content.ts';
import { guideHref } from './links.ts';
import type { ChapterResult, GuideSearchIndex, Segment } from './search.ts';
import { searchForm } from './search-form.ts';

const indexes = new Map<Language, GuideSearchIndex>();

async function searchIn(language: Language, query: string): Promise<{ results: ChapterResult[]; sections: number }> {
  const search = await import('./search.ts');
  let index = indexes.get(language);
  if (!index) {
    index = search.buildSearchIndex(guidePages(language));
    indexes.set(language, index);
  }
  const results = search.searchGuide(index, query);
  return { results, sections: search.countSections(results) };
}

/** Text nodes and <mark> elements for highlighted segments: never HTML strings. */
export function segmentNodes(segments: Segment[], doc: Document = document): Node[] {
  return segments.map((segment) => {
    if (!segment.mark) return doc.createTextNode(segment.text);
    const mark = doc.createElement('mark');
    mark.textContent = segment.text;
    return mark;
  });
}

function withNodes<K extends keyof HTMLElementTagNameMap>(el: HTMLElementTagNameMap[K], segments: Segment[]) {
  el.append(...segmentNodes(segments));
  return el;
}

function resultList(results: ChapterResult[]): HTMLElement {
  return h(
    'ol',
    { class: 'guide-results' },
    ...results.map((chapter) => {
      const headingId = `guide-result-${chapter.chapterId}`;
      const chapterTitle = chapter.title.map((s) => s.text).join('');
      return h(
        'li',
        { class: 'guide-result' },
        h('h2', { id: headingId }, withNodes(h('a', { href: guideHref(chapter.chapterId) }), chapter.title)),
        h(
          'ul',
          { class: 'guide-result-sections', 'aria-label': t('guide:search.sectionsLabel', { chapter: chapterTitle }) },
          ...chapter.sections.map((section) => {
            const ref = section.sectionId ? `${chapter.chapterId}#${section.sectionId}` : chapter.chapterId;
            const title = section.sectionId ? section.title : [{ text: t('guide:search.intro'), mark: false }];
            return h(
              'li',
              {},
              h('h3', { class: 'guide-result-title' }, withNodes(h('a', { href: guideHref(ref) }), title)),
              withNodes(h('p', { class: 'guide-result-snippet' }), section.snippet),
            );
          }),
        ),
      );
    }),
  );
}

export interface SearchPage {
  title: string;
  /** The sentence to announce (the number of results), or '' when nothing was searched. */
  summary: string;
}

/** Draws the results for `query` into `container` (already empty). */
export async function drawSearch(container: HTMLElement, language: Language, query: string): Promise<SearchPage> {
  const words = query.trim();
  const page = h('div', { class: 'guide-page guide-search-page' });
  const breadcrumb = h(
    'nav',
    { class: 'guide-breadcrumb', 'aria-label': t('guide:chapter.breadcrumb') },
    h('a', { href: '#/guide' }, t('guide:chapter.backHome')),
  );
  const heading = words ? t('guide:search.resultsTitle', { query: words }) : t('guide:search.title');
  page.append(breadcrumb, h('h1', { id: 'page-title' }, heading), searchForm(words));
  const status = h('p', { class: 'guide-search-count', id: 'guide-search-count' });
  page.append(status);
  let summary = '';
  if (!words) {
    status.textContent = t('guide:search.empty');
  } else {
    const { results, sections } = await searchIn(language, words);
    summary =
      sections === 0
        ? t('guide:search.none', { query: words })
        : t('guide:search.count', { count: sections, chapters: t('guide:search.chapters', { count: results.length }) });
    status.textContent = summary;
    if (sections > 0) page.append(resultList(results));
  }
  container.append(page);
  const title = words ? t('guide:search.documentTitle', { query: words }) : t('guide:search.title');
  return { title: `${title} · ${t('app.name')}`, summary };
}
