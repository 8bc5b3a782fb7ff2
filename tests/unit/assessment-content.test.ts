import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessment, questionsOf } from '../../src/assessment/content.ts';
import { guideRefTitle } from '../../src/assessment/link-titles.ts';
import { buildGuideIndex, guideRefExists } from '../../src/guide/sections.ts';

const content = assessment();

function guideIndex(language: string) {
  const dir = `src/guide/content/${language}`;
  const pages = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f.replace(/\.md$/, ''), readFileSync(`${dir}/${f}`, 'utf8')]),
  );
  return buildGuideIndex(pages);
}

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('assessment content', () => {
  it('has unique ids, six dimensions of 6 or 7 questions and known dimensions everywhere', () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    unique(content.dimensions.map((d) => d.id));
    unique(content.questions.map((q) => q.id));
    unique(content.recommendations.map((r) => r.id));
    expect(content.dimensions).toHaveLength(6);
    expect(content.questions).toHaveLength(39);
    expect(content.levels.map((l) => l.value)).toEqual([0, 1, 2, 3]);
    const dims = new Set(content.dimensions.map((d) => d.id));
    for (const d of content.dimensions) expect(questionsOf(content, d.id).length).toBeGreaterThanOrEqual(6);
    for (const d of content.dimensions) expect(questionsOf(content, d.id).length).toBeLessThanOrEqual(7);
    for (const q of content.questions) expect(dims.has(q.dimension), q.id).toBe(true);
    for (const r of content.recommendations) expect(dims.has(r.dimension), r.id).toBe(true);
  });

  it('links to guide sections, course modules and scenarios that exist', () => {
    const modules = new Set(
      (JSON.parse(readFileSync('src/course/content/course.json', 'utf8')).modules as { id: string }[]).map((m) => m.id),
    );
    const scenarios = new Set(
      readdirSync('scenarios')
        .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
        .map((f) => f.replace(/\.json$/, '')),
    );
    for (const language of ['fr', 'en']) {
      const index = guideIndex(language);
      const refs = [
        ...content.dimensions.map((d) => d.guide),
        ...content.questions.map((q) => q.guide),
        ...content.recommendations.map((r) => r.guide),
      ];
      for (const ref of refs) expect(guideRefExists(index, ref), `${language}: ${ref}`).toBe(true);
    }
    for (const item of [...content.dimensions, ...content.recommendations]) {
      expect(modules.has(item.course), item.course).toBe(true);
      expect(scenarios.has(item.scenario), item.scenario).toBe(true);
    }
  });

  it('names a guide reference by its chapter and section headings', () => {
    const markdown = "# Experiment\n\nText.\n\n## The [Labo'Mobile](#/guide/glossary) {#labo-mobile}\n\nMore.";
    expect(guideRefTitle(markdown, 'experiment#labo-mobile')).toBe("Experiment › The Labo'Mobile");
    expect(guideRefTitle(markdown, 'experiment')).toBe('Experiment');
    expect(guideRefTitle(markdown, 'experiment#nowhere')).toBe('Experiment');
  });

  it('has the same translation keys in French and English', () => {
    const fr = JSON.parse(readFileSync('src/i18n/locales/fr/test.json', 'utf8'));
    const en = JSON.parse(readFileSync('src/i18n/locales/en/test.json', 'utf8'));
    // French has one more plural form (_many, for a million and up) that English never uses.
    const shared = (ks: string[]) => ks.filter((k) => !k.endsWith('_many')).sort();
    expect(shared(keys(en))).toEqual(shared(keys(fr)));
  });

  it("asks about the commune's own crisis instruments, one thing per question, with a note where the evidence is", () => {
    const text = (id: string) => {
      const q = content.questions.find((x) => x.id === id);
      return `${q?.prompt.fr} ${q?.help.fr} ${q?.answers.map((a) => a.fr).join(' ')}`;
    };
    expect(text('crisis-roles-agreed')).toContain('plan communal de sauvegarde');
    expect(text('risk-information-shared')).toContain('DICRIM');
    expect(text('isolated-people-known')).toContain('registre des personnes vulnérables');
    expect(text('civil-protection-reserve')).toContain('réserve communale de sécurité civile');
    // The double questions are split: knowing who is isolated apart from checking on them; learning apart from sharing.
    expect(content.questions.find((q) => q.id === 'isolated-people-known')?.prompt.en).toBe(
      'Do you know who is isolated or vulnerable in the territory?',
    );
    expect(content.questions.find((q) => q.id === 'isolated-people-checked')?.prompt.en).toBe(
      'In a crisis, is it agreed who checks on isolated people?',
    );
    expect(content.questions.find((q) => q.id === 'learning-from-others')?.prompt.en).toBe(
      'Do you draw on projects carried out elsewhere?',
    );
    // Local food asks about the approach, not about what the territory has.
    expect(content.questions.find((q) => q.id === 'local-food')?.prompt.en).toBe(
      'Do you work with producers and food actors so that everyone has access to local food?',
    );
    for (const id of [
      'crisis-roles-agreed',
      'risk-information-shared',
      'isolated-people-checked',
      'civil-protection-reserve',
      'sharing-with-others',
      'local-food',
    ])
      expect(content.questions.find((q) => q.id === id)?.note?.en, id).toMatch(/^Who knows: .+ Evidence: /);
  });
});
