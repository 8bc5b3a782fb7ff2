/**
 * The group diagnosis: several respondents' attempts merged into one result. Pure functions; the rule is
 * documented in the README ("Group diagnosis"). Per dimension: each respondent's score, the lowest and
 * highest, their spread and the mean of the scored ones. Per question: the levels given; the questions
 * "to discuss" are those whose levels differ by at least TO_DISCUSS_MIN_GAP, largest gap first (ties in
 * content order), at most MAX_TO_DISCUSS. Respondents of different kinds (commune, EPCI, association) may
 * have been asked different questions: a question not asked of one is left out for it, never a disagreement.
 */
import { type Answer, type Assessment, isAskedOf } from './content.ts';
import { scoreDimensions } from './scoring.ts';
import type { Attempt } from './storage.ts';

export const MIN_GROUP = 2;
export const MAX_GROUP = 12;
/** Levels run 0..3: a gap of 2 is "nothing in place" against "organised", worth a conversation. */
export const TO_DISCUSS_MIN_GAP = 2;
export const MAX_TO_DISCUSS = 8;

export interface GroupDimension {
  dimension: string;
  /** One per attempt, in the group's order; null when that attempt has no score there. */
  scores: (number | null)[];
  /** Lowest and highest score given, null with no scored attempt. */
  min: number | null;
  max: number | null;
  /** max - min, null with fewer than two scored attempts. */
  spread: number | null;
  /** Rounded mean of the scores given (halves up), null with none. */
  mean: number | null;
}

export interface GroupQuestion {
  question: string;
  dimension: string;
  /** One per attempt: the answer given, or null when skipped or not asked. */
  answers: (Answer | null)[];
  /** One per attempt: false when the question is not put to that attempt's respondent. */
  asked: boolean[];
  /** Highest level minus lowest level among the levels given by those asked; null with fewer than two levels. */
  gap: number | null;
}

export interface GroupResult {
  attempts: Attempt[];
  dimensions: GroupDimension[];
  questions: GroupQuestion[];
  /** The questions to talk over first. */
  toDiscuss: GroupQuestion[];
}

function range(values: number[]): { min: number | null; max: number | null } {
  return values.length === 0 ? { min: null, max: null } : { min: Math.min(...values), max: Math.max(...values) };
}

export function groupResult(content: Assessment, attempts: readonly Attempt[]): GroupResult {
  const perAttempt = attempts.map((a) => scoreDimensions(content, a.answers, a.respondent));
  const dimensions = content.dimensions.map((d, i) => {
    const scores = perAttempt.map((results) => results[i]?.score ?? null);
    const given = scores.filter((s): s is number => s !== null);
    const { min, max } = range(given);
    return {
      dimension: d.id,
      scores,
      min,
      max,
      spread: given.length >= 2 && min !== null && max !== null ? max - min : null,
      mean: given.length === 0 ? null : Math.round(given.reduce((x, y) => x + y, 0) / given.length),
    };
  });
  const questions = content.questions.map((q) => {
    const asked = attempts.map((a) => isAskedOf(q, a.respondent));
    const answers = attempts.map((a, i) => (asked[i] ? (a.answers[q.id] ?? null) : null));
    const levels = answers.filter((x): x is 0 | 1 | 2 | 3 => typeof x === 'number');
    const { min, max } = range(levels);
    return {
      question: q.id,
      dimension: q.dimension,
      answers,
      asked,
      gap: levels.length >= 2 && min !== null && max !== null ? max - min : null,
    };
  });
  const toDiscuss = questions
    .filter((q) => q.gap !== null && q.gap >= TO_DISCUSS_MIN_GAP)
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0))
    .slice(0, MAX_TO_DISCUSS);
  return { attempts: [...attempts], dimensions, questions, toDiscuss };
}

/** The ids of a group address (#/test/group?ids=a,b,c): known format, no repeats, at most MAX_GROUP. */
export function parseGroupIds(raw: string | null): string[] {
  if (!raw) return [];
  const ids = raw.split(',').filter((id) => /^[a-z0-9-]{1,64}$/.test(id));
  return [...new Set(ids)].slice(0, MAX_GROUP);
}

export function groupHref(ids: readonly string[]): string {
  return `#/test/group?ids=${ids.join(',')}`;
}
