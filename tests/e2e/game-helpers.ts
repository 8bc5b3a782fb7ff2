import type { Locator, Page } from '@playwright/test';
import { expect, open } from './fixtures.ts';

/** Moves focus to an element (as Tab would) and presses a key: the game is driven from the keyboard. */
export async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await target.page().keyboard.press(key);
}

export const phaseTitle = (page: Page) => page.locator('#phase-title');

/** Set-up screen to the first diagnosis, from the keyboard. */
export async function setUpGame(
  page: Page,
  options: { scenario: string; teams?: number; seed?: number; facilitator?: boolean; seat?: number },
): Promise<void> {
  await open(page, '#/game');
  await press(page.locator(`#scenario-${options.scenario}`), 'Space');
  if (options.teams && options.teams > 1) {
    await page.locator('#team-count').focus();
    await page.locator('#team-count').selectOption(String(options.teams));
  }
  if (options.seed !== undefined) {
    await page.locator('#seed').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(options.seed));
  }
  if (options.seat !== undefined) {
    await page.locator('#department-seat').focus();
    await page.locator('#department-seat').selectOption(String(options.seat));
  }
  if (options.facilitator) await press(page.locator('#facilitator-on'), 'Space');
  await press(page.getByRole('button', { name: /Commencer la partie|Start the game/ }));
  await expect(page).toHaveURL(/#\/game\/session\//);
  await gameReady(page);
}

export async function gameReady(page: Page): Promise<void> {
  await expect(page.locator('.play[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-renderer', 'webgl');
}

/** Plays every remaining round by passing, using the single-key shortcuts. */
export async function passToDebrief(page: Page): Promise<void> {
  for (let guard = 0; guard < 200; guard += 1) {
    if (await page.locator('.debrief-slot h2').first().isVisible()) return;
    const title = (await phaseTitle(page).textContent()) ?? '';
    if (/Choix des projets|Choice of projects|Financement|Funding/.test(title)) {
      const banner = await page.locator('.turn-banner').textContent();
      await page.keyboard.press('p');
      await expect(page.locator('.turn-banner')).not.toHaveText(banner ?? '');
    } else {
      await page.keyboard.press('n');
      await expect(phaseTitle(page).or(page.locator('.debrief-slot h2').first())).not.toHaveText(title);
    }
  }
  throw new Error('the game did not reach the debrief');
}
