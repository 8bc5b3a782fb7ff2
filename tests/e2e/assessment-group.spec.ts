import {
  answersOf,
  attempt,
  content,
  expectedScores,
  FIRST,
  type Plan,
  press,
  resultsFile,
  SECOND,
  title,
} from './assessment-helpers.ts';
import { axeViolations, expect, open, test } from './fixtures.ts';

/** A third respondent: an association that cannot answer the territory's questions ("don't know"). */
const THIRD: Plan = {
  'steering-together': [0, 0, 1, 0, 'unknown', 0],
  'solidarity-ties': [3, 3, 3, 2, 3, 3],
  'seeing-ahead': ['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'],
  'holding-through-crises': [2, 3, 3, 3, 3, 3, 2, 3],
  'learning-and-trying': [0, 1, 0, 0, 1, 0, 0],
  'essentials-first': ['unknown', 'unknown', 1, 0, 'unknown', 'unknown'],
};

/**
 * The README's group rule, written again here: per question, the gap is the highest level minus the lowest
 * among the levels given (two at least); "to discuss" keeps gaps of 2 or more, largest first, content order
 * on ties, 8 at most.
 */
function expectedToDiscuss(plans: Plan[]): { id: string; gap: number }[] {
  const answers = plans.map(answersOf);
  const gaps = content.questions.flatMap((q) => {
    const levels = answers.map((a) => a[q.id]).filter((v): v is 0 | 1 | 2 | 3 => typeof v === 'number');
    if (levels.length < 2) return [];
    const gap = Math.max(...levels) - Math.min(...levels);
    return gap >= 2 ? [{ id: q.id, gap }] : [];
  });
  const ordered: { id: string; gap: number }[] = [];
  for (const gap of [3, 2]) ordered.push(...gaps.filter((g) => g.gap === gap));
  return ordered.slice(0, 8);
}

const names = [
  { structure: 'Mairie de Lugagne', respondent: 'Maire' },
  { structure: 'Les Paniers de la Brèze', respondent: 'Présidente' },
  { structure: 'Tiers-lieu La Gare', respondent: 'Coordinateur' },
];

test.describe('group diagnosis', () => {
  test('three respondents from three devices merge into a group result whose "to discuss" list follows the rule', async ({
    page,
  }, info) => {
    await open(page, '#/test');
    const plans = [FIRST, SECOND, THIRD];
    // Each respondent exported a version 2 file on their own device; all three are imported here.
    for (const [i, plan] of plans.entries()) {
      const file = info.outputPath(`respondent-${i}.json`);
      const one = { ...attempt(`resp-${i}`, `2026-10-0${i + 1}T10:00:00Z`, answersOf(plan)), name: names[i] };
      await page.locator('#import-results').setInputFiles(resultsFile(file, [one], 2));
      await expect(page.locator('#import-feedback')).toHaveText('1 résultat importé.');
    }
    await expect(page.locator('.test-attempts li')).toHaveCount(3);
    // Fewer than two ticked: said beside the button.
    await press(page.getByRole('button', { name: 'Voir le résultat du groupe' }));
    await expect(page.locator('#group-status')).toHaveText('Cochez entre 2 et 12 tests.');
    for (let i = 0; i < 3; i += 1) await page.locator(`#group-resp-${i}`).check();
    await press(page.getByRole('button', { name: 'Voir le résultat du groupe' }));
    await expect(page).toHaveURL(/#\/test\/group\?ids=resp-2,resp-1,resp-0$/);
    await expect(title(page)).toHaveText('Diagnostic de groupe');
    await expect(page.locator('.group-respondents li')).toHaveText([
      /^Mairie de Lugagne · Maire \(/,
      /^Les Paniers de la Brèze · Présidente \(/,
      /^Tiers-lieu La Gare · Coordinateur \(/,
    ]);

    const expected = expectedToDiscuss(plans);
    expect(expected.length).toBeGreaterThan(0);
    await expect(page.locator('.group-discuss-list > li')).toHaveCount(expected.length);
    const shown = await page
      .locator('.group-discuss-list > li')
      .evaluateAll((els) => els.map((li) => li.getAttribute('data-question')));
    expect(shown).toEqual(expected.map((e) => e.id));
    const firstQuestion = content.questions.find((q) => q.id === expected[0]?.id);
    await expect(page.locator('.group-discuss-list > li').first().locator('h3')).toHaveText(firstQuestion?.prompt.fr ?? '');
    await expect(page.locator('.group-discuss-list > li').first().locator('.hint')).toContainText(
      `écart de ${expected[0]?.gap} crans`,
    );

    // Who scored what, and the spread, per dimension.
    const scores = plans.map(expectedScores);
    for (const d of content.dimensions) {
      const given = scores.map((s) => s.get(d.id) ?? null);
      const item = page.locator(`.group-dimension[data-dimension="${d.id}"]`);
      await expect(item.locator('.group-who li')).toHaveText(
        given
          .map((_, i) => `${names[i]?.structure} · ${names[i]?.respondent}`)
          .map((who, i) => new RegExp(`^${who} \\(.*\\)\u202f: ${given[i] ?? 'Pas assez de réponses'}$`)),
      );
      const scored = given.filter((s): s is number => s !== null);
      if (scored.length >= 2) {
        const min = Math.min(...scored);
        const max = Math.max(...scored);
        await expect(item.locator('.group-spread')).toContainText(
          `${min} à ${max} sur 100, soit un écart de ${max - min} points`,
        );
      } else await expect(item.locator('.group-spread')).toContainText('Moins de deux scores');
    }

    // The workshop sheet prints with room to write under each question.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.group-notes').first()).toBeVisible();
    expect((await page.locator('.group-notes').first().boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(100);
    await expect(page.getByRole('button', { name: 'Imprimer la fiche d’atelier' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
  });

  for (const lang of ['fr', 'en'] as const)
    for (const width of [1280, 375])
      test(`the group result has no WCAG 2.2 A/AA violation and no sideways scroll (${lang}, ${width} px)`, async ({
        page,
      }, info) => {
        await page.setViewportSize({ width, height: 800 });
        await open(page, '#/test');
        const all = [FIRST, SECOND, THIRD].map((plan, i) => ({
          ...attempt(`resp-${i}`, `2026-10-0${i + 1}T10:00:00Z`, answersOf(plan)),
          name: names[i],
        }));
        await page.locator('#import-results').setInputFiles(resultsFile(info.outputPath('all.json'), all, 2));
        await expect(page.locator('#import-feedback')).toHaveText('3 résultats importés.');
        if (lang === 'en') {
          await press(page.getByRole('button', { name: /EN/ }));
          await expect(title(page)).toHaveText('Self-assessment test');
        }
        expect(await axeViolations(page), 'home with the group form').toEqual([]);
        await open(page, '#/test/group?ids=resp-0,resp-1,resp-2');
        await expect(title(page)).toHaveText(lang === 'en' ? 'Group diagnosis' : 'Diagnostic de groupe');
        expect(await axeViolations(page), 'group result').toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
});
