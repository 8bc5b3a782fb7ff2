import { readFileSync } from 'node:fs';
import { content, expectedScores, FIRST, type Plan, press, SECOND, stored, title } from './assessment-helpers.ts';
import { axeViolations, expect, open, test } from './fixtures.ts';

/** Two dimensions answered, the four others all "don't know": two scores, no overall score. */
const THIN: Plan = Object.fromEntries(
  content.dimensions.map((d, i) => [
    d.id,
    content.questions.filter((q) => q.dimension === d.id).map(() => (i === 0 ? 2 : i === 1 ? 1 : 'unknown')),
  ]),
);

const sidewaysScroll = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('honest results', () => {
  test('two scored dimensions: no overall score and why; "don\'t know" becomes finding out; the action plan exports and prints', async ({
    page,
  }) => {
    await page.addInitScript(
      (thin) => localStorage.setItem('rtk:test:attempt:thin', thin),
      stored('thin', '2026-10-01T09:30:00Z', THIN, { structure: 'Épicerie; «\u202fLa Brèze\u202f»', respondent: '=Awa' }),
    );
    await open(page, '#/test/results/thin');
    await expect(title(page)).toHaveText('Vos résultats');
    const scores = expectedScores(THIN);
    const scored = [...scores.values()].filter((s) => s !== null);
    expect(scored).toHaveLength(2);
    await expect(page.locator('.overall-score')).toHaveCount(0);
    await expect(page.locator('.overall-missing')).toHaveText(
      'Pas de score global\u202f: 2 dimensions seulement ont un score, et il en faut au moins 3 pour qu’une moyenne dise quelque chose du territoire. Les scores par dimension restent valables ci-dessous.',
    );
    // Every all-"don't know" dimension asks to find out first, with whom and which tool.
    const unknownDims = content.dimensions.slice(2).map((d) => d.id);
    await expect(page.locator('.results-find-out li')).toHaveCount(unknownDims.length);
    await expect(page.locator('.results-find-out li[data-dimension="seeing-ahead"]')).toContainText('Géorisques');
    await expect(page.locator('.results-find-out li[data-dimension="seeing-ahead"]')).toContainText(
      'ne pas savoir est déjà un constat',
    );
    // The radar draws no closed shape: four axes have no score and say so.
    await expect(page.locator('svg.radar polygon.radar-shape')).toHaveCount(0);
    await expect(page.locator('svg.radar .radar-label').filter({ hasText: '(sans score)' })).toHaveCount(4);

    // The action plan: finding out first, then each recommendation; the CSV carries the attempt's name.
    const recommendations = await page.locator('.recommendation').count();
    await expect(page.locator('.plan-table tbody tr')).toHaveCount(unknownDims.length + recommendations);
    await expect(page.locator('.plan-table tbody tr').first()).toHaveAttribute('data-kind', 'find-out');
    await expect(page.locator('.results-action-plan .plan-for')).toContainText('Épicerie; «\u202fLa Brèze\u202f» · =Awa');
    const download = page.waitForEvent('download');
    await press(page.getByRole('button', { name: 'Exporter le plan d’action (CSV)' }));
    const file = await download;
    expect(file.suggestedFilename()).toBe('plan-action-thin.csv');
    const csv = readFileSync((await file.path()) ?? '', 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    // The name holds a ";" (quoted) and starts its respondent part with "=" (kept as text, not a formula: it is not at the field start).
    expect(lines[0]).toMatch(/^Plan d’action;"Épicerie; «\u202fLa Brèze\u202f» · =Awa \(1 octobre 2026/);
    expect(lines[2]).toBe('Dimension;Score;Type;Action;Détail;Guide;Qui;Pour quand');
    expect(lines.filter((l) => l.includes(';À découvrir;'))).toHaveLength(unknownDims.length);
    expect(lines.slice(3).filter((l) => l !== '')).toHaveLength(unknownDims.length + recommendations);

    // Printing the plan alone: the rest of the report is hidden, the blank columns are tall enough to write in.
    await page.evaluate(() => {
      document.documentElement.dataset.print = 'action-plan';
    });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.results-action-plan')).toBeVisible();
    await expect(page.locator('.results-profile')).toBeHidden();
    await expect(page.locator('.results-recommendations')).toBeHidden();
    const blank = await page.locator('.plan-table td.plan-blank').first().boundingBox();
    expect(blank?.height ?? 0).toBeGreaterThanOrEqual(50);
    await page.emulateMedia({ media: 'screen' });
  });

  for (const width of [320, 375])
    test(`results, comparison and the test's home reflow at ${width} px without sideways scrolling`, async ({ page }) => {
      await page.setViewportSize({ width, height: 720 });
      await page.addInitScript(
        ([a, b]) => {
          localStorage.setItem('rtk:test:attempt:seed-one', a ?? '');
          localStorage.setItem('rtk:test:attempt:seed-two', b ?? '');
        },
        [
          stored('seed-one', '2026-10-01T09:30:00Z', FIRST, { structure: 'Association intercommunale des jardins partagés' }),
          stored('seed-two', '2026-11-01T09:30:00Z', SECOND, { commune: 'Saint-Médard-de-Guizières' }),
        ],
      );
      for (const hash of ['#/test', '#/test/results/seed-two', '#/test/results/seed-two?compare=seed-one']) {
        await open(page, hash);
        expect(await sidewaysScroll(page), hash).toBeLessThanOrEqual(0);
      }
    });

  for (const lang of ['fr', 'en'] as const)
    test(`results with a comparison: no WCAG 2.2 A/AA violation at 375 px (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 720 });
      await page.addInitScript(
        ([a, b]) => {
          localStorage.setItem('rtk:test:attempt:seed-one', a ?? '');
          localStorage.setItem('rtk:test:attempt:seed-two', b ?? '');
        },
        [stored('seed-one', '2026-10-01T09:30:00Z', FIRST), stored('seed-two', '2026-11-01T09:30:00Z', SECOND)],
      );
      await open(page, '#/test');
      if (lang === 'en') {
        await press(page.getByRole('button', { name: /EN/ }));
        await expect(title(page)).toHaveText('Self-assessment test');
      }
      expect(await axeViolations(page), 'home').toEqual([]);
      await open(page, '#/test/results/seed-two?compare=seed-one');
      await expect(page.locator('svg.radar .radar-shape')).toHaveCount(2);
      expect(await axeViolations(page), 'results').toEqual([]);
    });
});
