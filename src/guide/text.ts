/**
 * Text helpers shared by the guide's search and glossary linking: accent- and case-insensitive
 * matching that still knows where each match sits in the original text, and Markdown to plain text.
 * Pure functions, no DOM.
 */

const COMBINING_MARKS = /\p{M}/gu;

/** One character folded: lower case, accents removed, typographic apostrophes and spaces made plain. */
function foldChar(char: string): string {
  if (char === '\u2019' || char === '\u2018' || char === '\u02bc') return "'";
  if (/\s/u.test(char)) return ' ';
  return char.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Lower case without accents: "Résilience" -> "resilience", "Coopération" -> "cooperation". */
export function fold(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

export interface FoldedText {
  folded: string;
  /** For each index of `folded` (plus one past the end), the index in the original text. */
  origin: number[];
}

/** Folds a text and remembers, for every folded character, where it came from. */
export function foldWithOrigin(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const out = foldChar(char);
    for (let i = 0; i < out.length; i++) origin.push(index);
    folded += out;
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

export interface TextRange {
  start: number;
  end: number;
}

/** Escapes a folded word or phrase for a RegExp; any run of spaces matches any run of white space. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

const LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * A RegExp over folded text that matches any of the folded phrases as whole words, longest first
 * (so "contrat de territoire solidaire" wins over "contrat de territoire"). `suffix` is an optional
 * pattern allowed after each phrase, e.g. a plural "s".
 */
export function wholeWordsPattern(phrases: string[], suffix = ''): RegExp | null {
  const unique = [...new Set(phrases.map((p) => fold(p).trim()).filter((p) => p.length > 0))];
  if (unique.length === 0) return null;
  unique.sort((a, b) => b.length - a.length);
  const alternatives = unique.map(phrasePattern).join('|');
  return new RegExp(`${LETTER_BEFORE}(?:${alternatives})${suffix}${LETTER_AFTER}`, 'gu');
}

/** Ranges, in the ORIGINAL text, of whole-word, accent- and case-insensitive matches of the words. */
export function findWords(text: string, words: string[], suffix = ''): TextRange[] {
  const pattern = wholeWordsPattern(words, suffix);
  if (!pattern) return [];
  const { folded, origin } = foldWithOrigin(text);
  const ranges: TextRange[] = [];
  for (const match of folded.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    ranges.push({ start: origin[start] ?? 0, end: origin[end] ?? text.length });
  }
  return ranges;
}

/**
 * Markdown to readable plain text for indexing and descriptions: links and images keep their text,
 * emphasis, code marks, heading marks, `{#id}` suffixes, list marks and table rules go.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line))
    .map((line) =>
      line
        .replace(/\s*\{#[A-Za-z][\w-]*\}\s*$/, '')
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
        .replace(/^\s*>\s?/, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^\p{L}\p{N}])[*_]([^*_\n]+?)[*_](?=$|[^\p{L}\p{N}])/gu, '$1$2')
        .replace(/\s*\|\s*/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .join('\n');
}
