import { describe, expect, it } from 'vitest';
import course from '../../src/course/content/course.json';
import { type CourseProgress, emptyProgress } from '../../src/course/progress.ts';
import {
  type CourseOutline,
  decodeSuspendData,
  encodeSuspendData,
  indexOutline,
  LEARNER_NAME_MAX_BYTES,
  SUSPEND_DATA_MAX,
  safeLocation,
  truncateLearnerName,
} from '../../src/course/scorm/suspend-data.ts';

const outline: CourseOutline = course;
const index = indexOutline(outline);
const bytes = (text: string) => new TextEncoder().encode(text).length;

/** Every lesson, activity and quiz done, at the top score with the most attempts kept. */
function everythingDone(learnerName: string): CourseProgress {
  return {
    version: 1,
    location: 'certificate',
    lessonsDone: [...index.lessons],
    activitiesDone: [...index.activities],
    quizzes: Object.fromEntries(index.quizzes.map((id) => [id, { best: 100, attempts: 1e9, passed: true }])),
    learnerName,
    completedAt: '2026-12-31T23:59:59.999Z',
  };
}

/** Names that cost the most: JSON escapes quotes and backslashes, 4-byte emoji, long grapheme clusters. */
const HOSTILE_NAMES = [
  '"\\'.repeat(5000),
  '😀'.repeat(5000),
  'Zalgo'.padEnd(3000, '\u0301\u0302\u0303'),
  '👩‍👩‍👧‍👦'.repeat(800),
  'Ñoño \u0000\u0007\u001b<script>&amp;</script> \uD800 Ĳsselmeer-Łódź 王小明 محمد'.repeat(100),
  `${'x'.repeat(599)}é`,
  '王'.repeat(200),
];

