import { describe, expect, it } from 'vitest';
import { type Answer, type Answers, assessment, questionsOf } from '../../src/assessment/content.ts';
import {
  bandFor,
  chooseRecommendations,
  compareResults,
  type DimensionResult,
  findOutDimensions,
  levelScore,
  profileOf,
  scoreAssessment,
  scoreDimensions,
} from '../../src/assessment/scoring.ts';

const content = assessment();
const DIMS = content.dimensions.map((d) => d.id);

/** Answers for one dimension, question by question, in content order. */
function answersFor(dimension: string, values: Answer[]): Answers {
  const out: Answers = {};
  questionsOf(content, dimension).forEach((q, i) => {
    const value = values[i];
    if (value !== undefined) out[q.id] = value;
  });
  return out;
}

/** Every question of every dimension answered with the same value. */
function everywhere(value: Answer): Answers {
  return Object.fromEntries(content.questions.map((q) => [q.id, value]));
}

function dim(results: DimensionResult[], id: string): DimensionResult {
  const found = results.find((d) => d.dimension === id);
  if (!found) throw new Error(id);
  return found;
}

/** A dimension result with only the fields the rules read. */
function scored(dimension: string, score: number | null): DimensionResult {
  return {
    dimension,
    questions: 6,
    notAsked: 0,
    answered: 6,
    unknown: 0,
    unanswered: 0,
    coverage: 1,
    score,
    band: bandFor(content.bands, score),
  };
}

describe('level score', () => {
  it('is round(100 x mean / 3), halves up, null without levels', () => {
    expect(levelScore([])).toBeNull();
    expect(levelScore([0, 0])).toBe(0);
    expect(levelScore([3, 3, 3])).toBe(100);
    expect(levelScore([1, 2])).toBe(50);
    expect(levelScore([1])).toBe(33);
    expect(levelScore([2])).toBe(67);
    expect(levelScore([1, 1, 2])).toBe(44);
    expect(levelScore([0, 1, 1, 1, 1, 1])).toBe(28);
  });
});

describe('bands', () => {
  it('cover 0..100 on integers, contiguous and without overlap', () => {
    for (let score = 0; score <= 100; score += 1) {
      expect(
        content.bands.filter((b) => score >= b.min && score <= b.max),
        String(score),
      ).toHaveLength(1);
    }
  });

  it('are read from the rounded score at every boundary', () => {
    const cases: [number, string][] = [
      [0, 'emerging'],
      [24, 'emerging'],
      [25, 'developing'],
      [49, 'developing'],
      [50, 'structured'],
      [74, 'structured'],
      [75, 'established'],
      [100, 'established'],
    ];
    for (const [score, band] of cases) expect(bandFor(content.bands, score)).toBe(band);
    expect(bandFor(content.bands, null)).toBeNull();
  });
});

describe('dimension scores', () => {
  it('scores every dimension when all is answered', () => {
    const results = scoreDimensions(content, everywhere(3));
    expect(results.map((d) => d.score)).toEqual(DIMS.map(() => 100));
    expect(results.every((d) => d.band === 'established' && d.coverage === 1 && d.unknown === 0)).toBe(true);
    expect(scoreDimensions(content, everywhere(0)).map((d) => d.band)).toEqual(DIMS.map(() => 'emerging'));
  });

  it('leaves "don\'t know" out of the mean but counts it', () => {
    const results = scoreDimensions(content, answersFor('steering-together', [1, 2, 'unknown', 3, 'unknown']));
    expect(dim(results, 'steering-together')).toEqual({
      dimension: 'steering-together',
      questions: 6,
      notAsked: 0,
      answered: 3,
      unknown: 2,
      unanswered: 1,
      coverage: 0.5,
      score: 67, // round(100 x (1 + 2 + 3) / 3 / 3)
      band: 'structured',
    });
  });

  it('gives a score from half of the questions answered, none below', () => {
    const half = scoreDimensions(content, answersFor('steering-together', [3, 'unknown', 3, 'unknown', 3, 'unknown']));
    expect(dim(half, 'steering-together')).toMatchObject({ answered: 3, unknown: 3, coverage: 0.5, score: 100 });
    const less = scoreDimensions(content, answersFor('steering-together', [3, 'unknown', 3, 'unknown', 'unknown']));
    expect(dim(less, 'steering-together')).toMatchObject({ answered: 2, unknown: 3, unanswered: 1, score: null, band: null });
    // Seven questions: 3 answered is under half, 4 is over.
    expect(questionsOf(content, 'seeing-ahead')).toHaveLength(7);
    expect(dim(scoreDimensions(content, answersFor('seeing-ahead', [2, 2, 1])), 'seeing-ahead').score).toBeNull();
    expect(dim(scoreDimensions(content, answersFor('seeing-ahead', [2, 2, 1, 1])), 'seeing-ahead').score).toBe(50);
  });

  it('counts skipped questions apart from "don\'t know"', () => {
    const results = scoreDimensions(content, {});
    expect(results.every((d) => d.answered === 0 && d.unknown === 0 && d.unanswered === d.questions && d.score === null)).toBe(
      true,
    );
  });
});

