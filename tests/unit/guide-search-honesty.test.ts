import { describe, expect, it } from 'vitest';
import synonymData from '../../src/guide/content/synonyms.json';
import { guideGlossary, guidePages } from '../../src/guide/content.ts';
import { buildSearchIndex, isIndexed, queryWords, runSearch } from '../../src/guide/search.ts';
import { shownQuery } from '../../src/guide/search-page.ts';
import { glossarySynonyms, type SynonymGroup, translateQuery } from '../../src/guide/synonyms.ts';

const indexes = { fr: buildSearchIndex(guidePages('fr')), en: buildSearchIndex(guidePages('en')) };
const groups: SynonymGroup[] = [...synonymData.groups, ...glossarySynonyms(guideGlossary('fr'), guideGlossary('en'))];

function search(language: 'fr' | 'en', query: string) {
  const index = indexes[language];
  return runSearch(
    index,
    query,
    translateQuery(query, language, groups, (w) => isIndexed(index, w)),
  );
}

describe('guide search says what it found', () => {
  it('"third place" in French: only "place" is found, "third" is named as missing, no typo match', () => {
    const outcome = search('fr', 'third place');
    expect(outcome.match).toBe('some');
    expect(outcome.found).toEqual(['place']);
    expect(outcome.missing).toEqual(['third']);
    expect(outcome.translations).toEqual([]);
    // No fuzzy match in the fallback: every marked word is "place" itself or a word starting with it.
    const marks = outcome.results.flatMap((c) => c.sections.flatMap((s) => s.snippet.filter((x) => x.mark).map((x) => x.text)));
    expect(marks.length).toBeGreaterThan(0);
    for (const word of marks) expect(word.toLowerCase().startsWith('place')).toBe(true);
  });

  it('a query whose words are all in one passage is a full match', () => {
    const outcome = search('fr', 'tiers-lieu');
    expect(outcome.match).toBe('all');
    expect(outcome.results.map((r) => r.chapterId)).toContain('glossary');
  });

  it('ignores lone digits and markup-like words: the hostile query finds nothing', () => {
    expect(queryWords('<img src=x onerror=alert(1)>').map((w) => w.term)).toEqual(['img', 'src', 'onerror', 'alert']);
    expect(search('en', '<img src=x onerror=alert(1)>').results).toEqual([]);
    expect(search('fr', '1').results).toEqual([]);
  });

  it('"canicule" in English is searched as "heat wave" and finds the hazard chapters', () => {
    const outcome = search('en', 'canicule');
    expect(outcome.translations).toEqual([{ from: 'canicule', to: 'heat wave' }]);
    expect(outcome.match).toBe('all');
    const chapters = outcome.results.map((r) => r.chapterId);
    expect(chapters).toContain('respond-to-hazards');
    expect(chapters).toContain('diagnose-vulnerabilities');
  });

  it('"heat wave" in French is searched as "canicule"; a word the guide uses is never translated', () => {
    expect(search('fr', 'heat wave').translations).toEqual([{ from: 'heat wave', to: 'canicule' }]);
    expect(search('fr', 'heat wave').results.map((r) => r.chapterId)).toContain('respond-to-hazards');
    // "PTCE" is the same in both glossaries: no translation.
    expect(search('en', 'PTCE').translations).toEqual([]);
  });

  it('pairs glossary terms of both languages by their id', () => {
    const pairs = glossarySynonyms(guideGlossary('fr'), guideGlossary('en'));
    expect(pairs.find((p) => p.fr.includes('Tiers-lieu'))?.en).toEqual(['Third place', 'tiers-lieu', 'Third place (tiers-lieu)']);
    expect(translateQuery('aléa climatique', 'en', pairs, () => false)).toEqual({
      query: 'hazard climatique',
      translations: [{ from: 'Aléa', to: 'Hazard' }],
    });
    // The English glossary also names "mutualisation": not a foreign word there.
    expect(translateQuery('mutualisation', 'en', pairs, () => false).translations).toEqual([]);
  });

  it('cuts a long query to 80 characters and an ellipsis for display', () => {
    expect(shownQuery('a'.repeat(500))).toBe(`${'a'.repeat(80)}…`);
    expect(shownQuery('résilience')).toBe('résilience');
  });
});
