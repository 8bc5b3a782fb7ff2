import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  askedQuestions,
  assessment,
  assessmentSchema,
  MIN_ASKED_PER_DIMENSION,
  modeOf,
  questionsOf,
  RESPONDENTS,
  wordingFor,
} from '../../src/assessment/content.ts';
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
  it('has unique ids, six dimensions of 6 to 8 questions and known dimensions everywhere', () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    unique(content.dimensions.map((d) => d.id));
    unique(content.questions.map((q) => q.id));
    unique(content.recommendations.map((r) => r.id));
    expect(content.dimensions).toHaveLength(6);
    expect(content.questions).toHaveLength(40);
    expect(content.levels.map((l) => l.value)).toEqual([0, 1, 2, 3]);
    const dims = new Set(content.dimensions.map((d) => d.id));
    for (const d of content.dimensions) expect(questionsOf(content, d.id).length).toBeGreaterThanOrEqual(6);
    for (const d of content.dimensions) expect(questionsOf(content, d.id).length).toBeLessThanOrEqual(8);
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
    // services-at-risk asked two things (identified, with a takeover): two questions now.
    expect(content.questions.find((q) => q.id === 'services-at-risk')?.prompt.en).toBe(
      'Have the local services at risk been identified?',
    );
    expect(content.questions.find((q) => q.id === 'services-takeover')?.prompt.en).toBe(
      'Is a takeover solution prepared for the services at risk?',
    );
    // No prompt asks "X and Y?" or "X, with Y?" or "X or of Y?": one thing per question, for every respondent.
    for (const q of content.questions)
      for (const r of RESPONDENTS) {
        const prompt = wordingFor(q, r).prompt.en;
        expect(prompt, `${q.id} for ${r}`).not.toMatch(/, with |\bor of\b| and (?:what|how|who)\b/);
      }
  });

  it('has a note for every question, in French and English: what to look at and who knows', () => {
    for (const q of content.questions) {
      for (const language of ['fr', 'en'] as const) {
        expect(q.note.evidence[language].length, `${q.id} evidence ${language}`).toBeGreaterThan(20);
        expect(q.note.whoKnows[language].length, `${q.id} who knows ${language}`).toBeGreaterThan(10);
      }
      expect(q.note.evidence.fr, q.id).not.toBe(q.note.evidence.en);
    }
  });

  it('has a rule for each respondent type on every question, and keeps each dimension scorable for each', () => {
    for (const q of content.questions) expect(Object.keys(q.respondents).sort(), q.id).toEqual([...RESPONDENTS].sort());
    for (const r of RESPONDENTS)
      for (const d of content.dimensions) {
        const asked = questionsOf(content, d.id).filter((q) => modeOf(q, r) !== 'skipped').length;
        expect(asked, `${d.id} for ${r}`).toBeGreaterThanOrEqual(MIN_ASKED_PER_DIMENSION);
      }
    // Communes and groups of communes answer for the territory: asked everything. An association is not asked what
    // only the territory can answer (exposure, shelter places, water uses, local food).
    expect(askedQuestions(content, 'commune')).toHaveLength(40);
    expect(askedQuestions(content, 'epci')).toHaveLength(40);
    const skipped = content.questions.filter((q) => modeOf(q, 'association') === 'skipped').map((q) => q.id);
    expect(skipped).toEqual(['exposure-sensitivity-separated', 'shelter-places', 'water-uses', 'local-food']);
    // An adapted prompt is other words, not the same ones.
    for (const q of content.questions)
      for (const r of RESPONDENTS)
        if (modeOf(q, r) === 'adapted') expect(wordingFor(q, r).prompt.en, `${q.id} for ${r}`).not.toBe(q.prompt.en);
  });

  it("asks an association about the commune's instruments from its side: does it know them, is it in them", () => {
    const asAssociation = (id: string) => {
      const q = content.questions.find((x) => x.id === id);
      if (!q) throw new Error(id);
      const w = wordingFor(q, 'association');
      return `${w.prompt.fr} ${w.answers.map((a) => a.fr).join(' ')}`;
    };
    expect(asAssociation('crisis-roles-agreed')).toContain('plan communal de sauvegarde');
    expect(asAssociation('risk-information-shared')).toMatch(/connaît-elle le DICRIM/);
    expect(asAssociation('isolated-people-known')).toContain('registre des personnes vulnérables');
    expect(asAssociation('civil-protection-reserve')).toContain('inscrits dans la réserve communale de sécurité civile');
    // The group of communes is asked about its own plan, the PICS.
    const epci = content.questions.find((q) => q.id === 'crisis-roles-agreed');
    expect(epci && wordingFor(epci, 'epci').prompt.fr).toContain('plan intercommunal de sauvegarde');
  });

  it('the schema refuses a question without a rule for a respondent, without a note, or a dimension left too thin', () => {
    const raw = JSON.parse(readFileSync('src/assessment/content/assessment.json', 'utf8'));
    expect(assessmentSchema.safeParse(raw).success).toBe(true);
    const broken = (change: (copy: typeof raw) => void) => {
      const copy = structuredClone(raw);
      change(copy);
      const parsed = assessmentSchema.safeParse(copy);
      return parsed.success ? 'accepted' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' | ');
    };
    expect(broken((c) => delete c.questions[0].respondents.epci)).toMatch(/^questions\.0\.respondents\.epci/);
    expect(broken((c) => delete c.questions[0].note)).toMatch(/^questions\.0\.note/);
    expect(broken((c) => (c.questions[0].note.whoKnows = { fr: 'x' }))).toMatch(/questions\.0\.note\.whoKnows\.en/);
    expect(broken((c) => (c.questions[0].respondents.association = 'maybe'))).toMatch(/questions\.0\.respondents\.association/);
    expect(broken((c) => (c.questions[0].respondents.association = { prompt: { fr: 'x' } }))).not.toBe('accepted');
    expect(
      broken((c) => {
        for (const q of c.questions) q.respondents = { commune: 'skipped', epci: 'skipped', association: 'skipped' };
      }),
    ).toContain('is asked of nobody');
    // Skipping all but two steering questions for an association leaves too little to score.
    expect(
      broken((c) => {
        for (const q of c.questions.filter((x: { dimension: string }) => x.dimension === 'steering-together').slice(2))
          q.respondents.association = 'skipped';
      }),
    ).toBe('dimensions: steering-together keeps 2 questions for association, fewer than 3');
  });
});
