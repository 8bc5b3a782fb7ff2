/**
 * The keyboard stays where the player left it: the facilitator's buttons keep the focus as their panel is
 * redrawn, a confirmation opens on "Annuler", the debrief's title takes the focus when the game ends, a
 * dialog opened over the hazard reveal closes with the first Escape, and the shortcuts work from a ticked box.
 * A status line of a panel drawn afresh is said by one live region that stays in the page.
 * Set-up refuses two teams of one name.
 */
import { expect, open, test } from './fixtures.ts';
import { phaseTitle, press, setUpGame } from './game-helpers.ts';

test.describe('keyboard focus', () => {
  test('the facilitator’s buttons keep the focus; the end of the game puts it on the debrief', async ({ page }) => {
    await setUpGame(page, { scenario: 'market-town-drought', teams: 2, seed: 3, facilitator: true });
    const panel = page.locator('.facilitator-panel');
    const pause = panel.locator('#facilitator-pause');
    await press(pause);
    await expect(pause).toHaveText('Reprendre');
    await expect(pause).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(pause).toHaveText('Mettre en pause');
    await expect(pause).toBeFocused();

    await panel.locator('#inject-hazard').focus();
    await panel.locator('#inject-hazard').selectOption('heatwave');
    await press(panel.getByRole('button', { name: 'Déclencher cet aléa' }));
    await expect(panel.getByRole('status')).toContainText('Aléa programmé');
    // The panel is drawn afresh: its line is not live there, the table's one live region for panels says it.
    await expect(panel.getByRole('status')).toHaveAttribute('aria-live', 'off');
    await expect(page.locator('.panel-news')).toHaveText('Aléa programmé\u00a0: Canicule');
    await expect(panel.locator('#facilitator-inject')).toBeFocused();

    // To the shock: a dialog opened over the reveal takes the first Escape, the reveal the second.
    await press(panel.locator('#facilitator-skip-phase'));
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    await expect(phaseTitle(page)).toHaveText('Réalisation');
    await page.keyboard.press('n');
    const reveal = page.locator('.hazard-reveal');
    await expect(reveal).toBeVisible();
    await page.keyboard.press('?');
    const help = page.locator('dialog.help-dialog');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(reveal).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(reveal).toBeHidden();

    // Ending the game is confirmed, never by a stray Enter: the dialog opens on "Annuler".
    await press(panel.locator('#facilitator-skip-debrief'));
    const confirm = page.locator('dialog.confirm-dialog');
    await expect(confirm.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    await expect(phaseTitle(page)).toHaveText('Aléa');
    await press(panel.locator('#facilitator-skip-debrief'));
    await press(page.locator('dialog.confirm-dialog').getByRole('button', { name: 'Confirmer' }));
    await expect(page.locator('#debrief-title')).toBeFocused();
  });

  test('the shortcuts work from a ticked box: B goes back to the projects from a lever', async ({ page }) => {
    await setUpGame(page, { scenario: 'periurban-brownfield', seed: 2 });
    await page.keyboard.press('n');
    await press(page.locator('.game-card button').first());
    await expect(phaseTitle(page)).toHaveText('Financement');
    await press(page.locator('.lever-list input:not([disabled])').first(), 'Space');
    await page.keyboard.press('b');
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
  });

  test('at 320 pixels the facilitator’s panel fits the page: no sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await setUpGame(page, { scenario: 'coastal-estuary', teams: 3, seed: 9, facilitator: true });
    await expect(page.locator('.facilitator-panel #plan-hazard')).toBeVisible();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
  });

  test('set-up refuses two teams of the same name, whatever their case, and points at the second', async ({ page }) => {
    await open(page, '#/game');
    await page.locator('#team-count').selectOption('3');
    await page.locator('#team-name-3').fill('équipe 1');
    await press(page.getByRole('button', { name: 'Commencer la partie' }));
    await expect(page.locator('.form-error')).toHaveText(
      'Deux équipes portent le nom «\u00a0équipe 1\u00a0»\u00a0: donnez à chacune un nom qui la distingue.',
    );
    await expect(page.locator('#team-name-3')).toBeFocused();
    await expect(page.locator('#team-name-3')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/#\/game$/);
  });
});
