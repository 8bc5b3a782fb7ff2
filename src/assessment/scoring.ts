/**
 * Scoring of the self-assessment: pure functions over the content and the
 * answers. The formula is documented in the README ("Self-assessment
 * scoring"); the e2e test recomputes it independently.
 */
import { courseHref, guideHref, scenarioHref } from '../guide/links.ts';
import { type Answers, type Assessment, type Band, isAskedOf, type Recommendation, type Respondent } from './content.ts';

export const MAX_LEVEL = 3;
/** A dimension needs at least half of its questions answered with a level to get a score. */
export const MIN_COVERAGE = 0.5;
export const MAX_PER_DIMENSION = 2;
export const MAX_RECOMMENDATIONS = 6;
export const MIN_RECOMMENDATIONS = 3;
/** An overall score needs this many scored dimensions: a mean of one or two says little of a territory. */
export const MIN_SCORED_FOR_OVERALL = 3;
/** A dimension calls for finding out when at least this many of its answers are "don't know"... */
export const FIND_OUT_MIN_UNKNOWN = 2;
/** ...and they are at least this share of its questions. */
export const FIND_OUT_SHARE = 1 / 3;

export interface DimensionResult {
  dimension: string;
  /** The questions asked of the respondent: the dimension's questions but those skipped for it. */
  questions: number;
  /** Not asked of this respondent: neither "don't know" nor unanswered, out of every count. */
  notAsked: number;
  /** Answered with a level 0..3. */
  answered: number;
  /** Answered "don't know": counted, never in the mean. */
  unknown: number;
  /** Not answered at all (skipped). */
  unanswered: number;
  /** answered / questions asked, 0..1. */
  coverage: number;
  /** 0..100, or null when fewer than half of the questions asked are answered with a level. */
  score: number | null;
  /** Band id, null when the score is null. */
  band: string | null;
}

export interface Profile {
  /** Rounded mean of the dimension scores that are not null; null with fewer than MIN_SCORED_FOR_OVERALL of them. */
  score: number | null;
  band: string | null;
  /** How many dimensions have a score. */
  scored: number;
  /** Lowest and highest scored dimensions; a tie goes to the first in content order. */
  weakest: string;
  strongest: string;
}

export interface ChosenRecommendation extends Recommendation {
  guideHref: string;
  courseHref: string;
  scenarioHref: string;
}

export interface AssessmentResults {
  dimensions: DimensionResult[];
  /** Null when no dimension has a score. */
  profile: Profile | null;
  recommendations: ChosenRecommendation[];
  /** Dimensions with many "don't know" answers, in content order: finding out comes first there. */
  findOut: string[];
}

/** round(100 x mean level / 3); halves round up. */
export function levelScore(levels: readonly number[]): number | null {
  if (levels.length === 0) return null;
  const sum = levels.reduce((a, b) => a + b, 0);
  return Math.round((100 * sum) / (MAX_LEVEL * levels.length));
}

export function bandFor(bands: readonly Band[], score: number | null): string | null {
  if (score === null) return null;
  return bands.find((b) => score >= b.min && score <= b.max)?.id ?? null;
}

/**
 * A respondent is scored on the questions asked of it only: a skipped question
 * is out of the dimension (an answer to it, if a file holds one, is ignored).
 * No respondent (an attempt from before the choice) means every question.
 */
export function scoreDimensions(content: Assessment, answers: Answers, respondent?: Respondent | null): DimensionResult[] {
  return content.dimensions.map((dimension) => {
    const all = content.questions.filter((q) => q.dimension === dimension.id);
    const questions = all.filter((q) => isAskedOf(q, respondent));
    const levels: number[] = [];
    let unknown = 0;
    for (const q of questions) {
      const answer = answers[q.id];
      if (answer === 'unknown') unknown += 1;
      else if (answer !== undefined) levels.push(answer);
    }
    const answered = levels.length;
    const enough = answered > 0 && answered >= questions.length * MIN_COVERAGE;
    const score = enough ? levelScore(levels) : null;
    return {
      dimension: dimension.id,
      questions: questions.length,
      notAsked: all.length - questions.length,
      answered,
      unknown,
      unanswered: questions.length - answered - unknown,
      coverage: questions.length === 0 ? 0 : answered / questions.length,
      score,
      band: bandFor(content.bands, score),
    };
  });
}

