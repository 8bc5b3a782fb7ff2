import { axeViolations, expect, open, test } from './fixtures.ts';

test.describe('app shell', () => {
  test('home presents the four parts and the facilitator space, in French by default', async ({ page }) => {
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('#page-title')).toHaveText('Bienvenue dans le kit territoire résilient');
    const parts = page.locator('.part-card h2 a');
    await expect(parts).toHaveText([
      'Le jeu sérieux',
      'La formation en ligne',
      "Le test d'autodiagnostic",
      'Le guide pratique',
      'Espace animation',
    ]);
    await expect(page).toHaveTitle('Kit territoire résilient');
  });

  test('a navigation made while the page is still loading is not lost', async ({ page }) => {
    // The course's code arrives late; meanwhile the learner goes to the guide.
    await page.route(/\/course-view-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.goto('./#/course', { waitUntil: 'commit' });
    await page.evaluate(() => {
      window.location.hash = '#/guide';
    });
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(page.locator('nav a[aria-current="page"]')).toHaveText('Guide pratique');
    await expect(page).toHaveURL(/#\/guide$/);
  });

  test('every route is a deep link that survives a reload', async ({ page }) => {
    for (const [hash, nav] of [
      ['#/game', 'Jeu sérieux'],
      ['#/course', 'Formation'],
      ['#/test', 'Test'],
      ['#/guide', 'Guide pratique'],
      ['#/facilitator', 'Animation'],
    ] as const) {
      await open(page, hash);
      await expect(page.locator(`nav a[aria-current="page"]`)).toHaveText(nav);
      await page.reload();
      await expect(page.locator(`nav a[aria-current="page"]`)).toHaveText(nav);
      await expect(page.locator('#page-title')).toBeVisible();
    }
    await open(page, '#/nowhere');
    await expect(page.locator('#page-title')).toHaveText('Page introuvable');
  });

  test('the language switch applies at once and is remembered', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: /EN/ }).click();
    await expect(page.locator('#page-title')).toHaveText('Welcome to the resilient territory kit');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: /EN/ })).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(page.locator('#page-title')).toHaveText('Welcome to the resilient territory kit');
    await page.getByRole('link', { name: 'Practical guide' }).first().click();
    await expect(page).toHaveURL(/#\/guide/);
  });

  test('settings are kept: sound stays off until asked, reduced motion applies', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Réglages' }).click();
    const dialog = page.getByRole('dialog', { name: 'Réglages' });
    await expect(dialog.getByLabel('Activer le son')).not.toBeChecked();
    await dialog.getByLabel('Animations').selectOption('on');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(page.locator('html')).toHaveClass(/reduce-motion/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/reduce-motion/);
  });

  test('works when the browser refuses storage, and says so', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    await open(page);
    await expect(page.locator('.message-info')).toContainText("refuse l'enregistrement local");
    await page.getByRole('button', { name: /EN/ }).click();
    await expect(page.locator('#page-title')).toHaveText('Welcome to the resilient territory kit');
  });

  test('recovers from corrupt saved settings with a message', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('rtk:settings', '{broken'));
    await open(page);
    await expect(page.locator('.message-info')).toContainText('réglages enregistrés étaient illisibles');
  });

  test('the skip link reaches the content from the keyboard', async ({ page }) => {
    await open(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  for (const lang of ['fr', 'en'] as const) {
    test(`home has no WCAG 2.2 A/AA violation (${lang})`, async ({ page }) => {
      await open(page);
      if (lang === 'en') await page.getByRole('button', { name: /EN/ }).click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
