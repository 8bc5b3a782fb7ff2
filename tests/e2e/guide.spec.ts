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
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Chapitres', 'Fiches outils', 'Glossaire']);
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

  test('a deep link lands on its section, an unknown page says so', async ({ page }) => {
    await open(page, '#/guide/cooperate-and-pool/ptce');
    await expect(page.locator('#ptce')).toBeFocused();
    await expect(page.locator('#ptce')).toBeInViewport();
    await page.reload();
    await expect(page.locator('#ptce')).toBeFocused();
    // The other language redraws the same chapter, at the same section.
    await page.getByRole('button', { name: /EN/ }).click();
    await expect(title(page)).toHaveText('Cooperating and pooling');
    await expect(page.locator('#ptce')).toHaveText('The PTCE, economic cooperation with local roots');
    await expect(page.locator('#ptce')).toBeInViewport();
    await expect(page).toHaveTitle(/^Cooperating and pooling/);
    await page.getByRole('button', { name: /FR/ }).click();
    await expect(title(page)).toHaveText('Coopérer et mutualiser');

    await open(page, '#/guide/nowhere');
    await expect(title(page)).toHaveText('Page du guide introuvable');
    await open(page, '#/guide/cooperate-and-pool/nowhere');
    await expect(title(page)).toHaveText('Page du guide introuvable');
    await press(page.getByRole('link', { name: /Aller au début du chapitre/ }));
    await expect(title(page)).toHaveText('Coopérer et mutualiser');
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
    test(`no WCAG 2.1 A/AA violation on the home, a chapter and results (${language})`, async ({ page }) => {
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
});
