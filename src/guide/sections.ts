/**
 * Guide pages declare section ids in their headings: `## Title {#section-id}`.
 * Game, course and test content link to "chapter#section"; these helpers find
 * the ids so every such link can be checked.
 */
const HEADING_ID = /^#{1,6}\s+.*\{#([a-z0-9-]+)\}\s*$/gm;

export function sectionIds(markdown: string): string[] {
  return [...markdown.matchAll(HEADING_ID)].map((m) => m[1] as string);
}

/** chapter id -> its section ids, from the Markdown of one language. */
export type GuideIndex = Map<string, Set<string>>;

export function buildGuideIndex(pages: Record<string, string>): GuideIndex {
  const index: GuideIndex = new Map();
  for (const [chapter, markdown] of Object.entries(pages)) index.set(chapter, new Set(sectionIds(markdown)));
  return index;
}

export function guideRefExists(index: GuideIndex, ref: string): boolean {
  const [chapter, section] = ref.split('#');
  const sections = index.get(chapter ?? '');
  if (!sections) return false;
  return section === undefined || sections.has(section);
}

/** A Markdown heading as plain text: no id, link syntax or emphasis marks. */
export function plainHeading(markdown: string): string {
  return markdown
    .replace(/\s*\{#[a-z0-9-]+\}\s*$/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}
