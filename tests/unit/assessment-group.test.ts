import { describe, expect, it } from 'vitest';
import { type Answers, assessment } from '../../src/assessment/content.ts';
import { groupHref, groupResult, parseGroupIds } from '../../src/assessment/group.ts';
import type { Attempt } from '../../src/assessment/storage.ts';

const content = assessment();
const steering = content.questions.filter((q) => q.dimension === 'steering-together').map((q) => q.id);
const ties = content.questions.filter((q) => q.dimension === 'solidarity-ties').map((q) => q.id);

function attempt(id: string, levels: Answers): Attempt {
  return { id, startedAt: '2026-10-01T09:00:00Z', finishedAt: `2026-10-01T09:${id.length}0:00Z`, answers: levels };
}
const on = (ids: string[], values: (0 | 1 | 2 | 3 | 'unknown')[]): Answers =>
  Object.fromEntries(ids.map((id, i) => [id, values[i] ?? 0]));

describe('group diagnosis', () => {
  // Steering (6 questions): mayor all 3 -> 100; association all 1 -> 33; staff 2,2,2,0,0,0 -> 33.
  // Ties (6 questions): mayor 3,3,3 + 3 unknown -> 100; association all 0 -> 0; staff none -> null.
  const mayor = attempt('m', { ...on(steering, [3, 3, 3, 3, 3, 3]), ...on(ties, [3, 3, 3, 'unknown', 'unknown', 'unknown']) });
  const association = attempt('as', { ...on(steering, [1, 1, 1, 1, 1, 1]), ...on(ties, [0, 0, 0, 0, 0, 0]) });
  const staff = attempt('sta', on(steering, [2, 2, 2, 0, 0, 0]));
  const group = groupResult(content, [mayor, association, staff]);

  it('gives per dimension who scored what, the lowest, highest, spread and mean', () => {
    expect(group.dimensions[0]).toEqual({
      dimension: 'steering-together',
      scores: [100, 33, 33],
      min: 33,
      max: 100,
      spread: 67,
      mean: 55,
    });
    expect(group.dimensions[1]).toEqual({
      dimension: 'solidarity-ties',
      scores: [100, 0, null],
      min: 0,
      max: 100,
      spread: 100,
      mean: 50,
    });
    expect(group.dimensions[2]).toEqual({
      dimension: 'seeing-ahead',
      scores: [null, null, null],
      min: null,
      max: null,
      spread: null,
      mean: null,
    });
  });

  it('lists to discuss the questions whose levels are 2 or more apart, largest gap first, content order on ties, 8 at most', () => {
    // Gaps: steering q1-q3: 3,1,2 -> 2; q4-q6: 3,1,0 -> 3; ties q1-q3: 3,0 -> 3; ties q4-q6: unknown,0 -> one level only.
    expect(group.toDiscuss.map((q) => [q.question, q.gap])).toEqual([
      [steering[3], 3],
      [steering[4], 3],
      [steering[5], 3],
      [ties[0], 3],
      [ties[1], 3],
      [ties[2], 3],
      [steering[0], 2],
      [steering[1], 2],
    ]);
    expect(group.questions.find((q) => q.question === ties[3])).toMatchObject({ answers: ['unknown', 0, null], gap: null });
  });

  it('reads group addresses safely', () => {
    expect(parseGroupIds('a,b,a,<script>,c-1')).toEqual(['a', 'b', 'c-1']);
    expect(parseGroupIds(null)).toEqual([]);
    expect(parseGroupIds(Array.from({ length: 20 }, (_, i) => `x${i}`).join(','))).toHaveLength(12);
    expect(groupHref(['a', 'b'])).toBe('#/test/group?ids=a,b');
  });

  it('compares a commune and an association on what both were asked: a question not put to one is no disagreement', () => {
    const commune: Attempt = {
      ...attempt('c', { 'water-uses': 3, 'needs-named': 3, 'shelter-places': 0 }),
      respondent: 'commune',
    };
    // The association's water-uses answer (a hand-made file might hold one) is not its to give: left out.
    const association: Attempt = {
      ...attempt('asso', { 'water-uses': 0, 'needs-named': 0 }),
      respondent: 'association',
    };
    const mixed = groupResult(content, [commune, association]);
    const question = (id: string) => mixed.questions.find((q) => q.question === id);
    expect(question('water-uses')).toEqual({
      question: 'water-uses',
      dimension: 'essentials-first',
      answers: [3, null],
      asked: [true, false],
      gap: null,
    });
    expect(question('shelter-places')).toMatchObject({ answers: [0, null], asked: [true, false], gap: null });
    expect(question('needs-named')).toMatchObject({ answers: [3, 0], asked: [true, true], gap: 3 });
    expect(mixed.toDiscuss.map((q) => q.question)).toEqual(['needs-named']);
    // Essentials first: the commune has 2 levels of 6 (no score), the association 1 of 4 (no score either).
    expect(mixed.dimensions[5]).toMatchObject({ scores: [null, null], spread: null });
  });
});
