/** Turns a scenario file and the shared library into what the engine plays. */
import type { Scenario, ScenarioLever } from '../engine/types.ts';
import { type Card, INDICATOR_IDS, type IndicatorId, type LibraryFile, type ScenarioFile } from './schema.ts';

export function mergeLibraries(files: LibraryFile[]): LibraryFile {
  return {
    actors: files.flatMap((f) => f.actors),
    cards: files.flatMap((f) => f.cards),
    hazards: files.flatMap((f) => f.hazards),
    levers: files.flatMap((f) => f.levers),
  };
}

function byId<T extends { id: string }>(...lists: T[][]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const list of lists) for (const item of list) out[item.id] = item;
  return out;
}

/**
 * A library card serves several scenarios: in each, it shows and applies only
 * its protections against hazards that scenario's deck can draw.
 */
function honestCards(cards: Record<string, Card>, deckHazards: ReadonlySet<string>): Record<string, Card> {
  const out: Record<string, Card> = {};
  for (const id in cards) {
    const card = cards[id] as Card;
    // Every field, the optional ones too, in the schema's order: all cards share one shape (the bots read
    // them at every move) and JSON.stringify, which leaves undefined out, writes them as the file did.
    out[id] = {
      id: card.id,
      title: card.title,
      description: card.description,
      actor: card.actor,
      cost: card.cost,
      duration: card.duration,
      prerequisites: card.prerequisites,
      needsEngineering: card.needsEngineering,
      poolable: card.poolable,
      engineeringDays: card.engineeringDays,
      minPartners: card.minPartners,
      needsEcosystem: card.needsEcosystem,
      excludes: card.excludes,
      lesson: card.lesson,
      tags: card.tags,
      effects: card.effects,
      mitigates: card.mitigates.filter((m) => deckHazards.has(m.hazard)),
      aggravates: card.aggravates.filter((m) => deckHazards.has(m.hazard)),
      source: card.source,
      guide: card.guide,
    } satisfies { [K in keyof Required<Card>]: Card[K] };
  }
  return out;
}

export function resolveScenario(file: ScenarioFile, library: LibraryFile): Scenario {
  const deckHazards = new Set(file.deck.hazards.map((h) => h.hazard));
  const start = Object.fromEntries(INDICATOR_IDS.map((id) => [id, 50])) as Record<IndicatorId, number>;
  for (const ind of file.indicators) start[ind.id] = ind.start;
  const levers: ScenarioLever[] = [];
  for (const entry of file.funding.levers) {
    const lever = library.levers.find((l) => l.id === entry.lever);
    if (lever) levers.push({ ...lever, capPerRound: entry.capPerRound });
  }
  return {
    id: file.id,
    title: file.title,
    summary: file.summary,
    description: file.description,
    territory: file.territory,
    indicatorIds: file.indicators.map((i) => i.id),
    start,
    pressures: file.pressures,
    startBudget: file.funding.startBudget,
    incomePerRound: file.funding.incomePerRound,
    levers,
    engineeringDaysPerRound: file.funding.engineeringDaysPerRound,
    // Scenario-specific entries come last so they win over the library.
    actors: byId(library.actors, file.actors),
    cards: honestCards(byId(library.cards, file.cards), deckHazards),
    hazards: byId(library.hazards, file.hazards),
    deckCards: [...file.deck.cards],
    deckHazards: file.deck.hazards.map((h) => ({ ...h })),
    rounds: file.rounds,
    targetResilience: file.endConditions.targetResilience,
    collapseAt: file.endConditions.collapseAt,
    debrief: file.debrief,
  };
}
