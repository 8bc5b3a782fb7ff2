import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/content.ts';
import { quizSheet, seededRandom } from '../../src/course/quiz-sheet.ts';
import type { CourseModule } from '../../src/course/schema.ts';

const course = loadCourse();
const first = course.modules[0] as CourseModule;
const ids = (sheet: ReturnType<typeof quizSheet>) => sheet.questions.map((q) => q.id);

describe('quiz sheets', () => {
  it('draws five distinct questions of the bank, each with all its choices', () => {
    for (const m of course.modules) {
      for (const attempt of [0, 1, 2, 5]) {
        const sheet = quizSheet(m, 12345, attempt);
        expect(sheet.questions, `${m.id} #${attempt}`).toHaveLength(5);
        expect(new Set(ids(sheet)).size).toBe(5);
        for (const q of sheet.questions) {
          const inBank = m.quiz.questions.find((b) => b.id === q.id);
          expect(inBank, q.id).toBeDefined();
          expect([...q.choices].sort()).toEqual(inBank?.choices.map((c) => c.id).sort());
        }
      }
    }
  });

  it('gives the same sheet for the same learner, module and attempt (a reload shows the same sheet)', () => {
    expect(quizSheet(first, 99, 3)).toEqual(quizSheet(first, 99, 3));
  });

  it('makes each retry a new sheet: with a bank of twice the draw, no question of one attempt is in the next', () => {
    for (const seed of [0, 1, 2, 3, 4_000_000_000]) {
      for (let attempt = 1; attempt < 6; attempt += 1) {
        const before = ids(quizSheet(first, seed, attempt - 1));
        const after = ids(quizSheet(first, seed, attempt));
        expect(
          after.filter((id) => before.includes(id)),
          `seed ${seed} attempt ${attempt}`,
        ).toEqual([]);
      }
    }
  });

  it('shuffles: learners get different sheets, and a right choice is not always in the same place', () => {
    const sheets = new Set(Array.from({ length: 30 }, (_, seed) => ids(quizSheet(first, seed, 0)).join(',')));
    expect(sheets.size).toBeGreaterThan(10);
    const question = first.quiz.questions[0];
    const right = question?.choices.find((c) => c.correct)?.id;
    const places = new Set<number>();
    for (let seed = 0; seed < 200; seed += 1) {
      const asked = quizSheet(first, seed, 0).questions.find((q) => q.id === question?.id);
      if (asked && right) places.add(asked.choices.indexOf(right));
    }
    expect([...places].sort()).toEqual([0, 1, 2]);
  });

  it('draws numbers in [0, 1) from a seed, the same for the same seed', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