type Scored = DimensionResult & { score: number };

/** Scored dimensions, weakest first; equal scores keep content order (the sort is stable). */
export function weakestFirst(dimensions: readonly DimensionResult[]): Scored[] {
  return dimensions.filter((d): d is Scored => d.score !== null).sort((a, b) => a.score - b.score);
}

export function profileOf(bands: readonly Band[], dimensions: readonly DimensionResult[]): Profile | null {
  const scored = weakestFirst(dimensions);
  const weakest = scored[0];
  if (!weakest) return null;
  const strongest = [...scored].sort((a, b) => b.score - a.score)[0] ?? weakest;
  const score =
    scored.length >= MIN_SCORED_FOR_OVERALL ? Math.round(scored.reduce((sum, d) => sum + d.score, 0) / scored.length) : null;
  return {
    score,
    band: bandFor(bands, score),
    scored: scored.length,
    weakest: weakest.dimension,
    strongest: strongest.dimension,
  };
}

/** Dimensions where "don't know" answers number at least FIND_OUT_MIN_UNKNOWN and FIND_OUT_SHARE of the questions. */
export function findOutDimensions(dimensions: readonly DimensionResult[]): string[] {
  return dimensions
    .filter((d) => d.unknown >= FIND_OUT_MIN_UNKNOWN && d.unknown >= d.questions * FIND_OUT_SHARE)
    .map((d) => d.dimension);
}

function withLinks(r: Recommendation): ChosenRecommendation {
  return { ...r, guideHref: guideHref(r.guide), courseHref: courseHref(r.course), scenarioHref: scenarioHref(r.scenario) };
}

/**
 * Weakest dimension first; for each, the recommendations whose maxScore is at
 * or above its score, most urgent priority first (ties: content order); up to
 * 2 per dimension and 6 in all, topped up to 3 from the remaining candidates
 * (same order) when a dimension has more than 2 and too few were taken.
 */
export function chooseRecommendations(
  recommendations: readonly Recommendation[],
  dimensions: readonly DimensionResult[],
): ChosenRecommendation[] {
  const perDimension = weakestFirst(dimensions).map((d) =>
    recommendations.filter((r) => r.dimension === d.dimension && r.maxScore >= d.score).sort((a, b) => a.priority - b.priority),
  );
  const candidates = perDimension.flat();
  const chosen = new Set<Recommendation>();
  for (const list of perDimension) {
    for (const r of list.slice(0, MAX_PER_DIMENSION)) if (chosen.size < MAX_RECOMMENDATIONS) chosen.add(r);
  }
  for (const r of candidates) {
    if (chosen.size >= Math.min(MIN_RECOMMENDATIONS, candidates.length)) break;
    chosen.add(r);
  }
  // Back in candidate order, so a top-up sits with its own dimension.
  return candidates.filter((r) => chosen.has(r)).map(withLinks);
}

export function scoreAssessment(content: Assessment, answers: Answers, respondent?: Respondent | null): AssessmentResults {
  const dimensions = scoreDimensions(content, answers, respondent);
  return {
    dimensions,
    profile: profileOf(content.bands, dimensions),
    recommendations: chooseRecommendations(content.recommendations, dimensions),
    findOut: findOutDimensions(dimensions),
  };
}

export interface DimensionDelta {
  dimension: string;
  before: number | null;
  after: number | null;
  /** after - before, null when either is null. */
  delta: number | null;
}

/** Per dimension change from an earlier attempt to a later one. */
export function compareResults(before: readonly DimensionResult[], after: readonly DimensionResult[]): DimensionDelta[] {
  return after.map((a) => {
    const b = before.find((d) => d.dimension === a.dimension);
    const old = b?.score ?? null;
    return {
      dimension: a.dimension,
      before: old,
      after: a.score,
      delta: old === null || a.score === null ? null : a.score - old,
    };
  });
}
