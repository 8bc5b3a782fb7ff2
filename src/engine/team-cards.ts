/**
 * What each team has started and built, read from the projects list: the
 * rules and the bots ask it many times per state. The list is never changed in
 * place (every change makes a new array), so its identity keys a one-entry
 * cache (the bots ask this many times of a state, then move on to the next);
 * a start, one project appended, renews only its owners' cards.
 *
 * A team's cards are flags by the card's slot in the scenario (lookup.ts): a
 * start copies a few bytes, where copying a Set was a tenth of a simulated
 * game's time.
 */
import { lookup, type ScenarioLookup } from './lookup.ts';
import type { Card, GameState, Project, Scenario } from './types.ts';

/** What these functions read of a state. */
type Projects = Pick<GameState, 'projects'>;

export class TeamCards {
  /** Cards open to the team, once asked: they change only with its started and built cards. */
  open: readonly Card[] | null = null;
  /** Distinct SSE actor types among its built cards, once asked (-1 before). */
  sseTypes = -1;

  constructor(
    private readonly index: ScenarioLookup,
    /** 1 at the slot of each card the team started, built or not. */
    readonly startedFlags: Uint8Array,
    readonly builtFlags: Uint8Array,
    /** Started cards, in the order the team started them. */
    readonly started: readonly string[],
    /** Built cards, in the order they were started (mitigation adds their shields in that order). */
    readonly built: readonly string[],
    /** The slots of `built`, in the same order (-1 for a card the scenario does not hold). */
    readonly builtSlots: readonly number[],
    /** Whether one of its built projects is a pooled one. */
    readonly pooledBuilt: boolean,
  ) {}

  hasStarted(card: string): boolean {
    const slot = this.index.slot.get(card);
    return slot !== undefined && this.startedFlags[slot] === 1;
  }

  hasBuilt(card: string): boolean {
    const slot = this.index.slot.get(card);
    return slot !== undefined && this.builtFlags[slot] === 1;
  }

  /** These cards with one more card started (not built): what was open stays open but that card and the cards it closes. */
  withStarted(card: string): TeamCards {
    const flags = this.startedFlags.slice();
    const slot = this.index.slot.get(card);
    if (slot !== undefined) flags[slot] = 1;
    const next = new TeamCards(
      this.index,
      flags,
      this.builtFlags,
      [...this.started, card],
      this.built,
      this.builtSlots,
      this.pooledBuilt,
    );
    // A card the scenario does not hold closes nothing (cardsOpenTo reads slots).
    if (this.open && slot === undefined) next.open = this.open;
    else if (this.open) {
      const open: Card[] = [];
      for (let i = 0; i < this.open.length; i += 1) {
        const c = this.open[i] as Card;
        if (c.id !== card && !c.excludes.includes(card)) open.push(c);
      }
      next.open = open;
    }
    next.sseTypes = this.sseTypes;
    return next;
  }
}

/** A team's started and built cards in this state's projects. */
export function cardsOfTeam(state: Projects, scenario: Scenario, team: string): TeamCards {
  const projects = state.projects;
  if (lastProjects !== projects || lastScenario !== scenario) {
    const index = lookup(scenario);
    lastCards =
      lastScenario === scenario && appendedTo(lastProjects, projects)
        ? afterStart(lastCards, projects)
        : readAll(projects, index);
    lastProjects = projects;
    lastScenario = scenario;
  }
  let cards = lastCards.get(team);
  if (!cards) {
    cards = readAll(projects, lookup(scenario), team).get(team) as TeamCards;
    lastCards.set(team, cards);
  }
  return cards;
}

let lastProjects: readonly Project[] | null = null;
let lastScenario: Scenario | null = null;
let lastCards = new Map<string, TeamCards>();

/** One team's cards as readAll gathers them. */
interface Reading {
  started: Uint8Array;
  built: Uint8Array;
  startedIds: string[];
  builtIds: string[];
  slots: number[];
  pooled: boolean;
}

