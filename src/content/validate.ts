/**
 * Checks content beyond its shape: ids unique in their lists, references that
 * resolve, numbers that make sense. Pure: the caller reads the files.
 */
import { type GuideIndex, guideRefExists } from '../guide/sections.ts';
import { type ContentIssue, fromZodIssues, jsonPath } from './issues.ts';
import { locateJsonError } from './json-error.ts';
import { INDICATOR_IDS, type LibraryFile, librarySchema, type ScenarioFile, scenarioSchema } from './schema.ts';

export const MAX_CONTENT_BYTES = 2_000_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ContentIssue[] };

/** Parses the text of a JSON file, explaining an empty, oversized or broken file. */
export function parseJsonText(text: string): Parsed<unknown> {
  if (text.length > MAX_CONTENT_BYTES) {
    return {
      ok: false,
      issues: [
        {
          path: '$',
          message: `the file is too large (${Math.round(text.length / 1000)} kB; the limit is ${MAX_CONTENT_BYTES / 1000} kB)`,
        },
      ],
    };
  }
  if (text.trim() === '') return { ok: false, issues: [{ path: '$', message: 'the file is empty' }] };
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    const where = locateJsonError(text.replace(/^\uFEFF/, ''));
    const message = where
      ? `the file is not valid JSON at line ${where.line}, column ${where.column} (expected ${where.expected})`
      : 'the file is not valid JSON';
    return { ok: false, issues: [{ path: '$', message }] };
  }
}

function duplicates(
  list: readonly { id: string }[] | undefined,
  path: (string | number)[],
  issues: ContentIssue[],
  what: string,
): void {
  const seen = new Set<string>();
  list?.forEach((item, i) => {
    if (seen.has(item.id))
      issues.push({ path: jsonPath([...path, i, 'id']), message: `the ${what} id "${item.id}" is used twice in this list` });
    seen.add(item.id);
  });
}

function checkGuide(ref: string, path: (string | number)[], guide: GuideIndex | undefined, issues: ContentIssue[]): void {
  if (guide && !guideRefExists(guide, ref)) {
    issues.push({ path: jsonPath(path), message: `the guide has no section "${ref}"` });
  }
}

export function checkLibrary(value: unknown, guide?: GuideIndex): Parsed<LibraryFile> {
  const parsed = librarySchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const lib = parsed.data;
  const issues: ContentIssue[] = [];
  duplicates(lib.actors, ['actors'], issues, 'actor');
  duplicates(lib.cards, ['cards'], issues, 'card');
  duplicates(lib.hazards, ['hazards'], issues, 'hazard');
  duplicates(lib.levers, ['levers'], issues, 'lever');
  for (const [i, c] of lib.cards.entries()) checkGuide(c.guide, ['cards', i, 'guide'], guide, issues);
  for (const [i, h] of lib.hazards.entries()) checkGuide(h.guide, ['hazards', i, 'guide'], guide, issues);
  for (const [i, l] of lib.levers.entries()) checkGuide(l.guide, ['levers', i, 'guide'], guide, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: lib };
}

/** Cross-references a library's cards once every library file is merged. */
export function checkLibraryReferences(lib: LibraryFile): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const actors = new Set(lib.actors.map((a) => a.id));
  const hazards = new Set(lib.hazards.map((h) => h.id));
  const cards = new Set(lib.cards.map((c) => c.id));
  lib.cards.forEach((card, i) => {
    if (!actors.has(card.actor))
      issues.push({ path: jsonPath(['cards', i, 'actor']), message: `no actor has the id "${card.actor}"` });
    card.mitigates.forEach((m, j) => {
      if (!hazards.has(m.hazard))
        issues.push({ path: jsonPath(['cards', i, 'mitigates', j, 'hazard']), message: `no hazard has the id "${m.hazard}"` });
    });
    card.prerequisites.forEach((p, j) => {
      if (!cards.has(p)) issues.push({ path: jsonPath(['cards', i, 'prerequisites', j]), message: `no card has the id "${p}"` });
    });
  });
  return issues;
}

export interface ScenarioContext {
  library: LibraryFile;
  guide?: GuideIndex;
  /** The id the file name promises (scenarios/<id>.json). */
  expectedId?: string;
}

