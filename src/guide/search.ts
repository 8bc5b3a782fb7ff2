/**
 * Full-text search over the guide's sections with MiniSearch, one index per language. Terms are folded
 * (lower case, no accents) so "resilience" finds "résilience"; prefix and light fuzzy matching forgive
 * unfinished and mistyped words. Results are plain data: text segments flagged for <mark>, never HTML.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { GuidePage } from './chapters.ts';
import type { Translation } from './synonyms.ts';
import { findWords, fold, markdownToText, type TextRange } from './text.ts';

/** Words too common to search for (folded), French and English. */
const STOP_WORDS = new Set(
  (
    'le la les un une des du de et ou au aux en dans par pour sur avec que qui ce ces cet cette se sa son ses ' +
    'leur leurs est sont ne pas il elle ils elles on nous vous qu ' +
    'the an and or of to in on for with by at is are be as it its that this these those from was were not'
  ).split(' '),
);

/** How the index and the queries see a word: folded, without stop words, single letters or lone digits. */
export function processTerm(term: string): string | null {
  const folded = fold(term);
  if (folded.length < 2) return null;
  return STOP_WORDS.has(folded) ? null : folded;
}

export interface SectionDocument {
  /** "chapter#section" ("chapter#" for the text before the first heading). */
  id: string;
  chapterId: string;
  sectionId: string;
  chapterTitle: string;
  sectionTitle: string;
  text: string;
}

export function sectionDocuments(pages: GuidePage[]): SectionDocument[] {
  return pages.flatMap((page) =>
    page.sections.map((section) => ({
      id: `${page.id}#${section.id}`,
      chapterId: page.id,
      sectionId: section.id,
      chapterTitle: page.title,
      sectionTitle: section.title,
      text: markdownToText(section.markdown).replace(/\s+/g, ' '),
    })),
  );
}

export interface GuideSearchIndex {
  engine: MiniSearch<SectionDocument>;
  documents: Map<string, SectionDocument>;
}

export function buildSearchIndex(pages: GuidePage[]): GuideSearchIndex {
  const documents = sectionDocuments(pages);
  const engine = new MiniSearch<SectionDocument>({
    fields: ['chapterTitle', 'sectionTitle', 'text'],
    processTerm,
    searchOptions: {
      boost: { sectionTitle: 3, chapterTitle: 2 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
    },
  });
  engine.addAll(documents);
  return { engine, documents: new Map(documents.map((doc) => [doc.id, doc])) };
}

export interface Segment {
  text: string;
  mark: boolean;
}

export interface SectionResult {
  sectionId: string;
  title: Segment[];
  snippet: Segment[];
}

export interface ChapterResult {
  chapterId: string;
  title: Segment[];
  sections: SectionResult[];
}

/** Cuts a text into segments, the whole-word (accent- and case-insensitive) matches of `words` flagged. */
export function markSegments(text: string, words: string[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const range of findWords(text, words)) {
    if (range.start < at) continue;
    if (range.start > at) segments.push({ text: text.slice(at, range.start), mark: false });
    segments.push({ text: text.slice(range.start, range.end), mark: true });
    at = range.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/** About `length` characters of `text` around the first match, cut between words, with ellipses. */
export function snippet(text: string, words: string[], length = 220): Segment[] {
  const first: TextRange | undefined = findWords(text, words)[0];
  let start = first ? Math.max(0, first.start - Math.round(length / 3)) : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < (first?.start ?? text.length) ? space + 1 : (first?.start ?? start);
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > (first?.end ?? start)) end = space;
  }
  const cut = `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
  return markSegments(cut, words);
}

/** The words of a query the search uses, as typed, each with its folded term (stop words and lone characters left out). */
export function queryWords(query: string): { word: string; term: string }[] {
  const seen = new Set<string>();
  return query.split(/[^\p{L}\p{N}'’-]+/u).flatMap((word) =>
    word.split(/['’-]/u).flatMap((part) => {
      const term = processTerm(part);
      if (term === null || seen.has(term)) return [];
      seen.add(term);
      return [{ word: part, term }];
    }),
  );
}

/** Whether a folded word is in the index as it stands (no prefix, no typo tolerance). */
export function isIndexed(index: GuideSearchIndex, word: string): boolean {
  return index.engine.search(word, { prefix: false, fuzzy: false }).length > 0;
}

export interface SearchOutcome {
  results: ChapterResult[];
  /** 'all': every result holds every word; 'some': none did, these results hold some of them. */
  match: 'all' | 'some';
  /** In a partial match, the query's words found somewhere and those found nowhere, as typed. */
  found: string[];
  missing: string[];
  /** Words of the other language searched for in this one. */
  translations: Translation[];
}

/**
 * Every word (with prefixes, and one typo in words of five letters or more) first; when no section holds
 * them all, sections holding some of them, with neither typo tolerance nor a silent claim: the outcome
 * says which words were found.
 */
export function runSearch(
  index: GuideSearchIndex,
  query: string,
  translated?: { query: string; translations: Translation[] },
): SearchOutcome {
  const searched = translated?.query ?? query;
  const translations = translated?.translations ?? [];
  const empty: SearchOutcome = { results: [], match: 'all', found: [], missing: [], translations };
  if (queryWords(searched).length === 0) return empty;
  const all = index.engine.search(searched, { combineWith: 'AND' });
  if (all.length > 0) return { ...empty, results: group(index, all) };
  const some = index.engine.search(searched, { combineWith: 'OR', fuzzy: false });
  if (some.length === 0) return empty;
  const matched = new Set(some.flatMap((r) => r.queryTerms));
  const words = queryWords(searched);
  return {
    ...empty,
    results: group(index, some),
    match: 'some',
    found: words.filter((w) => matched.has(w.term)).map((w) => w.word),
    missing: words.filter((w) => !matched.has(w.term)).map((w) => w.word),
  };
}

/** The query's results grouped by chapter, best chapter first, each with its matched sections. */
export function searchGuide(index: GuideSearchIndex, query: string): ChapterResult[] {
  return runSearch(index, query).results;
}

function group(index: GuideSearchIndex, found: SearchResult[]): ChapterResult[] {
  const groups = new Map<string, ChapterResult>();
  for (const result of found) {
    const doc = index.documents.get(String(result.id));
    if (!doc) continue;
    const words = result.terms;
    let group = groups.get(doc.chapterId);
    if (!group) {
      group = { chapterId: doc.chapterId, title: markSegments(doc.chapterTitle, words), sections: [] };
      groups.set(doc.chapterId, group);
    }
    group.sections.push({
      sectionId: doc.sectionId,
      title: markSegments(doc.sectionTitle, words),
      snippet: snippet(doc.text, words),
    });
  }
  return [...groups.values()];
}

/** Number of matched sections across chapters. */
export function countSections(results: ChapterResult[]): number {
  return results.reduce((sum, chapter) => sum + chapter.sections.length, 0);
}