describe('profile and recommendations', () => {
  it('all "don\'t know": no score, no profile, no recommendation', () => {
    const results = scoreAssessment(content, everywhere('unknown'));
    expect(results.dimensions.every((d) => d.score === null && d.band === null && d.unknown === d.questions)).toBe(true);
    expect(results.profile).toBeNull();
    expect(results.recommendations).toEqual([]);
  });

  it('one dimension null: left out of the mean and of the recommendations', () => {
    const answers: Answers = {
      ...everywhere(2),
      ...answersFor('seeing-ahead', ['unknown', 'unknown', 'unknown', 'unknown', 1, 1]),
    };
    const results = scoreAssessment(content, answers);
    expect(dim(results.dimensions, 'seeing-ahead').score).toBeNull();
    expect(results.profile).toEqual({ score: 67, band: 'structured', scored: 5, weakest: DIMS[0], strongest: DIMS[0] });
    // Four "don't know" out of six questions: finding out comes first there.
    expect(results.findOut).toEqual(['seeing-ahead']);
    expect(results.recommendations.some((r) => r.dimension === 'seeing-ahead')).toBe(false);
  });

  it('overall is the rounded mean of the scored dimensions, with its band, weakest and strongest', () => {
    const dims = [scored('a', 20), scored('b', 90), scored('c', null), scored('d', 31)];
    expect(profileOf(content.bands, dims)).toEqual({ score: 47, band: 'developing', scored: 3, weakest: 'a', strongest: 'b' });
    expect(profileOf(content.bands, [scored('a', null)])).toBeNull();
  });

  it('gives no overall score with fewer than three scored dimensions, but keeps weakest and strongest', () => {
    const two = [scored('a', 20), scored('b', 90), scored('c', null)];
    expect(profileOf(content.bands, two)).toEqual({ score: null, band: null, scored: 2, weakest: 'a', strongest: 'b' });
    expect(profileOf(content.bands, [scored('a', 40)])).toEqual({
      score: null,
      band: null,
      scored: 1,
      weakest: 'a',
      strongest: 'a',
    });
  });

  it('asks to find out where "don\'t know" is at least 2 answers and a third of the questions', () => {
    const unknown = (dimension: string, questions: number, count: number) => ({
      ...scored(dimension, null),
      questions,
      unknown: count,
    });
    expect(
      findOutDimensions([unknown('a', 6, 1), unknown('b', 6, 2), unknown('c', 5, 2), unknown('d', 9, 2), unknown('e', 3, 1)]),
    ).toEqual(['b', 'c']);
  });

  it('ties go to the first dimension in content order', () => {
    const dims = [scored('a', 50), scored('b', 20), scored('c', 80), scored('d', 20), scored('e', 80)];
    expect(profileOf(content.bands, dims)).toMatchObject({ weakest: 'b', strongest: 'c' });
  });

  it('weakest dimension first, maxScore at or above the score, by priority, 2 per dimension, 6 in all', () => {
    const dims = DIMS.map((d, i) => scored(d, [60, 10, 35, 90, 5, 45][i] ?? 0));
    const chosen = chooseRecommendations(content.recommendations, dims).map((r) => r.id);
    expect(chosen).toEqual([
      'set-starting-indicators', // learning-and-trying (5): priority 1, then 2
      'hold-lessons-learnt-review',
      'map-sse-actors', // solidarity-ties (10)
      'organise-checks-on-isolated',
      'hold-needs-hazards-session', // seeing-ahead (35); the 6th stops the list
      'write-feared-events',
    ]);
  });

  it('leaves out recommendations whose maxScore is under the score', () => {
    const dims = DIMS.map((d) => scored(d, d === 'essentials-first' ? 45 : null));
    // link-actions-to-needs (maxScore 40) no longer applies at 45.
    expect(chooseRecommendations(content.recommendations, dims).map((r) => r.id)).toEqual([
      'secure-food-and-mobility',
      'share-before-building',
    ]);
  });

  it('tops up to 3 when a single dimension has 3 or more candidates', () => {
    const one = [scored('steering-together', 0), ...DIMS.slice(1).map((d) => scored(d, null))];
    const chosen = chooseRecommendations(content.recommendations, one);
    expect(chosen.map((r) => [r.id, r.priority])).toEqual([
      ['form-steering-group', 1],
      ['write-resilience-aims', 2],
      ['pair-with-neighbours', 3],
    ]);
    // Only two candidates (score above 40): two, not three.
    const fewer = [scored('steering-together', 55), ...DIMS.slice(1).map((d) => scored(d, null))];
    expect(chooseRecommendations(content.recommendations, fewer).map((r) => r.id)).toEqual([
      'write-resilience-aims',
      'pair-with-neighbours',
    ]);
  });

  it('equal scores keep content order and every recommendation keeps its links', () => {
    const dims = DIMS.map((d) => scored(d, 80));
    const chosen = chooseRecommendations(content.recommendations, dims);
    expect(chosen.map((r) => r.dimension)).toEqual(DIMS);
    for (const r of chosen) {
      expect(r.maxScore).toBe(100);
      expect(r.guideHref).toBe(`#/guide/${r.guide.replace('#', '/')}`);
      expect(r.courseHref).toBe(`#/course/${r.course}`);
      expect(r.scenarioHref).toBe(`#/game?scenario=${r.scenario}`);
    }
  });

  it('compares two attempts dimension by dimension', () => {
    const before = [scored('a', 20), scored('b', null), scored('c', 70)];
    const after = [scored('a', 45), scored('b', 30), scored('c', 60)];
    expect(compareResults(before, after)).toEqual([
      { dimension: 'a', before: 20, after: 45, delta: 25 },
      { dimension: 'b', before: null, after: 30, delta: null },
      { dimension: 'c', before: 70, after: 60, delta: -10 },
    ]);
  });
});

