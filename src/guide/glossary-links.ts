/**
 * Links glossary terms in a rendered page: the first occurrence of each term (accent- and case-insensitive,
 * whole words, a plural "s" or "x" allowed) becomes a link to `#/guide/glossary/<term-id>`. Text inside
 * links, headings and code is left alone, and a term the author already linked to the glossary counts as
 * linked. In the glossary itself, a term's own section does not link to itself.
 */
import type { GlossaryTerm } from './chapters.ts';
import { fold, foldWithOrigin } from './text.ts';

const SKIPPED = new Set(['A', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'CODE', 'PRE', 'SCRIPT', 'STYLE', 'MARK']);
/** A plural "s" or "x" is allowed after each word of a term: "contrats de territoire solidaires". */
const PLURAL = '(?:s|x)?';

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One capturing group per name, longest first; the group that matched gives the term. */
function termsPattern(terms: GlossaryTerm[]): { pattern: RegExp; termIds: string[] } | null {
  const names = terms.flatMap((term) => term.names.map((name) => ({ id: term.id, folded: fold(name).trim() })));
  const usable = names.filter((name) => name.folded.length > 0).sort((a, b) => b.folded.length - a.folded.length);
  if (usable.length === 0) return null;
  const groups = usable.map(
    (name) =>
      `(${name.folded
        .split(/\s+/)
        .map((word) => escapeRegExp(word) + PLURAL)
        .join('\\s+')})`,
  );
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${groups.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    termIds: usable.map((name) => name.id),
  };
}

export function glossaryHref(termId: string): string {
  return `#/guide/glossary/${termId}`;
}

export interface LinkOptions {
  /** The page is the glossary: a term is not linked inside its own section. */
  inGlossary?: boolean;
}

interface Walk {
  pattern: RegExp;
  termIds: string[];
  done: Set<string>;
  section: string;
  inGlossary: boolean;
}

/** Links the terms inside `root` (a rendered page) in place; returns the ids of the terms linked. */
export function linkGlossaryTerms(root: ParentNode, terms: GlossaryTerm[], options: LinkOptions = {}): string[] {
  const compiled = termsPattern(terms);
  if (!compiled) return [];
  const walk: Walk = { ...compiled, done: new Set(), section: '', inGlossary: options.inGlossary ?? false };
  const linked: string[] = [];
  visit(root, walk, linked);
  return linked;
}

function visit(node: ParentNode, walk: Walk, linked: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      linkText(child as Text, walk, linked);
    } else if (child.nodeType === 1) {
      const el = child as Element;
      if (el.tagName === 'H2' && el.id) walk.section = el.id;
      if (el.tagName === 'A') noteAuthorLink(el, walk);
      if (!SKIPPED.has(el.tagName)) visit(el, walk, linked);
    }
  }
}

/** A link the author wrote to a glossary term: that term is linked already. */
function noteAuthorLink(link: Element, walk: Walk): void {
  const match = /^#\/guide\/glossary[/#]([\w-]+)$/.exec(link.getAttribute('href') ?? '');
  if (match?.[1]) walk.done.add(match[1]);
}

function termFor(match: RegExpMatchArray, walk: Walk): string | undefined {
  const group = match.findIndex((value, index) => index > 0 && value !== undefined);
  return group > 0 ? walk.termIds[group - 1] : undefined;
}

function linkText(text: Text, walk: Walk, linked: string[]): void {
  const value = text.data;
  const { folded, origin } = foldWithOrigin(value);
  const pieces: (string | { termId: string; text: string })[] = [];
  let at = 0;
  walk.pattern.lastIndex = 0;
  for (const match of folded.matchAll(walk.pattern)) {
    const termId = termFor(match, walk);
    if (!termId || walk.done.has(termId)) continue;
    if (walk.inGlossary && termId === walk.section) continue;
    walk.done.add(termId);
    linked.push(termId);
    const start = origin[match.index] ?? 0;
    const end = origin[match.index + match[0].length] ?? value.length;
    if (start > at) pieces.push(value.slice(at, start));
    pieces.push({ termId, text: value.slice(start, end) });
    at = end;
  }
  if (pieces.length === 0) return;
  if (at < value.length) pieces.push(value.slice(at));
  const doc = text.ownerDocument;
  const nodes = pieces.map((piece) => {
    if (typeof piece === 'string') return doc.createTextNode(piece);
    const link = doc.createElement('a');
    link.setAttribute('href', glossaryHref(piece.termId));
    link.className = 'glossary-term';
    link.textContent = piece.text;
    return link;
  });
  text.replaceWith(...nodes);
}