/** Every owner's cards in one pass over the projects (or only `only`'s, which it holds even when empty). */
function readAll(projects: readonly Project[], index: ScenarioLookup, only?: string): Map<string, TeamCards> {
  const size = index.slot.size;
  const read = new Map<string, Reading>();
  const entry = (team: string) => {
    let e = read.get(team);
    if (!e) {
      e = { started: new Uint8Array(size), built: new Uint8Array(size), startedIds: [], builtIds: [], slots: [], pooled: false };
      read.set(team, e);
    }
    return e;
  };
  if (only !== undefined) entry(only);
  for (const p of projects) {
    const slot = index.slot.get(p.card);
    for (const owner of p.owners) {
      if (only !== undefined && owner !== only) continue;
      const e = entry(owner);
      e.startedIds.push(p.card);
      if (slot !== undefined) e.started[slot] = 1;
      if (!p.built) continue;
      e.builtIds.push(p.card);
      e.slots.push(slot ?? -1);
      if (p.pooled) e.pooled = true;
      if (slot !== undefined) e.built[slot] = 1;
    }
  }
  const out = new Map<string, TeamCards>();
  for (const [team, e] of read)
    out.set(team, new TeamCards(index, e.started, e.built, e.startedIds, e.builtIds, e.slots, e.pooled));
  return out;
}

/** True when `next` is `previous` with one project started at its end (the same objects before it). */
function appendedTo(previous: readonly Project[] | null, next: readonly Project[]): boolean {
  if (previous === null || next.length !== previous.length + 1) return false;
  for (let i = 0; i < previous.length; i += 1) if (next[i] !== previous[i]) return false;
  return true;
}

/** The known teams' cards after a start: only its owners' started cards change (a new project is not built yet). */
function afterStart(known: Map<string, TeamCards>, projects: readonly Project[]): Map<string, TeamCards> {
  const started = projects[projects.length - 1] as Project;
  const out = new Map<string, TeamCards>();
  for (const [team, cards] of known) {
    if (!started.owners.includes(team)) out.set(team, cards);
    else if (!started.built) out.set(team, cards.withStarted(started.card));
    // An owner of a project that came built is left out: asked again, it is read afresh.
  }
  return out;
}

/** Cards a team could start now, whatever its budget (the UI greys the ones it cannot afford). */
export function cardsOpenTo(state: Projects, scenario: Scenario, team: string): readonly Card[] {
  const cards = cardsOfTeam(state, scenario, team);
  if (cards.open) return cards.open;
  const { deck, deckSlots, excludeSlots, prerequisiteSlots } = lookup(scenario);
  const { startedFlags, builtFlags } = cards;
  const out: Card[] = [];
  for (let i = 0; i < deck.length; i += 1) {
    if (startedFlags[deckSlots[i] as number] === 1) continue;
    if (anyFlagged(excludeSlots[i] as number[], startedFlags) || !allFlagged(prerequisiteSlots[i] as number[], builtFlags))
      continue;
    out.push(deck[i] as Card);
  }
  cards.open = out;
  return out;
}

/** Some slot is flagged (-1, a card the scenario does not hold, never is). */
function anyFlagged(slots: readonly number[], flags: Uint8Array): boolean {
  for (const slot of slots) if (flags[slot] === 1) return true;
  return false;
}

function allFlagged(slots: readonly number[], flags: Uint8Array): boolean {
  for (const slot of slots) if (flags[slot] !== 1) return false;
  return true;
}

/** Distinct SSE actor types among the projects a team has built. */
export function sseActorTypesBuilt(state: Projects, scenario: Scenario, team: string): number {
  const cards = cardsOfTeam(state, scenario, team);
  if (cards.sseTypes < 0) {
    // Each SSE actor type is a bit (lookup.ts): the count of bits set is the count of types.
    const typeBits = lookup(scenario).sseTypeBit;
    let bits = 0;
    for (const slot of cards.builtSlots) if (slot >= 0) bits |= typeBits[slot] as number;
    let count = 0;
    for (; bits !== 0; bits &= bits - 1) count += 1;
    cards.sseTypes = count;
  }
  return cards.sseTypes;
}
