/**
 * Every link into the guide, wherever it is written, must land on a page of index.json and, with a section,
 * on a heading that exists in BOTH languages: the guide's own Markdown, the course, the test, the
 * facilitation guide, the scenarios and the shared library.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GuideIndex } from '../../src/guide/sections.ts';
import { GUIDE_DIR, LIBRARY_DIR, libraryFiles, loadGuideIndex, SCENARIO_DIR, scenarioFiles } from '../../tools/lib/content.ts';

const LANGUAGES = ['fr', 'en'];
const ROUTE = /#\/guide(?:\/[^\s)"'<>\]`]*)?/g;

interface Link {
  file: string;
  /** As written: a route "#/guide/..." or a reference "chapter#section". */
  link: string;
}

const indexed: string[] = (
  JSON.parse(readFileSync(join(GUIDE_DIR, 'index.json'), 'utf8')) as { chapters: { id: string }[] }
).chapters.map((c) => c.id);

const markdownFiles = (dir: string) =>
  LANGUAGES.flatMap((lang) => {
    const folder = join(dir, lang);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(folder, f));
  });

function routesIn(file: string, text: string): Link[] {
  return [...text.matchAll(ROUTE)].map((m) => ({ file, link: m[0] }));
}

/** Links in a JSON document: `guide` fields (references) and any "#/guide/..." inside a string. */
function jsonLinks(file: string): Link[] {
  const out: Link[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key === 'guide') out.push({ file, link: value });
      else out.push(...routesIn(file, value));
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), '');
  return out;
}

function markdownLinks(file: string): Link[] {
  return routesIn(file, readFileSync(file, 'utf8'));
}

/** "chapter" or "chapter#section" for a link, or null for a guide route that is not a page (home, search). */
function guideRef(link: string): string | null {
  if (!link.startsWith('#/guide')) return link;
  const path = link.slice('#/guide'.length).split('?')[0] ?? '';
  if (path === '' || path === '/') return null;
  const [chapter = '', ...rest] = path.replace(/^\//, '').split(/[/#]/);
  if (chapter === 'search' && rest.length === 0) return null;
  return rest.length > 0 ? `${chapter}#${rest.join('/')}` : chapter;
}

/** Why a link is broken, or null when it holds. */
function brokenReason(index: GuideIndex, link: string): string | null {
  const ref = guideRef(link);
  if (ref === null) return null;
  const [chapter = '', section, ...extra] = ref.split('#');
  if (extra.length > 0 || section?.includes('/')) return 'malformed link';
  if (!indexed.includes(chapter)) return `no chapter "${chapter}" in the guide's index.json`;
  const sections = index.get(chapter);
  if (!sections) return `chapter "${chapter}" is missing in one language`;
  if (section !== undefined && !sections.has(section))
    return `chapter "${chapter}" has no section "${section}" in both languages`;
  return null;
}

function allLinks(): Link[] {
  return [
    ...markdownFiles(GUIDE_DIR).flatMap(markdownLinks),
    ...jsonLinks(join('src', 'course', 'content', 'course.json')),
    ...markdownFiles(join('src', 'course', 'content')).flatMap(markdownLinks),
    ...jsonLinks(join('src', 'assessment', 'content', 'assessment.json')),
    ...markdownFiles(join('src', 'facilitator', 'content')).flatMap(markdownLinks),
    ...scenarioFiles().flatMap(jsonLinks),
    ...libraryFiles().flatMap(jsonLinks),
  ];
}

describe('links into the guide', () => {
  const index = loadGuideIndex();
  const links = allLinks();

  it('finds links in every kind of content', () => {
    const files = new Set(links.map((l) => l.file));
    for (const dir of [
      GUIDE_DIR,
      'src/course/content',
      'src/assessment/content',
      'src/facilitator/content',
      SCENARIO_DIR,
      LIBRARY_DIR,
    ]) {
      expect(
        [...files].some((f) => f.startsWith(dir)),
        dir,
      ).toBe(true);
    }
    expect(links.length).toBeGreaterThan(200);
  });

  it('every page of index.json exists in both languages', () => {
    for (const id of indexed)
      for (const lang of LANGUAGES) expect(existsSync(join(GUIDE_DIR, lang, `${id}.md`)), `${lang}/${id}.md`).toBe(true);
  });

  it('every link resolves to a chapter and section present in both languages', () => {
    const broken = links.flatMap(({ file, link }) => {
      const reason = brokenReason(index, link);
      return reason ? [`${file}: ${link} (${reason})`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('the checker reports what is broken', () => {
    expect(guideRef('#/guide/cooperate-and-pool#ptce')).toBe('cooperate-and-pool#ptce');
    expect(guideRef('#/guide/cooperate-and-pool/ptce')).toBe('cooperate-and-pool#ptce');
    expect(guideRef('#/guide/search?q=x')).toBeNull();
    expect(brokenReason(index, 'cooperate-and-pool#ptce')).toBeNull();
    expect(brokenReason(index, '#/guide')).toBeNull();
    expect(brokenReason(index, '#/guide/nowhere')).toMatch(/no chapter/);
    expect(brokenReason(index, 'cooperate-and-pool#nowhere')).toMatch(/no section/);
    expect(brokenReason(index, '#/guide/glossary/nowhere')).toMatch(/no section/);
  });
});
