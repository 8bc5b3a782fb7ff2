/**
 * Search results (#/guide/search?q=...): h1, the search form, a count (also announced), then results
 * grouped by chapter with links to the sections and snippets whose matched words are in <mark>.
 * MiniSearch and the index are loaded and built on the first search, once per language.
 */
import { t } from '../i18n/index.ts';
import type { Language } from '../storage/settings.ts';
import { h } from '../ui/dom.ts';
import synonymData from './content/synonyms.json';
import { guideGlossary, guidePages } from './content.ts';
import { guideHref } from './links.ts';
import type { ChapterResult, GuideSearchIndex, SearchOutcome, Segment } from './search.ts';
import { searchForm } from './search-form.ts';
import { glossarySynonyms, type SynonymGroup, translateQuery } from './synonyms.ts';

const indexes = new Map<Language, GuideSearchIndex>();
/** Longest query shown in the heading and the title; the search itself uses all of it. */
export const MAX_SHOWN_QUERY = 80;

export function shownQuery(query: string): string {
  const chars = [...query];
  return chars.length <= MAX_SHOWN_QUERY ? query : `${chars.slice(0, MAX_SHOWN_QUERY).join('').trimEnd()}…`;
}

function synonyms(): SynonymGroup[] {
  return [...(synonymData.groups as SynonymGroup[]), ...glossarySynonyms(guideGlossary('fr'), guideGlossary('en'))];
}

async function searchIn(language: Language, query: string): Promise<SearchOutcome & { sections: number }> {
  const search = await import('./search.ts');
  let index = indexes.get(language);
  if (!index) {
    index = search.buildSearchIndex(guidePages(language));
    indexes.set(language, index);
  }
  const built = index;
  const translated = translateQuery(query, language, synonyms(), (word) => search.isIndexed(built, word));
  const outcome = search.runSearch(built, query, translated);
  return { ...outcome, sections: search.countSections(outcome.results) };
}

const quoted = (words: string[]) => words.map((w) => t('guide:search.quoted', { word: w })).join(', ');

/** What the search did beyond the words as typed: other-language words it translated, words it could not find. */
function notices(outcome: SearchOutcome): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const tr of outcome.translations)
    out.push(h('p', { class: 'notice guide-search-translated' }, t('guide:search.translated', { from: tr.from, to: tr.to })));
  if (outcome.match === 'some')
    out.push(
      h(
        'p',
        { class: 'notice guide-search-partial' },
        t('guide:search.partial', { found: quoted(outcome.found), missing: quoted(outcome.missing) }),
      ),
    );
  return out;
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
  const shown = shownQuery(words);
  const heading = words ? t('guide:search.resultsTitle', { query: shown }) : t('guide:search.title');
  page.append(breadcrumb, h('h1', { id: 'page-title' }, heading), searchForm(words));
  const status = h('p', { class: 'guide-search-count', id: 'guide-search-count' });
  page.append(status);
  let summary = '';
  if (!words) {
    status.textContent = t('guide:search.empty');
  } else {
    const outcome = await searchIn(language, words);
    const { results, sections } = outcome;
    const count = t(outcome.match === 'some' ? 'guide:search.countPartial' : 'guide:search.count', {
      count: sections,
      chapters: t('guide:search.chapters', { count: results.length }),
    });
    summary = sections === 0 ? t('guide:search.none', { query: shown }) : count;
    status.textContent = summary;
    const said = notices(outcome);
    page.append(...said);
    if (said.length > 0) summary = `${summary} ${said.map((p) => p.textContent).join(' ')}`;
    if (sections > 0) page.append(resultList(results));
  }
  container.append(page);
  const title = words ? t('guide:search.documentTitle', { query: shown }) : t('guide:search.title');
  return { title: `${title} · ${t('app.name')}`, summary };
}