describe('suspend_data codec', () => {
  it('round-trips a progress through suspend_data', () => {
    const progress: CourseProgress = {
      ...emptyProgress(),
      lessonsDone: [index.lessons[0] as string, index.lessons[5] as string],
      activitiesDone: [index.activities[2] as string],
      quizzes: { 'sse-actors': { best: 66.67, attempts: 2, passed: false } },
      learnerName: 'Marie-Thérèse d’Aubigné',
      seed: 4_000_000_001,
    };
    const text = encodeSuspendData(index, progress);
    expect(text).toMatch(/^2\.[A-Za-z0-9_-]+$/);
    const { location: _location, ...stored } = progress;
    expect(decodeSuspendData(index, text)).toEqual(stored);
  });

  it('stays within 4096 characters for the largest possible progress', () => {
    let largest = 0;
    for (const name of HOSTILE_NAMES) {
      const text = encodeSuspendData(index, everythingDone(name));
      largest = Math.max(largest, text.length);
      expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
      const decoded = decodeSuspendData(index, text);
      expect(decoded?.lessonsDone).toHaveLength(index.lessons.length);
      expect(decoded?.activitiesDone).toHaveLength(index.activities.length);
      expect(Object.keys(decoded?.quizzes ?? {})).toHaveLength(index.quizzes.length);
      expect(bytes(decoded?.learnerName ?? '')).toBeLessThanOrEqual(LEARNER_NAME_MAX_BYTES);
    }
    // The bound with every lesson of the real course done, for the record.
    console.info(`largest suspend_data: ${largest} characters for ${index.lessons.length} lessons`);
    expect(largest).toBeLessThan(SUSPEND_DATA_MAX);
  });

  it('still fits for a course ten times larger, keeping every quiz record', () => {
    const big: CourseOutline = {
      modules: Array.from({ length: 60 }, (_, m) => ({
        id: `module-${m}`,
        lessons: Array.from({ length: 40 }, (_, l) => ({ id: `module-${m}-lesson-${l}` })),
        activity: { id: `module-${m}-activity` },
      })),
    };
    const bigIndex = indexOutline(big);
    const progress: CourseProgress = {
      ...everythingDone('"\\'.repeat(5000)),
      lessonsDone: bigIndex.lessons,
      activitiesDone: bigIndex.activities,
      quizzes: Object.fromEntries(bigIndex.quizzes.map((id) => [id, { best: 99.99, attempts: 9999, passed: true }])),
    };
    const text = encodeSuspendData(bigIndex, progress);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
    const decoded = decodeSuspendData(bigIndex, text);
    // Ids of 2,400 lessons cannot fit in 4,096 characters: the quiz records, which make the result, are kept.
    expect(Object.keys(decoded?.quizzes ?? {})).toHaveLength(60);
    expect(decoded?.lessonsDone).toEqual([]);
  });

  it('keeps the progress when an update of the package adds a module before the others, or reorders them', () => {
    const progress: CourseProgress = {
      ...emptyProgress(),
      lessonsDone: ['resilience-basics-what', 'sse-actors-case', 'collective-dynamics-scale'],
      activitiesDone: ['sse-actors-families-sorting'],
      quizzes: {
        'resilience-basics': { best: 100, attempts: 1, passed: true },
        'sse-actors': { best: 50, attempts: 3, passed: false },
      },
      learnerName: 'Léa Martin',
      seed: 12,
    };
    const text = encodeSuspendData(index, progress);
    const added: CourseOutline = {
      version: 3,
      modules: [
        { id: 'climate-first', lessons: [{ id: 'climate-first-intro' }], activity: { id: 'climate-first-sorting' } },
        ...course.modules,
      ],
    };
    const reordered: CourseOutline = { version: 3, modules: [...course.modules].reverse() };
    const { location: _location, ...stored } = progress;
    expect(decodeSuspendData(indexOutline(added), text)).toEqual(stored);
    expect(decodeSuspendData(indexOutline(reordered), text)).toEqual(stored);
  });

  it('reads the first format (bit sets over content version 1’s order) and keeps its progress by id', () => {
    // {"l":"b","a":"3","q":[[0,100,1,1],[2,50,2,0]],"n":"Marie","c":null}: lessons 1, 2 and 4 of version 1,
    // activities 1 and 2, quizzes of modules 1 and 3.
    const json = '{"l":"b","a":"3","q":[[0,100,1,1],[2,50,2,0]],"n":"Marie","c":null}';
    const v1 = `1.${Buffer.from(json, 'utf8').toString('base64url')}`;
    expect(decodeSuspendData(index, v1)).toEqual({
      version: 1,
      lessonsDone: ['resilience-basics-what', 'resilience-basics-needs', 'resilience-basics-compass'],
      activitiesDone: ['resilience-basics-needs-matching', 'sse-actors-families-sorting'],
      quizzes: {
        'resilience-basics': { best: 100, attempts: 1, passed: true },
        'department-levers': { best: 50, attempts: 2, passed: false },
      },
      learnerName: 'Marie',
      completedAt: null,
    });
    // Written again in the current format, with the content version.
    const again = encodeSuspendData(index, { ...emptyProgress(), ...decodeSuspendData(index, v1) });
    expect(again.startsWith('2.')).toBe(true);
    expect(JSON.parse(Buffer.from(again.slice(2), 'base64url').toString('utf8')).cv).toBe(2);
  });

  it('cuts names on whole characters and strips control characters', () => {
    expect(truncateLearnerName('  Jean\u0000Dupont\n ')).toBe('Jean Dupont');
    expect(truncateLearnerName('😀😀😀', 9)).toBe('😀😀'); // never half an emoji
    expect(truncateLearnerName('e\u0301e\u0301e\u0301', 5)).toBe('éé'); // NFC: é is 2 bytes
    expect(truncateLearnerName('👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 30)).toBe('👩‍👩‍👧‍👦'); // a family is one grapheme of 25 bytes
    expect(truncateLearnerName('a\uD800b')).toBe('a\uFFFDb');
    expect(truncateLearnerName('王'.repeat(200))).toBe('王'.repeat(200)); // the certificate field's 200 characters fit whole
  });

  it('never promotes a score over a pass mark by rounding', () => {
    const progress = { ...emptyProgress(), quizzes: { 'sse-actors': { best: 79.999, attempts: 1, passed: false } } };
    expect(decodeSuspendData(index, encodeSuspendData(index, progress))?.quizzes['sse-actors']?.best).toBe(79.99);
  });

  it('drops ids the course no longer has and rejects foreign or damaged data', () => {
    const progress = {
      ...emptyProgress(),
      lessonsDone: ['gone-lesson', index.lessons[1] as string],
      quizzes: { gone: { best: 1, attempts: 1, passed: false } },
    };
    const decoded = decodeSuspendData(index, encodeSuspendData(index, progress));
    expect(decoded?.lessonsDone).toEqual([index.lessons[1]]);
    expect(decoded?.quizzes).toEqual({});
    for (const bad of [
      '',
      'viewed=1,2,3|lastslide=4',
      '1.!!!',
      '1.eyJsIjoxfQ',
      `1.${'A'.repeat(5000)}`,
      '2.eyJsIjoxfQ',
      '3.e30',
    ]) {
      expect(decodeSuspendData(index, bad), bad).toBeNull();
    }
  });

  it('keeps only known locations that fit cmi.core.lesson_location', () => {
    expect(safeLocation(index, 'certificate')).toBe('certificate');
    expect(safeLocation(index, 'sse-actors/quiz')).toBe('sse-actors/quiz');
    expect(safeLocation(index, `resilience-basics/${index.lessons[0]}`)).toBe(`resilience-basics/${index.lessons[0]}`);
    expect(safeLocation(index, 'nowhere/quiz')).toBe('');
  });
});
