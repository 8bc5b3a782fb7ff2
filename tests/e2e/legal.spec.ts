/** The accessibility statement and the privacy note: reachable from every page, accessible, in both languages. */
import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';

const PAGES = [
  { hash: '#/accessibilite', fr: "Déclaration d'accessibilité", en: 'Accessibility statement' },
  { hash: '#/donnees-personnelles', fr: 'Données personnelles et mentions légales', en: 'Personal data and legal notice' },
] as const;

async function switchTo(page: Page, language: 'FR' | 'EN'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${language}`) }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language.toLowerCase());
}

test('every page links to both legal pages from its footer', async ({ page }) => {
  for (const hash of ['#/', '#/game', '#/course', '#/test', '#/guide', '#/facilitator', '#/accessibilite']) {
    await open(page, hash);
    const footer = page.getByRole('navigation', { name: 'Informations légales' });
    await expect(footer.getByRole('link')).toHaveText([
      'Accessibilité : non conforme',
      'Données personnelles et mentions légales',
    ]);
  }
  await page
    .getByRole('navigation', { name: 'Informations légales' })
    .getByRole('link', { name: /Données personnelles/ })
    .click();
  await expect(page.locator('#page-title')).toHaveText('Données personnelles et mentions légales');
  await expect(page).toHaveTitle('Données personnelles et mentions légales · Kit territoire résilient');
});

for (const { hash, fr, en } of PAGES) {
  test(`${hash}: titled in both languages, no WCAG 2.2 A/AA violation in either`, async ({ page }) => {
    await open(page, hash);
    await expect(page.locator('#page-title')).toHaveText(fr);
    expect(await axeViolations(page)).toEqual([]);
    await switchTo(page, 'EN');
    await expect(page.locator('#page-title')).toHaveText(en);
    await expect(page).toHaveTitle(`${en} · Resilient territory kit`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test(`${hash}: reflows at 320 px wide without horizontal scrolling, skip link first`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await open(page, hash);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
}

test('the statement names the recourse and the measured rate', async ({ page }) => {
  await open(page, '#/accessibilite');
  await expect(page.getByRole('heading', { name: 'Voies de recours' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07');
  await expect(page.locator('main')).toContainText('taux de conformité de 100\u00a0% sur les critères vérifiés');
  await expect(page.locator('main')).toContainText('non conforme avec le RGAA 4.1');
});

test('the privacy note lists the storage keys and the LMS fields', async ({ page }) => {
  await open(page, '#/donnees-personnelles');
  const terms = page.locator('.legal-keys dt');
  await expect(terms).toContainText(['rtk:settings', 'rtk:game:…', 'rtk:current-game', 'rtk:course:progress']);
  await expect(page.locator('main')).toContainText('cmi.suspend_data');
  await expect(page.getByRole('heading', { name: "Serveur d'atelier" })).toBeVisible();
  await expect(page.locator('main')).toContainText('Une séance sans nouveau coup pendant 30\u00a0jours est effacée du serveur');
});

for (const hash of ['#/test', '#/game', '#/guide/understand-resilience', '#/accessibilite']) {
  test(`switching language on ${hash} keeps the focus on the language control and the scroll position`, async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 420 });
    await open(page, hash);
    const scrolled = await page.evaluate(() => {
      window.scrollTo(0, 200);
      return window.scrollY;
    });
    expect(scrolled).toBe(200);
    // Focus without scrolling, as a pointer or a screen reader would reach it, then Enter.
    await page.evaluate(() =>
      (document.querySelector('.lang-switch button[lang="en"]') as HTMLElement).focus({ preventScroll: true }),
    );
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.lang-switch button[lang="en"]')).toBeFocused();
    await expect(page.locator('.lang-switch button[lang="en"]')).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => window.scrollY)).toBe(200);
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('.lang-switch button[lang="fr"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('.lang-switch button[lang="fr"]')).toBeFocused();
  });
}
