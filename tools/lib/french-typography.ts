/**
 * French typography for the kit's French text: no ordinary space (U+0020) before ; ! ? : % or
 * inside « ». The fix puts a narrow no-break space (U+202F) before ; ! ? and a no-break space
 * (U+00A0) before : and % and inside « », so a lone "?" or "%" never wraps onto a new line.
 *
 * Left alone: URLs, times (10:30 has no space), i18next interpolations ({{count}}), Markdown code
 * spans and fenced blocks, link targets, heading anchors ({#id}), images (![...]) and HTML tags;
 * in JSON, keys and every value that is not French.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Areas neither checked nor rewritten (none today: every French text is covered). */
export const TYPOGRAPHY_PENDING_AREAS: readonly string[] = [];

export const NNBSP = '\u202f';
export const NBSP = '\u00a0';

/** Spans never touched inside a French string. */
const PROTECTED = [
  /`[^`\n]*`/g, // code span
  /\]\([^)\s]*(?:\s+"[^"]*")?\)/g, // Markdown link or image target
  /\{\{[^}]*\}\}/g, // i18next interpolation
  /\{#[^}]*\}/g, // heading anchor
  /<[^>\n]+>/g, // HTML tag or autolink
  /\b(?:https?|mailto|ftp):[^\s)]+/g, // URL
  /\bwww\.[^\s)]+/g,
];

/** Splits text into [plain, protected, plain, ...]: odd indices are protected. */
function split(text: string): string[] {
  const ranges: [number, number][] = [];
  for (const pattern of PROTECTED) {
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from), text.slice(from, end));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

// "!" before "[" opens a Markdown image, not an exclamation.
const BEFORE_NARROW = / +([;?]|!(?!\[))/g;
const BEFORE_WIDE = / +([:%])/g;
const AFTER_OPENING = /« +/g;
const BEFORE_CLOSING = / +»/g;

function fixPlain(text: string): string {
  return text
    .replace(BEFORE_NARROW, `${NNBSP}$1`)
    .replace(BEFORE_WIDE, `${NBSP}$1`)
    .replace(AFTER_OPENING, `«${NBSP}`)
    .replace(BEFORE_CLOSING, `${NBSP}»`);
}

/** A French string with the non-breaking spaces French typography wants. */
export function fixFrenchText(text: string): string {
  return split(text)
    .map((part, i) => (i % 2 === 0 ? fixPlain(part) : part))
    .join('');
}

export interface TypographyIssue {
  /** 1-based line in the file. */
  line: number;
  excerpt: string;
}

/** Where `text` (a French string) has an ordinary space that French typography refuses. */
export function frenchTextIssues(text: string): string[] {
  const out: string[] = [];
  let offset = 0;
  for (const [i, part] of split(text).entries()) {
    if (i % 2 === 0) {
      for (const pattern of [BEFORE_NARROW, BEFORE_WIDE, AFTER_OPENING, BEFORE_CLOSING]) {
        for (const match of part.matchAll(pattern)) {
          const at = offset + match.index;
          out.push(text.slice(Math.max(0, at - 20), at + match[0].length + 10));
        }
      }
    }
    offset += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Files: Markdown (outside fenced blocks) and JSON (French values only)
// ---------------------------------------------------------------------------------------------

export function fixMarkdown(source: string): string {
  let fenced = false;
  return source
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return line;
      }
      return fenced ? line : fixFrenchText(line);
    })
    .join('\n');
}

/**
 * Rewrites the JSON text's French string values in place (formatting and keys untouched).
 * `french(path)` says whether the value at that path (keys and indices) is French.
 */
export function fixJson(source: string, french: (path: readonly (string | number)[]) => boolean): string {
  interface Frame {
    kind: 'object' | 'array';
    key: string | number;
    expectKey: boolean;
  }
  const stack: Frame[] = [];
  let out = '';
  let i = 0;
  const path = () => stack.map((f) => f.key);
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      const token = source.slice(i, j + 1);
      const value = JSON.parse(token) as string;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        top.key = value;
        top.expectKey = false;
        out += token;
      } else {
        const fixed = french(path()) ? fixFrenchText(value) : value;
        out += fixed === value ? token : JSON.stringify(fixed);
      }
      i = j + 1;
      continue;
    }
    if (ch === '{' || ch === '[')
      stack.push({ kind: ch === '{' ? 'object' : 'array', key: ch === '{' ? '' : 0, expectKey: ch === '{' });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.key = (top.key as number) + 1;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** Every string value of a JSON file with its path, for the checks. */
export function jsonStrings(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => jsonStrings(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonStrings(v, [...path, k]));
  return [];
}

export type FrenchFileKind = 'locale' | 'localized' | 'markdown';

export interface FrenchFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  kind: FrenchFileKind;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    })
    .sort();
}

const rel = (full: string) => relative(ROOT, full).split('\\').join('/');

/**
 * The kit's French text: every French locale file; scenarios, the library and the course and test
 * content data (their { fr, en } fields); every French Markdown file.
 */
export function frenchFiles(): FrenchFile[] {
  const files: FrenchFile[] = [];
  for (const full of walk(join(ROOT, 'src/i18n/locales/fr')))
    if (full.endsWith('.json')) files.push({ path: rel(full), kind: 'locale' });
  for (const full of [...walk(join(ROOT, 'scenarios')), ...walk(join(ROOT, 'src'))]) {
    const path = rel(full);
    if (path.endsWith('.schema.json') || path.startsWith('src/i18n/')) continue;
    if (path.endsWith('.json') && (path.startsWith('scenarios/') || path.includes('/content/')))
      files.push({ path, kind: 'localized' });
    else if (path.endsWith('.md') && /\/fr\//.test(path)) files.push({ path, kind: 'markdown' });
  }
  return files;
}

export function isPending(path: string): boolean {
  return TYPOGRAPHY_PENDING_AREAS.some((area) => path === area || (area.endsWith('/') && path.startsWith(area)));
}

/** A { fr, en } field's French side; a locale file is French throughout. */
export function frenchPath(kind: FrenchFileKind): (path: readonly (string | number)[]) => boolean {
  return kind === 'locale' ? () => true : (path) => path.at(-1) === 'fr';
}

/** The file's text with its French fixed. */
export function fixFile(file: FrenchFile, source: string): string {
  return file.kind === 'markdown' ? fixMarkdown(source) : fixJson(source, frenchPath(file.kind));
}

/** The ordinary spaces French typography refuses in a file, with their lines. */
export function fileIssues(file: FrenchFile, source = readFileSync(join(ROOT, file.path), 'utf8')): TypographyIssue[] {
  const issues: TypographyIssue[] = [];
  if (file.kind === 'markdown') {
    let fenced = false;
    source.split('\n').forEach((line, index) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      else if (!fenced) for (const excerpt of frenchTextIssues(line)) issues.push({ line: index + 1, excerpt });
    });
    return issues;
  }
  const isFrench = frenchPath(file.kind);
  const lines = source.split('\n');
  for (const { path, text } of jsonStrings(JSON.parse(source))) {
    if (!isFrench(path)) continue;
    for (const excerpt of frenchTextIssues(text)) {
      const encoded = JSON.stringify(text).slice(1, -1);
      const line = lines.findIndex((l) => l.includes(encoded)) + 1;
      issues.push({ line, excerpt });
    }
  }
  return issues;
}
