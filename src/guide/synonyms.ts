/**
 * Words of the other language that the guide's search understands: the hazards, needs and project
 * types of content/synonyms.json, plus each glossary term paired with the same term in the other
 * language's glossary (same anchor id). Pure functions over data.
 */
import type { GlossaryTerm } from './chapters.ts';
import { fold } from './text.ts';

export interface SynonymGroup {
  fr: string[];
  en: string[];
}

/** Glossary terms of both languages paired by id: "Tiers-lieu" with "Third place", "tiers-lieu". */
export function glossarySynonyms(fr: GlossaryTerm[], en: GlossaryTerm[]): SynonymGroup[] {
  return fr.flatMap((term) => {
    const other = en.find((t) => t.id === term.id);
    return other ? [{ fr: plainFirst(term.names), en: plainFirst(other.names) }] : [];
  });
}

/** The name to search for first: one without a parenthesis ("Pooling", not "Pooling (mutualisation)"). */
function plainFirst(names: string[]): string[] {
  return [...names.filter((n) => !n.includes('(')), ...names.filter((n) => n.includes('('))];
}

export interface Translation {
  /** The other-language words as they stood in the query. */
  from: string;
  /** What was searched for instead, in the guide's language. */
  to: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces, in the folded query, the other language's names that are not words of this language's guide
 * (`known` says whether a folded word is indexed) by the first name of the group in this language. A
 * name whose words the guide also uses ("place", "contrat") is left alone: it is read as typed.
 */
export function translateQuery(
  query: string,
  language: 'fr' | 'en',
  groups: readonly SynonymGroup[],
  known: (word: string) => boolean,
): { query: string; translations: Translation[] } {
  const other = language === 'fr' ? 'en' : 'fr';
  let folded = fold(query);
  const translations: Translation[] = [];
  const names = groups
    .flatMap((group) =>
      group[other].map((original) => ({ original, name: fold(original), to: group[language][0] ?? '', own: group[language] })),
    )
    .filter((n) => n.to !== '' && !n.own.some((own) => fold(own) === n.name))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { original, name, to } of names) {
    const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
    if (words.length === 0 || words.some(known)) continue;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}(?=$|[^\\p{L}\\p{N}])`, 'u');
    const match = pattern.exec(folded);
    if (!match) continue;
    const start = match.index + (match[1]?.length ?? 0);
    translations.push({ from: original, to });
    folded = `${folded.slice(0, start)} ${fold(to)} ${folded.slice(start + name.length)}`;
  }
  return { query: translations.length > 0 ? folded.replace(/\s+/g, ' ').trim() : query, translations };
}