describe('who answers', () => {
  // Essentials first has 6 questions; an association is not asked water-uses or local-food (4 left).
  const answers: Answers = {
    'needs-named': 2,
    'mobility-without-car': 1,
    'energy-in-buildings': 'unknown',
    'share-before-build': 'unknown',
  };

  it('scores an association on the questions it is asked: 2 levels of 4 asked is enough, where a commune has too few', () => {
    // By hand: levels 2 and 1, 2 >= 4 / 2, score = round(100 x 3 / (3 x 2)) = 50, coverage 2 / 4.
    expect(dim(scoreDimensions(content, answers, 'association'), 'essentials-first')).toEqual({
      dimension: 'essentials-first',
      questions: 4,
      notAsked: 2,
      answered: 2,
      unknown: 2,
      unanswered: 0,
      coverage: 0.5,
      score: 50,
      band: 'structured',
    });
    // The same answers for a commune: 6 asked, 2 levels < 3, no score; the two territory questions are unanswered.
    expect(dim(scoreDimensions(content, answers, 'commune'), 'essentials-first')).toEqual({
      dimension: 'essentials-first',
      questions: 6,
      notAsked: 0,
      answered: 2,
      unknown: 2,
      unanswered: 2,
      coverage: 2 / 6,
      score: null,
      band: null,
    });
    // No respondent (an attempt from before the choice): every question, as for a commune.
    expect(dim(scoreDimensions(content, answers), 'essentials-first').score).toBeNull();
  });

  it("ignores an association's answer to a question it is not asked, which a commune's score counts", () => {
    const withWater: Answers = { ...answers, 'water-uses': 0 };
    expect(dim(scoreDimensions(content, withWater, 'association'), 'essentials-first')).toMatchObject({
      questions: 4,
      answered: 2,
      score: 50,
    });
    // Commune: levels 2, 1, 0, 3 >= 3, round(100 x 3 / 9) = 33.
    expect(dim(scoreDimensions(content, withWater, 'commune'), 'essentials-first')).toMatchObject({
      questions: 6,
      answered: 3,
      score: 33,
    });
  });

  it('an association answering all it is asked gets every dimension scored, none "not enough answers"', () => {
    const all = everywhere(1);
    const results = scoreAssessment(content, all, 'association');
    // By hand from the content's rules: 6, 6, 6 of 7 (exposure skipped), 7 of 8 (shelter skipped), 7, 4 of 6 (water, food skipped).
    expect(results.dimensions.map((d) => [d.dimension, d.questions, d.notAsked, d.answered, d.score])).toEqual([
      ['steering-together', 6, 0, 6, 33],
      ['solidarity-ties', 6, 0, 6, 33],
      ['seeing-ahead', 6, 1, 6, 33],
      ['holding-through-crises', 7, 1, 7, 33],
      ['learning-and-trying', 7, 0, 7, 33],
      ['essentials-first', 4, 2, 4, 33],
    ]);
    expect(results.profile?.score).toBe(33);
  });
});
