import { readFileSync } from 'node:fs';
import {
  answerPage,
  answersOf,
  attempt,
  checkTable,
  chooseRespondent,
  content,
  expectedScores,
  FIRST,
  press,
  questionsOf,
  resultsFile,
  SECOND,
  stored,
  takeTest,
  targetExists,
  title,
} from './assessment-helpers.ts';
import { axeViolations, expect, open, test } from './fixtures.ts';

test.describe('self-assessment test', () => {
  test('answered from the keyboard: scores follow the documented formula, links exist, the report prints', async ({ page }) => {
    await open(page, '#/test');
    await expect(title(page)).toHaveText("Test d'autodiagnostic");
    await takeTest(page, FIRST);
    await checkTable(page, FIRST);

    const scores = expectedScores(FIRST);
    const scored = [...scores.values()].filter((s): s is number => s !== null);
    const overall = Math.round(scored.reduce((a, b) => a + b, 0) / scored.length);
    await expect(page.locator('.overall-score')).toContainText(`${overall} sur 100`);

    // One dimension has no score: no closed shape, only the sides between two scored neighbours, and its axis says so.
    await expect(page.locator('svg.radar polygon.radar-shape')).toHaveCount(0);
    const outline = page.locator('svg.radar path.radar-shape');
    await expect(outline).toHaveCount(1);
    const ids = content.dimensions.map((d) => d.id);
    const sides = ids.filter((id, i) => scores.get(id) !== null && scores.get(ids[(i + 1) % ids.length] ?? '') !== null);
    expect(((await outline.getAttribute('d')) ?? '').match(/M/g)).toHaveLength(sides.length);
    const unscored = content.dimensions.filter((d) => scores.get(d.id) === null);
    expect(unscored.length).toBeGreaterThan(0);
    await expect(page.locator('svg.radar .radar-label').filter({ hasText: '(sans score)' })).toHaveCount(unscored.length);
    for (const d of unscored)
      await expect(page.locator('svg.radar .radar-label').filter({ hasText: '(sans score)' })).toContainText(
        d.name.fr.split(' ')[0] ?? '',
      );
    await expect(page.locator('svg.radar')).toHaveAttribute('role', 'img');

    // Recommendations: 3 to 6, the weakest dimension's first, each for a scored dimension it still fits (maxScore >= score).
    const chosenIds = await page
      .locator('.recommendation')
      .evaluateAll((els) => els.map((li) => li.getAttribute('data-recommendation')));
    expect(chosenIds.length >= 3 && chosenIds.length <= 6, `${chosenIds.length} recommendations`).toBe(true);
    const chosen = chosenIds.map((id) => content.recommendations.find((r) => r.id === id));
    const weakest = [...scores.entries()].filter(([, s]) => s !== null).sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))[0]?.[0];
    expect(chosen[0]?.dimension).toBe(weakest);
    expect(chosen.every((r) => r !== undefined && (scores.get(r.dimension) ?? 101) <= r.maxScore)).toBe(true);
    const hrefs = await page
      .locator('.recommendation-links a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toHaveLength(chosenIds.length * 3);
    for (const href of hrefs) expect(targetExists(href), href).toBe(true);

    // The printed report: the results without the site's navigation or the screen-only buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.results-table')).toBeVisible();
    await expect(page.locator('svg.radar')).toBeVisible();
    await expect(page.locator('.recommendation').first()).toBeVisible();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('nav.site-nav')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Imprimer le rapport' })).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(5000);
    await page.emulateMedia({ media: 'screen' });

    // The attempt is kept among the earlier results.
    await open(page, '#/test');
    await expect(page.locator('.test-attempts li')).toHaveCount(1);
    await expect(page.locator('.test-attempts li')).toContainText(`${overall} sur 100`);
  });

  test('a second attempt is compared with the first; export and import keep everything', async ({ page }, info) => {
    await open(page, '#/test');
    const first = resultsFile(info.outputPath('first.json'), [
      attempt('first-attempt', '2026-10-01T09:30:00Z', answersOf(FIRST)),
    ]);
    await page.locator('#import-results').setInputFiles(first);
    await expect(page.locator('#import-feedback')).toHaveText('1 résultat importé.');
    await expect(page.locator('.test-attempts li')).toHaveCount(1);

    await takeTest(page, SECOND);
    await checkTable(page, SECOND);
    await page.locator('#compare-with').focus();
    await page.locator('#compare-with').selectOption('first-attempt');
    await press(page.getByRole('button', { name: 'Comparer', exact: true }));
    await expect(page).toHaveURL(/\?compare=first-attempt$/);

    const shapes = page.locator('svg.radar .radar-shape');
    await expect(shapes).toHaveCount(2);
    const styles = await shapes.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('stroke'), e.getAttribute('stroke-dasharray')]),
    );
    expect(styles[0]?.[0]).not.toBe(styles[1]?.[0]);
    expect(styles[0]?.[1]).not.toBe(styles[1]?.[1]);
    await expect(page.locator('.radar-legend li')).toHaveCount(2);

    const before = expectedScores(FIRST);
    const after = expectedScores(SECOND);
    for (const d of content.dimensions) {
      const b = before.get(d.id) ?? null;
      const a = after.get(d.id) ?? null;
      const delta = b === null || a === null ? '—' : a - b === 0 ? 'stable' : a > b ? `+${a - b}` : `−${b - a}`;
      await expect(page.locator(`.deltas-table tr[data-dimension="${d.id}"] td.delta`)).toHaveText(delta);
    }

    // Export this attempt, then check a bad file changes nothing.
    const download = page.waitForEvent('download');
    await press(page.getByRole('button', { name: 'Exporter ces résultats (JSON)' }));
    const file = JSON.parse(readFileSync((await (await download).path()) ?? '', 'utf8'));
    expect(file.attempts[0].answers).toEqual(answersOf(SECOND));

    await open(page, '#/test');
    await expect(page.locator('.test-attempts li')).toHaveCount(2);
    const bad = resultsFile(info.outputPath('bad.json'), [
      attempt('bad', '2026-10-01T09:30:00Z', { 'resilience-written-aim': 5 }),
    ]);
    await page.locator('#import-results').setInputFiles(bad);
    await expect(page.locator('#import-feedback')).toContainText("hors de l'échelle du test");
    await expect(page.locator('.test-attempts li')).toHaveCount(2);
  });

  test('a reload mid-test resumes on the same page, and the home offers to resume', async ({ page }) => {
    await open(page, '#/test');
    await chooseRespondent(page, 'commune');
    await press(page.getByRole('button', { name: 'Commencer le test' }));
    await answerPage(page, 'steering-together', FIRST['steering-together'] ?? []);
    await press(page.getByRole('button', { name: 'Dimension suivante' }));
    await expect(title(page)).toHaveText('Tisser les solidarités');
    const q = questionsOf('solidarity-ties')[1]?.id ?? '';
    await press(page.locator(`#${q}-2`), 'Space');
    const url = page.url();
    await page.reload();
    await expect(title(page)).toHaveText('Tisser les solidarités');
    expect(page.url()).toBe(url);
    await expect(page.locator('.test-progress')).toHaveText('Dimension 2 sur 6');
    await expect(page.locator(`#${q}-2`)).toBeChecked();
    await expect(page.locator('.test-answered')).toHaveText('7 questions sur 40 ont une réponse.');

    await open(page, '#/test');
    await expect(page.locator('.test-under-way')).toContainText('dimension 2 sur 6');
    await press(page.getByRole('button', { name: 'Reprendre le test' }));
    await expect(page).toHaveURL(/#\/test\/questions\/solidarity-ties$/);
    await expect(page.locator(`#${q}-2`)).toBeChecked();
  });

  test('corrupt saved progress gives a message and a fresh start', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('rtk:test:progress', '{"format":"resilient-territory-kit/test-progress","version":9');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await open(page, '#/test');
    await expect(page.locator('.message-info')).toContainText('test en cours enregistré sur cet appareil était illisible');
    await expect(page.getByRole('button', { name: 'Commencer le test' })).toBeVisible();
    await expect(page.locator('.test-under-way')).toHaveCount(0);
    await page.reload();
    await expect(title(page)).toHaveText("Test d'autodiagnostic");
    await expect(page.locator('.message-info')).toHaveCount(0);
  });

  for (const lang of ['fr', 'en'] as const) {
    test(`intro, a question page and the results have no WCAG 2.2 A/AA violation (${lang})`, async ({ page }) => {
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
      expect(await axeViolations(page), 'intro').toEqual([]);
      await chooseRespondent(page, 'commune');
      await press(page.getByRole('button', { name: lang === 'en' ? 'Start the test' : 'Commencer le test' }));
      await expect(page.locator('.test-progress')).toHaveText(lang === 'en' ? 'Dimension 1 of 6' : 'Dimension 1 sur 6');
      await press(page.locator(`#${content.questions[0]?.id}-2`), 'Space');
      await press(page.getByRole('button', { name: lang === 'en' ? 'Next dimension' : 'Dimension suivante' }));
      await expect(page.locator('#unanswered-notice')).toBeVisible();
      expect(await axeViolations(page), 'question page').toEqual([]);
      await open(page, '#/test/results/seed-two?compare=seed-one');
      await expect(page.locator('svg.radar .radar-shape')).toHaveCount(2);
      await expect(title(page)).toHaveText(lang === 'en' ? 'Your results' : 'Vos résultats');
      expect(await axeViolations(page), 'results').toEqual([]);
    });
  }

  test('three named attempts of one day are told apart; a comparison reads later minus earlier in both URL orders', async ({
    page,
  }) => {
    await page.addInitScript(
      ([a, b, c]) => {
        localStorage.setItem('rtk:test:attempt:morning', a ?? '');
        localStorage.setItem('rtk:test:attempt:noon', b ?? '');
        localStorage.setItem('rtk:test:attempt:evening', c ?? '');
      },
      [
        stored('morning', '2026-10-01T09:30:00Z', FIRST, { structure: 'Épicerie solidaire', respondent: 'Awa' }),
        stored('noon', '2026-10-01T09:30:20Z', SECOND, { commune: 'Saint-Aubin', respondent: 'Mairie' }),
        stored('evening', '2026-10-01T09:30:40Z', FIRST, { respondent: 'Collectif <b>vélo</b>' }),
      ],
    );
    await open(page, '#/test');
    // Newest first, each with its name; the date alone would read the same three times.
    await expect(page.locator('.test-attempts li > span')).toHaveText([
      /^Collectif <b>vélo<\/b> — 1 octobre 2026/,
      /^Saint-Aubin · Mairie — 1 octobre 2026/,
      /^Épicerie solidaire · Awa — 1 octobre 2026/,
    ]);
    const before = expectedScores(FIRST);
    const after = expectedScores(SECOND);
    const signed = (d: string) => {
      const b = before.get(d) ?? null;
      const a = after.get(d) ?? null;
      return b === null || a === null ? '—' : a === b ? 'stable' : a > b ? `+${a - b}` : `−${b - a}`;
    };
    for (const hash of ['#/test/results/noon?compare=morning', '#/test/results/morning?compare=noon']) {
      await open(page, hash);
      await expect(page.locator('.radar-legend li')).toHaveCount(2);
      await expect(page.locator('.radar-legend')).toContainText('Saint-Aubin · Mairie');
      await expect(page.locator('.radar-legend')).toContainText('Épicerie solidaire · Awa');
      await expect(page.locator('.deltas-table thead th').nth(1)).toContainText('Épicerie solidaire · Awa');
      await expect(page.locator('.deltas-table thead th').nth(2)).toContainText('Saint-Aubin · Mairie');
      for (const d of content.dimensions)
        await expect(page.locator(`.deltas-table tr[data-dimension="${d.id}"] td.delta`), `${hash} ${d.id}`).toHaveText(
          signed(d.id),
        );
    }
    // The "earlier test" list offers only attempts finished before this one.
    await open(page, '#/test/results/noon');
    await expect(page.locator('#compare-with option')).toHaveText([/^Épicerie solidaire · Awa/]);
    await open(page, '#/test/results/morning');
    await expect(page.locator('#compare-with')).toHaveCount(0);

    // Naming from the results page: the title and the list follow.
    await page.locator('#attempt-name-structure').fill('Tiers-lieu de la gare');
    await press(page.getByRole('button', { name: 'Enregistrer le nom' }));
    await expect(page).toHaveTitle(/Tiers-lieu de la gare · Awa/);
    // The name heads the report, on screen and on paper.
    await expect(page.locator('.results-name')).toHaveText('Tiers-lieu de la gare · Awa');
    await open(page, '#/test');
    await expect(page.locator('.test-attempts li > span').nth(2)).toHaveText(/^Tiers-lieu de la gare · Awa — /);
  });

  test('import feedback sits by the file field, goes with the page, and refuses nonsense', async ({ page }, info) => {
    await open(page, '#/test');
    const one = attempt('one', '2026-10-01T09:30:00Z', answersOf(FIRST));
    const input = page.locator('#import-results');
    const feedback = page.locator('#import-feedback');
    // A version 1 file (today's exports) imports.
    await input.setInputFiles(resultsFile(info.outputPath('v1.json'), [one]));
    await expect(feedback).toHaveText('1 résultat importé.');
    const box = async (selector: string) => (await page.locator(selector).boundingBox())?.y ?? Number.NaN;
    expect(Math.abs((await box('#import-feedback')) - (await box('#import-results')))).toBeLessThan(120);
    // The same attempt under another id is a duplicate.
    await input.setInputFiles(resultsFile(info.outputPath('dup.json'), [{ ...one, id: 'copy' }]));
    await expect(feedback).toHaveText('Ces résultats sont déjà enregistrés sur cet appareil.');
    const backwards = { ...attempt('back', '2026-10-02T09:30:00Z', answersOf(SECOND)), startedAt: '2026-10-02T10:00:00Z' };
    await input.setInputFiles(resultsFile(info.outputPath('back.json'), [backwards]));
    await expect(feedback).toHaveText(
      'Ce fichier contient un test terminé avant d’avoir commencé\u202f: il n’a pas été importé.',
    );
    await expect(page.locator('.test-attempts li')).toHaveCount(1);
    // One message at a time, and none on the next page.
    await expect(page.locator('.message-info, .message-error')).toHaveCount(0);
    await open(page, '#/guide');
    await open(page, '#/test');
    await expect(feedback).toHaveText('');
  });
});
