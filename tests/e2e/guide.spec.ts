import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { press } from './game-helpers.ts';

const title = (page: Page) => page.locator('#page-title');

async function search(page: Page, words: string): Promise<void> {
  const input = page.locator('#guide-search-input');
  await input.focus();
  await input.fill(words);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/guide/search\\?q=${encodeURIComponent(words)}$`));
  await expect(page.locator('.guide-search-count')).toBeVisible();
}

/** The chapters a results page lists, in order. */
const resultChapters = (page: Page) => page.locator('.guide-result > h2 a');

test.describe('practical guide', () => {
  test('home, a chapter from the keyboard, contents, previous and next', async ({ page }) => {
    await open(page, '#/guide');
    await expect(title(page)).toHaveText('Le guide pratique');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Chapitres', 'Fiches outils', 'Sources', 'Glossaire']);
    await expect(page.locator('.guide-list-lead').first()).toContainText('Un territoire résilient');

    await press(page.getByRole('link', { name: 'Coopérer et mutualiser' }));
    await expect(page).toHaveURL(/#\/guide\/cooperate-and-pool$/);
    await expect(title(page)).toHaveText('Coopérer et mutualiser');
    await expect(page).toHaveTitle(/^Coopérer et mutualiser/);

    // A contents link focuses its section without a new route (the title stays, the address follows).
    const toc = page.getByRole('navigation', { name: 'Sommaire' });
    await press(toc.getByRole('link', { name: /Le PTCE/ }));
    await expect(page.locator('#ptce')).toBeFocused();
    await expect(page.locator('#ptce')).toBeInViewport();
    await expect(page).toHaveURL(/#\/guide\/cooperate-and-pool\/ptce$/);
    await expect(title(page)).toHaveText('Coopérer et mutualiser');

    // A glossary term is a link to its definition.
    await expect(page.locator('.guide-article a[href="#/guide/glossary/ptce"]').first()).toBeVisible();

    await press(page.locator('a[rel="next"]'));
    await expect(title(page)).toHaveText("Accompagner par l'ingénierie");
    await press(page.locator('a[rel="prev"]'));
    await expect(title(page)).toHaveText('Coopérer et mutualiser');
  });

  test('a deep link lands on its section, an unknown chapter says so, an unknown section opens its chapter', async ({ page }) => {
    await open(page, '#/guide/cooperate-and-pool/ptce');
    await expect(page.locator('#ptce')).toBeFocused();
    await expect(page.locator('#ptce')).toBeInViewport();
    await page.reload();
    await expect(page.locator('#ptce')).toBeFocused();
    // The other language redraws the same chapter, at the same section.
    await page.getByRole('button', { name: /EN/ }).click();
    await expect(title(page)).toHaveText('Cooperating and pooling');
    await expect(page.locator('#ptce')).toHaveText(/^The PTCE, economic cooperation with local roots #$/);
    await expect(page.locator('#ptce')).toBeInViewport();
    await expect(page).toHaveTitle(/^Cooperating and pooling/);
    await page.getByRole('button', { name: /FR/ }).click();
    await expect(title(page)).toHaveText('Coopérer et mutualiser');

    await open(page, '#/guide/nowhere');
    await expect(title(page)).toHaveText('Page du guide introuvable');
    await open(page, '#/guide/cooperate-and-pool/nowhere');
    await expect(title(page)).toHaveText('Coopérer et mutualiser');
    await expect(page.locator('.guide-unknown-section')).toHaveText(
      'Ce chapitre n’a pas de section «\u202fnowhere\u202f»\u202f: voici le chapitre depuis son début.',
    );
  });

  test('search finds resilience and cooperation in French and English, with marks', async ({ page }) => {
    await open(page, '#/guide');
    await search(page, 'resilience');
    await expect(title(page)).toHaveText('Résultats pour « resilience »');
    await expect(resultChapters(page).first()).toHaveAttribute('href', '#/guide/understand-resilience');
    await expect(page.locator('.guide-result-snippet mark').first()).toHaveText(/^résilience$/i);
    await expect(page.locator('#live-region')).toContainText(/passages? trouvés? dans/);

    await search(page, 'cooperation');
    await expect(page.locator('.guide-result > h2 a[href="#/guide/cooperate-and-pool"]')).toBeVisible();
    await expect(page.locator('.guide-result-snippet mark').first()).toHaveText(/^coopération$/i);

    await page.getByRole('button', { name: /EN/ }).click();
    await expect(title(page)).toHaveText('Results for “cooperation”');
    await expect(page.locator('.guide-result > h2 a[href="#/guide/cooperate-and-pool"]')).toBeVisible();
    // Accent-insensitive: the English text's "cooperation" and the French name "coopération" are both marked.
    await expect(
      page
        .locator('.guide-result-snippet mark')
        .filter({ hasText: /^cooperation$/i })
        .first(),
    ).toBeVisible();

    await search(page, 'resilience');
    await expect(resultChapters(page).first()).toHaveAttribute('href', '#/guide/understand-resilience');
    await expect(resultChapters(page).first()).toHaveText('Understanding territorial resilience');
    await expect(page.locator('.guide-result-snippet mark').first()).toHaveText(/^resilience$/i);

    // A result goes to its section.
    await press(page.locator('a[href="#/guide/understand-resilience/what-is-resilience"]'));
    await expect(page.locator('#what-is-resilience')).toBeFocused();
    await page.getByRole('button', { name: /FR/ }).click();
    await expect(title(page)).toHaveText('Comprendre la résilience territoriale');
  });

  test('a search is a deep link', async ({ page }) => {
    await open(page, '#/guide/search?q=r%C3%A9silience');
    await expect(title(page)).toHaveText('Résultats pour « résilience »');
    await expect(page.locator('#guide-search-input')).toHaveValue('résilience');
    await expect(resultChapters(page).first()).toHaveAttribute('href', '#/guide/understand-resilience');
    await expect(page.locator('mark').first()).toBeVisible();
    await open(page, '#/guide/search?q=coop%C3%A9ration');
    await expect(page.locator('.guide-result > h2 a[href="#/guide/cooperate-and-pool"]')).toBeVisible();
  });

  for (const language of ['fr', 'en'] as const) {
    test(`no WCAG 2.2 A/AA violation on the home, a chapter and results (${language})`, async ({ page }) => {
      await open(page, '#/guide');
      if (language === 'en') {
        await page.getByRole('button', { name: /EN/ }).click();
        await expect(title(page)).toHaveText('The practical guide');
      }
      expect(await axeViolations(page)).toEqual([]);
      for (const hash of ['#/guide/fund-the-project', '#/guide/glossary/sse', '#/guide/search?q=cooperation']) {
        await open(page, hash);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        if (hash.includes('search')) await expect(page.locator('mark').first()).toBeVisible();
        expect(await axeViolations(page), hash).toEqual([]);
      }
    });
  }

  test('prints the chapter without the navigation', async ({ page }) => {
    await open(page, '#/guide/tool-funding-plan');
    await expect(page.locator('.guide-toc')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(title(page)).toBeVisible();
    await expect(page.locator('.guide-article')).toBeVisible();
    await expect(page.locator('.guide-article table').first()).toBeVisible();
    for (const hidden of ['.guide-toc', '.guide-pager', '.guide-breadcrumb', '.guide-print', '.site-header']) {
      await expect(page.locator(hidden).first(), hidden).toBeHidden();
    }
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.guide-toc')).toBeVisible();
  });

  test('search says when it found only some words, and ignores lone digits', async ({ page }) => {
    await open(page, '#/guide/search?q=third%20place');
    await expect(page.locator('.guide-search-partial')).toHaveText(
      'Aucun passage ne contient tous vos mots. Ces passages contiennent seulement «\u202fplace\u202f»\u202f; introuvable dans le guide\u202f: «\u202fthird\u202f».',
    );
    await expect(page.locator('.guide-search-count')).toContainText('contiennent une partie de vos mots');
    await open(page, `#/guide/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await expect(page.locator('.guide-search-count')).toHaveText(/^Aucun résultat/);
    await expect(page.locator('.guide-result')).toHaveCount(0);
    // A 500-character query is cut in the heading.
    await open(page, `#/guide/search?q=${'coop%C3%A9ration%20'.repeat(40)}`);
    expect(((await title(page).textContent()) ?? '').length).toBeLessThan(110);
    expect((await title(page).boundingBox())?.height ?? 999).toBeLessThan(150);
  });

  test('"canicule" finds the heat wave chapters in English', async ({ page }) => {
    await open(page, '#/guide');
    await page.getByRole('button', { name: /EN/ }).click();
    await expect(title(page)).toHaveText('The practical guide');
    await search(page, 'canicule');
    await expect(page.locator('.guide-search-translated')).toHaveText(
      '“canicule” is not a word of the English guide: searched as “heat wave”.',
    );
    await expect(page.locator('.guide-result > h2 a[href="#/guide/respond-to-hazards"]')).toBeVisible();
    await expect(page.locator('.guide-result > h2 a[href="#/guide/diagnose-vulnerabilities"]')).toBeVisible();
    await page.getByRole('button', { name: /FR/ }).click();
  });

  test('every guide page has a search box; headings have permalinks; the contents mark the section read', async ({ page }) => {
    await open(page, '#/guide');
    const links = await page.locator('.guide-list-link').evaluateAll((els) => els.map((a) => a.getAttribute('href') ?? ''));
    expect(links).toHaveLength(16);
    for (const href of links) {
      await open(page, href);
      await expect(page.getByRole('search', { name: 'Rechercher dans le guide' }), href).toBeVisible();
    }
    await open(page, '#/guide/respond-to-hazards');
    await expect(page.locator('h2#heat-and-drought a.guide-permalink')).toHaveAttribute(
      'href',
      '#/guide/respond-to-hazards/heat-and-drought',
    );
    await press(page.locator('.guide-toc a[data-section="heat-and-drought"]'));
    await expect(page.locator('.guide-toc a[aria-current="location"]')).toHaveAttribute('data-section', 'heat-and-drought');
  });

  test('the sources page names the source sheet, its further reading and the public tools', async ({ page }) => {
    await open(page, '#/guide/sources');
    await expect(title(page)).toHaveText('Sources et pour aller plus loin');
    for (const name of ['TRESSONS', 'Ille-et-Vilaine', 'RepèrESS', 'Boussole de la résilience', 'Géorisques', 'Diag360'])
      await expect(page.locator('.guide-article')).toContainText(name);
  });

  test('tool sheets print blank rows tall enough to write in', async ({ page }) => {
    await open(page, '#/guide/tool-actor-map');
    await page.emulateMedia({ media: 'print' });
    const heights = await page
      .locator('#template ~ .table-wrap tbody tr, .table-wrap tbody tr')
      .evaluateAll((rows) =>
        rows
          .filter((r) => Array.from(r.querySelectorAll('td')).every((td) => td.textContent?.trim() === ''))
          .map((r) => r.getBoundingClientRect().height),
      );
    expect(heights.length).toBeGreaterThanOrEqual(3);
    // 1 cm is about 38 CSS pixels: each blank row is at least that.
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(45);
    await page.emulateMedia({ media: 'screen' });
  });

  for (const language of ['fr', 'en'] as const)
    for (const width of [1280, 375])
      test(`sources, a chapter, a tool sheet and partial results: no axe violation, no sideways scroll (${language}, ${width} px)`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 800 });
        await open(page, '#/guide');
        if (language === 'en') {
          await page.getByRole('button', { name: /EN/ }).click();
          await expect(title(page)).toHaveText('The practical guide');
        }
        for (const hash of [
          '#/guide/sources',
          '#/guide/respond-to-hazards',
          '#/guide/tool-actor-map',
          '#/guide/search?q=third%20place',
        ]) {
          await open(page, hash);
          await expect(page.locator('html')).toHaveAttribute('lang', language);
          expect(await axeViolations(page), hash).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${hash} scrolls sideways`).toBeLessThanOrEqual(0);
        }
      });
});
