/**
 * Checks content beyond its shape: ids unique in their lists, references that
 * resolve, numbers that make sense. Pure: the caller reads the files.
 */
import { leverFits } from '../engine/lookup.ts';
import { type GuideIndex, guideRefExists } from '../guide/sections.ts';
import { type ContentIssue, fromZodIssues, jsonPath } from './issues.ts';
import { locateJsonError } from './json-error.ts';
import {
  type Card,
  ESSENTIAL_NEEDS,
  INDICATOR_IDS,
  type LibraryFile,
  librarySchema,
  type ScenarioFile,
  scenarioSchema,
} from './schema.ts';

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

  checkCommunes(s, add);
  checkCardRules(s, cards, deckCards, deckHazards, add);
  // A card that says it can be pooled must find a pooling lever of this scenario that funds it.
  const pooling = library.levers.filter((l) => l.kind === 'pooling' && leverSeen.has(l.id));
  s.deck.cards.forEach((id, i) => {
    const card = cards.get(id);
    if (!card?.poolable || pooling.length === 0) return;
    const type = actors.get(card.actor)?.type;
    if (!pooling.some((l) => leverFits(l, card, type)))
      add(
        ['deck', 'cards', i],
        `the card "${id}" can be pooled, but no pooling lever of this scenario funds it (${pooling.map((l) => `"${l.id}" needs one of the tags ${l.tagsAny.join(', ')}`).join('; ')})`,
      );
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

type Add = (path: (string | number)[], message: string) => void;

/** Every zone in exactly one commune; neighbours that exist and know each other. */
function checkCommunes(s: ScenarioFile, add: Add): void {
  const zones = new Set(s.territory.zones.map((z) => z.id));
  const owner = new Map<string, string>();
  const communes = new Map(s.territory.communes.map((c) => [c.id, c]));
  s.territory.communes.forEach((c, i) => {
    if (s.territory.communes.findIndex((o) => o.id === c.id) !== i)
      add(['territory', 'communes', i, 'id'], `the commune id "${c.id}" is used twice`);
    c.zones.forEach((z, j) => {
      const path = ['territory', 'communes', i, 'zones', j];
      if (!zones.has(z)) add(path, `no zone has the id "${z}"`);
      else if (owner.has(z)) add(path, `the zone "${z}" already belongs to the commune "${owner.get(z)}"`);
      else owner.set(z, c.id);
    });
    c.neighbours.forEach((n, j) => {
      const path = ['territory', 'communes', i, 'neighbours', j];
      if (n === c.id) add(path, 'a commune is not its own neighbour');
      else if (!communes.has(n)) add(path, `no commune has the id "${n}"`);
      else if (!communes.get(n)?.neighbours.includes(c.id)) add(path, `"${n}" does not list "${c.id}" as a neighbour`);
    });
  });
  s.territory.zones.forEach((z, i) => {
    if (!owner.has(z.id)) add(['territory', 'zones', i, 'id'], `the zone "${z.id}" belongs to no commune`);
  });
}

const ESSENTIAL = new Set<string>(ESSENTIAL_NEEDS);

/**
 * Honest protection and a scenario's lessons: its own cards protect only
 * against hazards its deck can draw; exclusions go both ways; the deck holds a
 * trap and a dilemma between two essential needs.
 */
function checkCardRules(
  s: ScenarioFile,
  cards: Map<string, Card>,
  deckCards: Set<string>,
  deckHazards: Set<string>,
  add: Add,
): void {
  s.cards.forEach((card, i) => {
    card.mitigates.forEach((m, j) => {
      if (!deckHazards.has(m.hazard))
        add(
          ['cards', i, 'mitigates', j, 'hazard'],
          `the hazard "${m.hazard}" is not in this scenario's deck: the card would promise a protection that never plays`,
        );
    });
    card.aggravates.forEach((m, j) => {
      if (!deckHazards.has(m.hazard))
        add(['cards', i, 'aggravates', j, 'hazard'], `the hazard "${m.hazard}" is not in this scenario's deck`);
    });
  });
  let traps = 0;
  let dilemmas = 0;
  s.deck.cards.forEach((id, i) => {
    const card = cards.get(id);
    if (!card) return;
    for (const other of card.excludes) {
      if (!deckCards.has(other)) add(['deck', 'cards', i], `the card "${id}" excludes "${other}", which is not in the deck`);
      else if (!cards.get(other)?.excludes.includes(id))
        add(['deck', 'cards', i], `the card "${id}" excludes "${other}", but "${other}" does not exclude it`);
    }
    if (card.lesson === 'trap') {
      const harms = card.aggravates.length > 0 || Object.entries(card.effects).some(([k, v]) => ESSENTIAL.has(k) && (v ?? 0) < 0);
      if (harms) traps += 1;
      else add(['deck', 'cards', i], `the trap "${id}" neither aggravates a hazard nor lowers an essential need`);
    }
    if (card.lesson === 'dilemma') {
      const rival = card.excludes.map((o) => cards.get(o)).find((o) => o?.lesson === 'dilemma');
      const need = mainNeed(card);
      if (rival && need && mainNeed(rival) && need !== mainNeed(rival)) dilemmas += 1;
      else
        add(
          ['deck', 'cards', i],
          `the dilemma "${id}" needs a rival dilemma card it excludes, each serving a different essential need first`,
        );
    }
  });
  if (traps === 0) add(['deck', 'cards'], 'the deck has no trap card (a card with "lesson": "trap")');
  if (dilemmas === 0) add(['deck', 'cards'], 'the deck has no dilemma (two "lesson": "dilemma" cards that exclude each other)');
}

/** The essential need a card raises most. */
function mainNeed(card: Card): string | undefined {
  let top: string | undefined;
  let best = 0;
  for (const [k, v] of Object.entries(card.effects)) {
    if (ESSENTIAL.has(k) && (v ?? 0) > best) {
      best = v ?? 0;
      top = k;
    }
  }
  return top;
}

/** Deck cards found in no other scenario's deck: a scenario's identity. */
export const MIN_EXCLUSIVE_CARDS = 8;

export function exclusiveCards(scenarios: readonly ScenarioFile[]): Map<string, string[]> {
  const count = new Map<string, number>();
  for (const s of scenarios) for (const id of new Set(s.deck.cards)) count.set(id, (count.get(id) ?? 0) + 1);
  return new Map(scenarios.map((s) => [s.id, s.deck.cards.filter((id) => count.get(id) === 1)]));
}
