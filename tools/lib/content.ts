/** Reads the kit's content from disk for the command-line tools. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ContentIssue } from '../../src/content/issues.ts';
import { mergeLibraries, resolveScenario } from '../../src/content/resolve.ts';
import type { LibraryFile } from '../../src/content/schema.ts';
import {
  checkLibrary,
  checkLibraryReferences,
  checkScenario,
  MAX_CONTENT_BYTES,
  type Parsed,
  parseJsonText,
} from '../../src/content/validate.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { buildGuideIndex, type GuideIndex } from '../../src/guide/sections.ts';

export const SCENARIO_DIR = 'scenarios';
export const LIBRARY_DIR = join(SCENARIO_DIR, 'library');
export const GUIDE_DIR = join('src', 'guide', 'content');

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

export function libraryFiles(): string[] {
  return readdirSync(LIBRARY_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => join(LIBRARY_DIR, f));
}

/** Reads a file as text, explaining why it cannot be read. */
export function readText(file: string): Parsed<string> {
  try {
    if (!existsSync(file)) return { ok: false, issues: [{ path: '$', message: 'the file does not exist' }] };
    const stat = statSync(file);
    if (stat.isDirectory()) return { ok: false, issues: [{ path: '$', message: 'this is a folder, not a file' }] };
    if (stat.size > MAX_CONTENT_BYTES) {
      return {
        ok: false,
        issues: [
          {
            path: '$',
            message: `the file is too large (${Math.round(stat.size / 1000)} kB; the limit is ${MAX_CONTENT_BYTES / 1000} kB)`,
          },
        ],
      };
    }
    return { ok: true, value: readFileSync(file, 'utf8') };
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: '$', message: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }],
    };
  }
}

export function readJson(file: string): Parsed<unknown> {
  const text = readText(file);
  return text.ok ? parseJsonText(text.value) : text;
}

/** Section ids present in BOTH languages of each guide page: a link must hold in French and English. */
export function loadGuideIndex(): GuideIndex {
  const pages = (lang: string) => {
    const dir = join(GUIDE_DIR, lang);
    if (!existsSync(dir)) return {};
    return Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => [basename(f, '.md'), readFileSync(join(dir, f), 'utf8')]),
    );
  };
  const fr = buildGuideIndex(pages('fr'));
  const en = buildGuideIndex(pages('en'));
  const both: GuideIndex = new Map();
  for (const [chapter, sections] of fr) {
    const other = en.get(chapter);
    if (other) both.set(chapter, new Set([...sections].filter((s) => other.has(s))));
  }
  return both;
}

export interface LibraryLoad {
  library: LibraryFile;
  issues: Map<string, ContentIssue[]>;
}

export function loadLibrary(guide?: GuideIndex): LibraryLoad {
  const issues = new Map<string, ContentIssue[]>();
  const files: LibraryFile[] = [];
  for (const file of libraryFiles()) {
    const json = readJson(file);
    const checked = json.ok ? checkLibrary(json.value, guide) : json;
    if (checked.ok) files.push(checked.value);
    else issues.set(file, checked.issues);
  }
  const library = mergeLibraries(files);
  const refs = checkLibraryReferences(library);
  if (refs.length > 0) issues.set(LIBRARY_DIR, refs);
  return { library, issues };
}

/** Loads and resolves every valid scenario; throws with a plain message if one is broken. */
export function loadScenarios(): Map<string, Scenario> {
  const guide = loadGuideIndex();
  const { library, issues } = loadLibrary(guide);
  if (issues.size > 0) throw new Error(`the shared library has errors: run npm run validate`);
  const out = new Map<string, Scenario>();
  for (const file of scenarioFiles()) {
    const json = readJson(file);
    const checked = json.ok ? checkScenario(json.value, { library, guide, expectedId: basename(file, '.json') }) : json;
    if (!checked.ok) throw new Error(`${file} has errors: run npm run validate -- ${file}`);
    out.set(checked.value.id, resolveScenario(checked.value, library));
  }
  return out;
}
