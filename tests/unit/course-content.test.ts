// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/content/scenarios.ts';
import { bundledFiles, diagramSource, diagramsIn, lessonSource, loadCourse } from '../../src/course/content.ts';
import { diagramElement, lessonBody, lessonKeyPoints, renderLesson, sanitizeDiagram } from '../../src/course/lesson-content.ts';
import { courseSchema } from '../../src/course/schema.ts';

const LANGUAGES = ['fr', 'en'] as const;
const course = loadCourse();
const raw = JSON.parse(readFileSync('src/course/content/course.json', 'utf8'));

describe('course content', () => {
  it('parses with the schema: six modules, quizzes of five drawn from banks of ten, a pass mark of 80', () => {
    expect(course.passMark).toBe(80);
    expect(course.modules).toHaveLength(6);
    for (const m of course.modules) {
      expect(m.quiz.draw, m.id).toBe(5);
      expect(m.quiz.questions, m.id).toHaveLength(10);
    }
    expect(course.modules.some((m) => m.quiz.questions.some((q) => q.multiple))).toBe(true);
    expect(new Set(course.modules.map((m) => m.activity.type))).toEqual(new Set(['sorting', 'matching', 'game-situation']));
  });

  it('refuses duplicate ids, broken references and unknown keys', () => {
    const copy = () => structuredClone(raw);
    const duplicate = copy();
    duplicate.modules[1].lessons[0].id = duplicate.modules[0].lessons[0].id;
    expect(courseSchema.safeParse(duplicate).success).toBe(false);
    const badCase = copy();
    badCase.modules[0].case.lesson = 'no-such-lesson';
    expect(courseSchema.safeParse(badCase).success).toBe(false);
    const badCategory = copy();
    const sorting = badCategory.modules.find((m: { activity: { type: string } }) => m.activity.type === 'sorting');
    sorting.activity.items[0].category = 'no-such-category';
    expect(courseSchema.safeParse(badCategory).success).toBe(false);
    const twoRight = copy();
    twoRight.modules[0].quiz.questions[0].choices[1].correct = true;
    expect(courseSchema.safeParse(twoRight).success).toBe(false);
    const extra = copy();
    extra.modules[0].surprise = true;
    expect(courseSchema.safeParse(extra).success).toBe(false);
    const smallBank = copy();
    smallBank.modules[0].quiz.draw = 6;
    expect(courseSchema.safeParse(smallBank).success).toBe(false);
    const badLesson = copy();
    badLesson.modules[0].quiz.questions[0].lesson = badLesson.modules[1].lessons[0].id;
    expect(courseSchema.safeParse(badLesson).success).toBe(false);
  });

  it('states honest durations: lessons at 200 words a minute, then the activity and the quiz', () => {
    const words = (text: string) =>
      text
        .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
        .replace(/\]\([^)]*\)/g, ']')
        .split(/\s+/)
        .filter((w) => /[\p{L}\d]/u.test(w)).length;
    for (const m of course.modules) {
      for (const l of m.lessons) {
        const most = Math.max(...LANGUAGES.map((lang) => words(lessonSource(l.id, lang) ?? '')));
        expect(l.minutes, l.id).toBe(Math.ceil(most / 200));
      }
      // An activity: half a minute per item plus the feedback (a game situation's cards and outcomes: 4 min).
      const a = m.activity;
      const items = a.type === 'sorting' ? a.items.length : a.type === 'matching' ? a.pairs.length : a.options.length;
      expect(m.activityMinutes, m.id).toBe(Math.ceil(items / 2) + (a.type === 'game-situation' ? 4 : 2));
      // A quiz: a minute per question drawn, two for the result and the feedback.
      const lessons = m.lessons.reduce((sum, l) => sum + l.minutes, 0);
      expect(m.minutes - lessons - m.activityMinutes, m.id).toBe(m.quiz.draw + 2);
    }
    expect(course.modules.map((m) => m.minutes)).toEqual([21, 21, 23, 20, 24, 21]);
  });

  it('has an essentials path of about twenty minutes: one key lesson per module', () => {
    const modules = course.essentials.map((id) => course.modules.find((m) => m.lessons.some((l) => l.id === id))?.id);
    expect(modules).toEqual(course.modules.map((m) => m.id));
    const minutes = course.modules.flatMap((m) => m.lessons).filter((l) => course.essentials.includes(l.id));
    expect(minutes.reduce((sum, l) => sum + l.minutes, 0) + course.modules.length).toBe(18);
  });

  it('ends every lesson with key points, which the module summaries gather', () => {
    for (const lang of LANGUAGES) {
      for (const m of course.modules) {
        for (const l of m.lessons) {
          const points = lessonKeyPoints(l.id, lang);
          expect(points?.querySelectorAll('li').length ?? 0, `${lang}/${l.id}`).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  it('gives no length cue: the right option of a single-answer question is the longest, or the shortest, in at most a third of them', () => {
    const single = course.modules.flatMap((m) => m.quiz.questions).filter((q) => !q.multiple);
    expect(single.length).toBe(54);
    for (const lang of LANGUAGES) {
      const longest = single.filter((q) => {
        const right = q.choices.find((c) => c.correct)?.text[lang].length ?? 0;
        return q.choices.every((c) => c.correct || c.text[lang].length < right);
      });
      expect(longest.length, `${lang}: ${longest.map((q) => q.id).join(', ')}`).toBeLessThanOrEqual(18);
      const shortest = single.filter((q) => {
        const right = q.choices.find((c) => c.correct)?.text[lang].length ?? 0;
        return q.choices.every((c) => c.correct || c.text[lang].length > right);
      });
      expect(shortest.length, `${lang}: ${shortest.map((q) => q.id).join(', ')}`).toBeLessThanOrEqual(18);
    }
  });

  it('asks mostly questions set in a situation ("your commune…", a case) rather than recall', () => {
    // A scenario item describes a situation in its prompt: long prompts with a commune, a council, a collective...
    const scenario = /commune|conseil|collectif|intercommunalité|association|village|secteur|réunion/i;
    for (const m of course.modules) {
      const items = m.quiz.questions.filter((q) => scenario.test(q.prompt.fr) && q.prompt.fr.length > 90);
      expect(items.length, m.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('has every lesson in both languages, and no lesson file the course does not list', () => {
    const listed = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
    for (const lang of LANGUAGES) {
      for (const id of listed) expect(lessonSource(id, lang), `${lang}/${id}`).not.toBeNull();
    }
    expect(bundledFiles().lessons.sort()).toEqual(LANGUAGES.flatMap((lang) => listed.map((id) => `${lang}/${id}`)).sort());
  });

  it('has every diagram a lesson uses, in both languages, and the same diagrams in each language', () => {
    const used = new Set<string>();
    for (const m of course.modules) {
      for (const l of m.lessons) {
        const fr = diagramsIn(lessonSource(l.id, 'fr') ?? '');
        const en = diagramsIn(lessonSource(l.id, 'en') ?? '');
        expect(en, l.id).toEqual(fr);
        for (const id of fr) used.add(id);
      }
    }
    expect(used.size).toBeGreaterThan(0);
    for (const lang of LANGUAGES) for (const id of used) expect(diagramSource(id, lang), `${lang}/${id}`).not.toBeNull();
    expect(bundledFiles().diagrams.sort()).toEqual(LANGUAGES.flatMap((lang) => [...used].map((id) => `${lang}/${id}`)).sort());
  });

  it('points every game situation to cards of its scenario', () => {
    const scenarios = bundledScenarios();
    for (const m of course.modules) {
      if (m.activity.type !== 'game-situation') continue;
      const scenario = scenarios.get(m.activity.scenario);
      expect(scenario, m.activity.scenario).toBeDefined();
      for (const option of m.activity.options) expect(scenario?.deckCards, option.card).toContain(option.card);
    }
  });
});

describe('lesson rendering', () => {
  it('drops the lesson’s own h1 so the page has one', () => {
    expect(lessonBody('# Title\n\nText')).toBe('Text');
  });

  it('inlines a sanitised SVG whose <title> names it, with the alt text as caption', () => {
    for (const lang of LANGUAGES) {
      const box = document.createElement('div');
      box.append(renderLesson('resilience-basics-needs', lang) ?? '');
      const figure = box.querySelector('figure.course-diagram');
      expect(figure, lang).not.toBeNull();
      const svg = figure?.querySelector('svg');
      expect(svg?.getAttribute('role')).toBe('img');
      const labelledBy = svg?.getAttribute('aria-labelledby')?.split(' ') ?? [];
      const title = svg?.querySelector('title');
      expect(title?.textContent?.trim().length).toBeGreaterThan(0);
      expect(labelledBy).toContain(title?.id);
      expect(figure?.querySelector('figcaption')?.textContent?.length).toBeGreaterThan(10);
      expect(box.querySelector('h1')).toBeNull();
      expect(box.querySelector('p > figure')).toBeNull();
    }
  });

  it('strips scripts, handlers and foreign content from a diagram, keeping its title', () => {
    const svg = sanitizeDiagram(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" role="img" aria-labelledby="t"><title id="t">Safe</title>' +
        '<script>alert(2)</script><a href="javascript:alert(3)"><text onclick="alert(4)">x</text></a>' +
        '<foreignObject><iframe src="https://example.org"></iframe></foreignObject></svg>',
    );
    const text = svg?.outerHTML ?? '';
    expect(svg?.querySelector('title')?.textContent).toBe('Safe');
    expect(text).not.toMatch(/<script|onload|onclick|javascript:|iframe|foreignObject/i);
    expect(diagramElement('needs-wheel', 'fr')?.querySelector('title')?.textContent).toBe('Les cinq besoins essentiels');
  });
});
