/**
 * The guide's pages as data: title (line 1 `# Title`), lead paragraph, sections (`## Title {#id}`) and
 * glossary terms. Pure functions over Markdown text, shared by the view, the search index and the tests.
 */
import { markdownToText } from './text.ts';

export type ChapterKind = 'chapter' | 'tool' | 'sources' | 'glossary';

export interface ChapterEntry {
  id: string;
  kind: ChapterKind;
}

export interface GuideSection {
  /** '' for the text before the first `##` heading. */
  id: string;
  title: string;
  /** The section's Markdown, heading excluded. */
  markdown: string;
}

export interface GuidePage {
  id: string;
  kind: ChapterKind;
  title: string;
  /** The first paragraph after the title, as plain text. */
  lead: string;
  /** The page without its `# Title` line. */
  body: string;
  sections: GuideSection[];
}

const TITLE = /^#\s+(.+?)\s*$/;
const SECTION = /^##\s+(.+?)\s*\{#([A-Za-z][\w-]*)\}\s*$/;

export function parsePage(entry: ChapterEntry, markdown: string): GuidePage {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const first = TITLE.exec(lines[0] ?? '');
  const title = first?.[1] ? markdownToText(first[1]) : entry.id;
  const bodyLines = first ? lines.slice(1) : lines;
  const sections: GuideSection[] = [];
  let current: GuideSection = { id: '', title, markdown: '' };
  const buffer: string[] = [];
  const flush = () => {
    current.markdown = buffer.join('\n').trim();
    if (current.id !== '' || current.markdown !== '') sections.push(current);
    buffer.length = 0;
  };
  for (const line of bodyLines) {
    const heading = SECTION.exec(line);
    if (heading?.[1] && heading[2]) {
      flush();
      current = { id: heading[2], title: markdownToText(heading[1]), markdown: '' };
    } else buffer.push(line);
  }
  flush();
  const intro = sections[0]?.id === '' ? sections[0].markdown : '';
  const lead = markdownToText(intro.split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ');
  return { id: entry.id, kind: entry.kind, title, lead, body: bodyLines.join('\n').trim(), sections };
}

export interface GlossaryTerm {
  id: string;
  /** Names that refer to the term: "ESS (économie sociale et solidaire)" gives "ESS" and "économie sociale et solidaire". */
  names: string[];
}

/** Glossary terms from the glossary's `## Term {#term-id}` headings. */
export function glossaryTerms(page: GuidePage): GlossaryTerm[] {
  return page.sections
    .filter((section) => section.id !== '')
    .map((section) => {
      const names = [section.title];
      const parts = /^(.+?)\s*\((.+)\)\s*$/.exec(section.title);
      if (parts?.[1] && parts[2]) names.push(parts[1], parts[2]);
      return { id: section.id, names: [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1))] };
    });
}

/** The neighbours of a page in reading order. */
export function neighbours<T extends { id: string }>(pages: T[], id: string): { previous?: T; next?: T } {
  const index = pages.findIndex((page) => page.id === id);
  if (index < 0) return {};
  return { previous: pages[index - 1], next: pages[index + 1] };
}
