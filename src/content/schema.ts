/**
 * One source of truth for the scenario format: zod schemas here give both the
 * TypeScript types (z.infer) and the JSON Schema files authors use in their
 * editor (exported by tools/export-schema.ts).
 */
import { z } from 'zod';

export const INDICATOR_IDS = ['breathe', 'drink', 'eat', 'move', 'live', 'cohesion', 'jobs', 'cooperation'] as const;
export const ESSENTIAL_NEEDS = ['breathe', 'drink', 'eat', 'move', 'live'] as const;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens, such as "producer-shop"');

/** Every player-facing string exists in French and English. */
export const localized = z.strictObject({
  fr: z.string().trim().min(1, 'the French text is empty'),
  en: z.string().trim().min(1, 'the English text is empty'),
});

/** "chapter" or "chapter#section" in the practical guide. */
export const guideRef = z.string().regex(/^[a-z0-9-]+(#[a-z0-9-]+)?$/, 'a guide reference is "chapter" or "chapter#section"');

const indicatorId = z.enum(INDICATOR_IDS);
const delta = z.number().int().min(-40).max(40);
const effects = z.partialRecord(indicatorId, delta);

export const ACTOR_TYPES = [
  'association',
  'cooperative',
  'scic',
  'ptce',
  'tzcld',
  'cress',
  'social-enterprise',
  'local-authority',
] as const;

export const actorSchema = z.strictObject({
  id,
  name: localized,
  type: z.enum(ACTOR_TYPES),
  description: localized,
});

export const ZONE_KINDS = [
  'town',
  'village',
  'farmland',
  'forest',
  'coast',
  'estuary',
  'industrial',
  'wetland',
  'vineyard',
] as const;

export const CARD_TAGS = [
  'services-access',
  'ecological-transition',
  'solidarity-citizenship',
  'public-works',
  'shared',
] as const;

export const cardSchema = z.strictObject({
  id,
  title: localized,
  description: localized,
  actor: id,
  cost: z.number().int().min(1).max(500),
  duration: z.number().int().min(1).max(4),
  prerequisites: z.array(id).max(4).default([]),
  needsEngineering: z.boolean().default(false),
  poolable: z.boolean().default(false),
  /** Engineering days the project takes from the Department's pool when it uses departmental engineering. */
  engineeringDays: z.number().int().min(1).max(5).default(1),
  /** Partners a project needs at least (a PTCE gathers several actors). */
  minPartners: z.number().int().min(0).max(5).default(0),
  /** The proposer needs a diverse SSE ecosystem first (distinct SSE actor types among its built projects). */
  needsEcosystem: z.boolean().default(false),
  /** Cards a commune can no longer start once it has started this one: a dilemma between two needs. */
  excludes: z.array(id).max(3).default([]),
  /** What the card teaches: a trap (tempting, but it weakens the territory) or one side of a dilemma. */
  lesson: z.enum(['trap', 'dilemma']).optional(),
  tags: z.array(z.enum(CARD_TAGS)).default([]),
  effects,
  /** Share of a hazard's impact the built project removes, for exactly these hazards. */
  mitigates: z.array(z.strictObject({ hazard: id, share: z.number().min(0.05).max(0.8) })).default([]),
  /** Share a hazard's impact grows by once the project is built (maladaptation). */
  aggravates: z.array(z.strictObject({ hazard: id, share: z.number().min(0.05).max(1) })).default([]),
  source: localized.optional(),
  guide: guideRef,
});

export const HAZARD_KINDS = [
  'heat',
  'drought',
  'fire',
  'flood',
  'storm',
  'erosion',
  'closure',
  'energy',
  'service-loss',
  'pandemic',
  'supply',
] as const;

export const hazardSchema = z.strictObject({
  id,
  name: localized,
  description: localized,
  kind: z.enum(HAZARD_KINDS),
  impacts: z.partialRecord(indicatorId, z.number().int().min(-40).max(0)),
  /** Zones it strikes head-on, by kind (empty: the whole territory). */
  zoneKinds: z.array(z.enum(ZONE_KINDS)).default([]),
  /** Part of its impact that spills over to the neighbours of a commune it strikes. */
  spill: z.number().min(0).max(1).default(0),
  guide: guideRef,
});

export const LEVER_KINDS = [
  'solidarity-territory-contract',
  'call-for-projects',
  'departmental-engineering',
  'integration-clause',
  'pooling',
] as const;

export const leverSchema = z.strictObject({
  id,
  kind: z.enum(LEVER_KINDS),
  name: localized,
  description: localized,
  /** Part of a card's cost this lever pays (0 for levers that give no money). */
  share: z.number().min(0).max(0.8),
  /** The lever applies to a card carrying one of these tags (empty: any tag). */
  tagsAny: z.array(z.enum(CARD_TAGS)).default([]),
  /** The lever applies to a card carried by one of these actor types (empty: any). */
  actorTypes: z.array(z.enum(ACTOR_TYPES)).default([]),
  /** Rounds taken off a project's duration (departmental engineering). */
  durationReduction: z.number().int().min(0).max(2).default(0),
  /** Extra effects when the project is built with this lever (integration clauses). */
  bonus: effects.default({}),
  guide: guideRef,
});

const point = z.tuple([z.number().min(0).max(1000), z.number().min(0).max(1000)]);

export const FEATURE_KINDS = ['river', 'road', 'rail', 'coastline', 'dune'] as const;

export const territorySchema = z.strictObject({
  name: localized,
  width: z.number().int().min(100).max(1000),
  height: z.number().int().min(100).max(1000),
  zones: z
    .array(
      z.strictObject({
        id,
        name: localized,
        kind: z.enum(ZONE_KINDS),
        population: z.number().int().min(0).max(200000).default(0),
        polygon: z.array(point).min(3).max(40),
      }),
    )
    .min(2)
    .max(20),
  features: z
    .array(z.strictObject({ id, kind: z.enum(FEATURE_KINDS), points: z.array(point).min(2).max(60) }))
    .max(20)
    .default([]),
  /** The communes of the territory, one per team: each holds zones and borders its neighbours. */
  communes: z
    .array(
      z.strictObject({
        id,
        name: localized,
        zones: z.array(id).min(1).max(6),
        neighbours: z.array(id).min(1).max(5),
      }),
    )
    .length(6),
});

export const debriefCondition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('always') }),
  z.strictObject({ type: z.literal('indicator-below'), indicator: indicatorId, value: z.number().min(0).max(100) }),
  z.strictObject({ type: z.literal('indicator-above'), indicator: indicatorId, value: z.number().min(0).max(100) }),
  z.strictObject({ type: z.literal('hazard-struck'), hazard: id }),
  z.strictObject({ type: z.literal('card-built'), card: id }),
  z.strictObject({ type: z.literal('pooled-project') }),
  z.strictObject({ type: z.literal('no-pooled-project') }),
]);

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  title: localized,
  summary: localized,
  description: localized,
  territory: territorySchema,
  indicators: z.array(z.strictObject({ id: indicatorId, start: z.number().int().min(5).max(95) })).min(3),
  /** Pressure each round before any hazard: the trend the players must bend. */
  pressures: z.partialRecord(indicatorId, z.number().int().min(-10).max(5)).default({}),
  funding: z.strictObject({
    startBudget: z.number().int().min(0).max(2000),
    incomePerRound: z.number().int().min(0).max(500),
    /**
     * The Department's envelope for each lever per round, in k€, shared by every
     * commune of the table (it grows by half for each commune beyond the first).
     */
    levers: z.array(z.strictObject({ lever: id, capPerRound: z.number().int().min(0).max(1000) })).min(1),
    /** Days of departmental engineering per round, shared the same way. */
    engineeringDaysPerRound: z.number().int().min(0).max(30),
  }),
  actors: z.array(actorSchema).default([]),
  cards: z.array(cardSchema).default([]),
  hazards: z.array(hazardSchema).default([]),
  deck: z.strictObject({
    cards: z.array(id).min(18),
    hazards: z.array(z.strictObject({ hazard: id, weight: z.number().int().min(1).max(10) })).min(8),
  }),
  rounds: z.number().int().min(3).max(12),
  endConditions: z.strictObject({
    /** Overall resilience a team must reach at the end to succeed. */
    targetResilience: z.number().int().min(10).max(95),
    /** An essential need at or below this value puts a commune in collapse, until every need is above it again. */
    collapseAt: z.number().int().min(0).max(30),
  }),
  debrief: z.array(z.strictObject({ id, when: debriefCondition, text: localized, guide: guideRef })).min(3),
});

export const librarySchema = z.strictObject({
  $schema: z.string().optional(),
  actors: z.array(actorSchema).default([]),
  cards: z.array(cardSchema).default([]),
  hazards: z.array(hazardSchema).default([]),
  levers: z.array(leverSchema).default([]),
});

export type Localized = z.infer<typeof localized>;
export type IndicatorId = (typeof INDICATOR_IDS)[number];
export type Actor = z.infer<typeof actorSchema>;
export type Card = z.infer<typeof cardSchema>;
export type Hazard = z.infer<typeof hazardSchema>;
export type Lever = z.infer<typeof leverSchema>;
export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type LibraryFile = z.infer<typeof librarySchema>;
export type DebriefEntry = ScenarioFile['debrief'][number];
