import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/guide/chapters.ts';
import { guidePages } from '../../src/guide/content.ts';
import {
  buildSearchIndex,
  type ChapterResult,
  type GuideSearchIndex,
  markSegments,
  processTerm,
  type Segment,
  searchGuide,
  snippet,
} from '../../src/guide/search.ts';
import { findWords, fold, markdownToText } from '../../src/guide/text.ts';

const indexes = { fr: buildSearchIndex(guidePages('fr')), en: buildSearchIndex(guidePages('en')) };

const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);
const chapterIds = (results: ChapterResult[]) => results.map((r) => r.chapterId);

function topChapters(index: GuideSearchIndex, query: string, n = 3): string[] {
  return chapterIds(searchGuide(index, query)).slice(0, n);
}

describe('text folding', () => {
  it('lower-cases and strips accents', () => {
    expect(fold('Résilience')).toBe('resilience');
    expect(fold('COOPÉRATION')).toBe('cooperation');
    expect(fold('Événement’s à Brèze')).toBe("evenement's a breze");
    expect(processTerm('Coopération')).toBe('cooperation');
    expect(processTerm('de')).toBeNull();
    expect(processTerm('l')).toBeNull();
  });

  it('finds whole words in the original text, accent-insensitively', () => {
    const text = 'La résilience, les Résiliences et la résiliation.';
    const ranges = findWords(text, ['resilience'], 's?');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['résilience', 'Résiliences']);
    expect(findWords('coopérative', ['cooperation'])).toEqual([]);
  });

  it('turns Markdown into plain text', () => {
    expect(
      markdownToText(
        '## Title {#id}\n\nSee **the** [glossary](#/guide/glossary#sse) and _this_.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |',
      ),
    ).toBe('Title\nSee the glossary and this.\na b\n1 2');
  });
});

describe('guide pages', () => {
  it('parses the title, the lead and the sections', () => {
    const page = parsePage(
      { id: 'x', kind: 'chapter' },
      '# The *title*\n\nLead [one](#/a).\n\nMore.\n\n## A {#a}\n\nText a.\n\n## B {#b}\n\nText b.',
    );
    expect(page.title).toBe('The title');
    expect(page.lead).toBe('Lead one.');
    expect(page.sections.map((s) => [s.id, s.title])).toEqual([
      ['', 'The title'],
      ['a', 'A'],
      ['b', 'B'],
    ]);
  });

  it('has every page of index.json in both languages with a lead', () => {
    expect(guidePages('fr').map((p) => p.id)).toEqual(guidePages('en').map((p) => p.id));
    expect(guidePages('fr')).toHaveLength(16);
    for (const page of [...guidePages('fr'), ...guidePages('en')]) expect(page.lead.length, page.id).toBeGreaterThan(40);
  });
});

describe('guide search', () => {
  for (const query of ['résilience', 'resilience', 'Résilience', 'RESILIENCE']) {
    it(`fr: "${query}" finds understand-resilience first`, () => {
      expect(topChapters(indexes.fr, query, 1)).toEqual(['understand-resilience']);
    });
  }
  for (const query of ['coopération', 'cooperation']) {
    it(`fr: "${query}" finds cooperate-and-pool`, () => {
      expect(topChapters(indexes.fr, query)).toContain('cooperate-and-pool');
    });
  }
  it('en: "resilience" and "cooperation" find their chapters', () => {
    expect(topChapters(indexes.en, 'resilience', 1)).toEqual(['understand-resilience']);
    expect(topChapters(indexes.en, 'cooperation')).toContain('cooperate-and-pool');
  });

  it('matches prefixes and small typos', () => {
    expect(chapterIds(searchGuide(indexes.fr, 'mutualis'))).toContain('cooperate-and-pool');
    expect(chapterIds(searchGuide(indexes.en, 'coperation'))).toContain('cooperate-and-pool');
  });

  it('groups by chapter with matched section titles and marked snippets', () => {
    const results = searchGuide(indexes.fr, 'PTCE');
    const pool = results.find((r) => r.chapterId === 'cooperate-and-pool');
    const ptce = pool?.sections.find((s) => s.sectionId === 'ptce');
    expect(ptce).toBeDefined();
    expect(marked(ptce?.title ?? [])).toEqual(['PTCE']);
    expect(marked(ptce?.snippet ?? []).length).toBeGreaterThan(0);
    for (const word of marked(ptce?.snippet ?? [])) expect(fold(word)).toBe('ptce');
    expect(new Set(chapterIds(results)).size).toBe(results.length);
  });

  it('marks the accented words a plain query matched', () => {
    const results = searchGuide(indexes.fr, 'resilience');
    const words = results.flatMap((r) => r.sections.flatMap((s) => marked(s.snippet)));
    expect(words).toContain('résilience');
    expect(words.every((w) => fold(w).startsWith('resilien'))).toBe(true);
  });

  it('returns nothing for an empty or unknown query', () => {
    expect(searchGuide(indexes.fr, '   ')).toEqual([]);
    expect(searchGuide(indexes.en, 'zzzqqqxx')).toEqual([]);
  });
});

describe('snippets and marks', () => {
  it('wraps matched words, whole and accent-insensitive', () => {
    expect(markSegments('La Coopération et la cooperative', ['cooperation'])).toEqual([
      { text: 'La ', mark: false },
      { text: 'Coopération', mark: true },
      { text: ' et la cooperative', mark: false },
    ]);
  });

  it('cuts a snippet around the first match with ellipses', () => {
    const text = `${'word '.repeat(100)}résilience ${'tail '.repeat(100)}`.trim();
    const segments = snippet(text, ['resilience'], 120);
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined.length).toBeLessThan(130);
    expect(marked(segments)).toEqual(['résilience']);
  });
});
