/** The guide's content bundled with the view: index.json for the order, one Markdown file per page and language. */
import type { Language } from '../storage/settings.ts';
import { type ChapterEntry, type GlossaryTerm, type GuidePage, glossaryTerms, parsePage } from './chapters.ts';
import index from './content/index.json';

const SOURCES = import.meta.glob<string>('./content/*/*.md', { query: '?raw', import: 'default', eager: true });

export const GUIDE_ENTRIES: ChapterEntry[] = (index.chapters as ChapterEntry[]).filter((entry) =>
  ['chapter', 'tool', 'sources', 'glossary'].includes(entry.kind),
);

export const GLOSSARY_ID = GUIDE_ENTRIES.find((entry) => entry.kind === 'glossary')?.id ?? 'glossary';

const cache = new Map<Language, GuidePage[]>();
const termCache = new Map<Language, GlossaryTerm[]>();

/** Every page of the guide in one language, in reading order (pages missing in that language are left out). */
export function guidePages(language: Language): GuidePage[] {
  let pages = cache.get(language);
  if (!pages) {
    pages = GUIDE_ENTRIES.flatMap((entry) => {
      const source = SOURCES[`./content/${language}/${entry.id}.md`];
      return source === undefined ? [] : [parsePage(entry, source)];
    });
    cache.set(language, pages);
  }
  return pages;
}

export function guidePage(language: Language, id: string): GuidePage | undefined {
  return guidePages(language).find((page) => page.id === id);
}

export function guideGlossary(language: Language): GlossaryTerm[] {
  let terms = termCache.get(language);
  if (!terms) {
    const glossary = guidePage(language, GLOSSARY_ID);
    terms = glossary ? glossaryTerms(glossary) : [];
    termCache.set(language, terms);
  }
  return terms;
}
