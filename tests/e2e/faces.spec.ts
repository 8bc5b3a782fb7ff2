import type { BrowserContext, Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { gameReady, phaseTitle, setUpGame } from './game-helpers.ts';

async function face(context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  await open(page, hash);
  await gameReady(page);
  return page;
}

test.describe('the faces of one game', () => {
  test('projector, console and a seat of one game stay in sync; each shows only its part', async ({ page, context }) => {
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 3, seed: 8 });
    const session = new URL(page.url()).hash;
    // The table links to every face of the game.
    await expect(page.locator('.face-links a')).toHaveCount(5);
    const screen = await face(context, `${session}/screen`);
    const console_ = await face(context, `${session}/facilitator`);
    const seat = await face(context, `${session}/team/1`);
    await expect(screen.locator('.face-label')).toHaveText('Écran du vidéoprojecteur');
    await expect(seat.locator('.face-label')).toHaveText('Poste : Équipe 1');
    // The projector never shows the facilitator's controls, nor a button of the round.
    await expect(screen.locator('.facilitator-panel')).toHaveCount(0);
    await expect(screen.locator('.phase-panel button')).toHaveCount(0);
    await expect(console_.locator('.facilitator-panel')).toBeVisible();
    // The rules that decide the game are on every face: peri-urban brownfield's target is 51, collapse at 10.
    for (const p of [screen, console_, seat]) {
      await p.locator('.rules-panel summary').click();
      await expect(p.locator('.rules-panel')).toContainText('au moins 51');
      await expect(p.locator('.rules-panel')).toContainText('à 10 ou moins');
    }

    // The console pauses: the projector shows it within a second.
    await console_.keyboard.press('k');
    await expect(screen.locator('.turn-banner')).toContainText('Partie en pause', { timeout: 1000 });
    await console_.keyboard.press('k');
    await expect(screen.locator('.turn-banner')).not.toContainText('Partie en pause');
    // The console moves the round on to the plan; team 1's seat gets its cards, the screen the turns.
    await console_.keyboard.press('n');
    await expect(phaseTitle(screen)).toHaveText('Choix des projets');
    await expect(seat.locator('.card-list')).toBeVisible();
    await expect(screen.locator('.face-turns [data-team="team-1"]')).toHaveAttribute('data-state', 'playing');
    // Team 1 passes from its seat: the projector shows it played, team 2 is on.
    await seat.keyboard.press('p');
    await expect(screen.locator('.face-turns [data-team="team-1"]')).toHaveAttribute('data-state', 'played');
    await expect(screen.locator('.face-turns [data-team="team-2"]')).toHaveAttribute('data-state', 'playing');
    await expect(seat.locator('.phase-panel [role="status"]')).toHaveText(
      'Au tour de Équipe 2 : vos choix viendront à votre tour.',
    );
    // P on a seat whose turn it is not does nothing.
    await seat.keyboard.press('p');
    await expect(screen.locator('.face-turns [data-team="team-2"]')).toHaveAttribute('data-state', 'playing');

    for (const p of [screen, console_, seat]) expect(await axeViolations(p)).toEqual([]);
    for (const p of [screen, console_, seat]) await p.close();
  });

  test('a seat for a team the game does not have says so', async ({ page }) => {
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 2, seed: 8 });
    await open(page, `${new URL(page.url()).hash}/team/5`);
    await expect(page.locator('p.notice[role="alert"]')).toHaveText("Cette vue n'existe pas pour cette partie.");
  });
});