export function checkScenario(value: unknown, context: ScenarioContext): Parsed<ScenarioFile> {
  const parsed = scenarioSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const s = parsed.data;
  const { library, guide } = context;
  const issues: ContentIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path: jsonPath(path), message });

  if (context.expectedId && s.id !== context.expectedId) {
    add(['id'], `the id "${s.id}" does not match the file name (expected "${context.expectedId}")`);
  }
  duplicates(s.actors, ['actors'], issues, 'actor');
  duplicates(s.cards, ['cards'], issues, 'card');
  duplicates(s.hazards, ['hazards'], issues, 'hazard');
  duplicates(s.debrief, ['debrief'], issues, 'debrief');
  duplicates(s.territory.zones, ['territory', 'zones'], issues, 'zone');
  duplicates(s.territory.features, ['territory', 'features'], issues, 'feature');

  const libIds = {
    actors: new Set(library.actors.map((a) => a.id)),
    cards: new Set(library.cards.map((c) => c.id)),
    hazards: new Set(library.hazards.map((h) => h.id)),
  };
  for (const kind of ['actors', 'cards', 'hazards'] as const) {
    s[kind].forEach((item, i) => {
      if (libIds[kind].has(item.id)) add([kind, i, 'id'], `the id "${item.id}" is already in the shared library; choose another`);
    });
  }

  const declared = new Set(s.indicators.map((i) => i.id));
  s.indicators.forEach((ind, i) => {
    if (s.indicators.findIndex((o) => o.id === ind.id) !== i)
      add(['indicators', i, 'id'], `the indicator "${ind.id}" is listed twice`);
  });
  for (const id of INDICATOR_IDS)
    if (!declared.has(id)) add(['indicators'], `the indicator "${id}" is missing (every scenario uses all eight)`);

  const actors = new Map([...library.actors, ...s.actors].map((a) => [a.id, a]));
  const cards = new Map([...library.cards, ...s.cards].map((c) => [c.id, c]));
  const hazards = new Map([...library.hazards, ...s.hazards].map((h) => [h.id, h]));
  const levers = new Set(library.levers.map((l) => l.id));

  s.cards.forEach((card, i) => {
    if (!actors.has(card.actor)) add(['cards', i, 'actor'], `no actor has the id "${card.actor}"`);
    card.mitigates.forEach((m, j) => {
      if (!hazards.has(m.hazard)) add(['cards', i, 'mitigates', j, 'hazard'], `no hazard has the id "${m.hazard}"`);
    });
    checkGuide(card.guide, ['cards', i, 'guide'], guide, issues);
  });
  for (const [i, h] of s.hazards.entries()) checkGuide(h.guide, ['hazards', i, 'guide'], guide, issues);

  const deckCards = new Set<string>();
  s.deck.cards.forEach((id, i) => {
    if (deckCards.has(id)) add(['deck', 'cards', i], `the card "${id}" is in the deck twice`);
    deckCards.add(id);
    if (!cards.has(id)) add(['deck', 'cards', i], `no card has the id "${id}"`);
  });
  s.deck.cards.forEach((id, i) => {
    for (const pre of cards.get(id)?.prerequisites ?? []) {
      if (!deckCards.has(pre)) add(['deck', 'cards', i], `the card "${id}" needs "${pre}", which is not in the deck`);
    }
  });
  const deckHazards = new Set<string>();
  s.deck.hazards.forEach((h, i) => {
    if (deckHazards.has(h.hazard)) add(['deck', 'hazards', i, 'hazard'], `the hazard "${h.hazard}" is in the deck twice`);
    deckHazards.add(h.hazard);
    if (!hazards.has(h.hazard)) add(['deck', 'hazards', i, 'hazard'], `no hazard has the id "${h.hazard}"`);
  });
  const leverSeen = new Set<string>();
  s.funding.levers.forEach((l, i) => {
    if (leverSeen.has(l.lever)) add(['funding', 'levers', i, 'lever'], `the lever "${l.lever}" is listed twice`);
    leverSeen.add(l.lever);
    if (!levers.has(l.lever)) add(['funding', 'levers', i, 'lever'], `no lever has the id "${l.lever}"`);
  });
  s.debrief.forEach((entry, i) => {
    const when = entry.when;
    if (when.type === 'hazard-struck' && !deckHazards.has(when.hazard)) {
      add(['debrief', i, 'when', 'hazard'], `the hazard "${when.hazard}" is not in this scenario's deck`);
    }
    if (when.type === 'card-built' && !deckCards.has(when.card)) {
      add(['debrief', i, 'when', 'card'], `the card "${when.card}" is not in this scenario's deck`);
    }
    checkGuide(entry.guide, ['debrief', i, 'guide'], guide, issues);
  });

  const { width, height } = s.territory;
  const outside = (pts: [number, number][]) => pts.some(([x, y]) => x > width || y > height);
  s.territory.zones.forEach((z, i) => {
    if (outside(z.polygon)) add(['territory', 'zones', i, 'polygon'], `a point lies outside the ${width} × ${height} map`);
  });
  s.territory.features.forEach((f, i) => {
    if (outside(f.points)) add(['territory', 'features', i, 'points'], `a point lies outside the ${width} × ${height} map`);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: s };
}
