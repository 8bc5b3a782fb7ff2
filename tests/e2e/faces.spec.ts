import type { BrowserContext, Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { gameReady, phaseTitle, press, setUpGame } from './game-helpers.ts';

async function face(context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  await open(page, hash);
  await gameReady(page);
  return page;
}

test.describe('the faces of one game', () => {
  test('projector, console and a seat of one game stay in sync; each shows only its part', async ({ page, context }) => {
    test.setTimeout(150_000);
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
    // The projector at 1280 x 720: nothing scrolls sideways, no text under 14 px.
    await screen.setViewportSize({ width: 1280, height: 720 });
    const layout = await screen.evaluate(() => {
      const small: string[] = [];
      let read = 0;
      for (const el of document.querySelectorAll<HTMLElement>('main *')) {
        const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (text && el.offsetParent !== null) read += 1;
        if (text && el.offsetParent !== null && Number.parseFloat(getComputedStyle(el).fontSize) < 14) {
          small.push(`${el.tagName.toLowerCase()}.${el.className}: ${getComputedStyle(el).fontSize}`);
        }
      }
      return { sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth, small, read };
    });
    expect(layout.read).toBeGreaterThan(30);
    expect({ sideways: layout.sideways, small: layout.small }).toEqual({ sideways: false, small: [] });
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
    // The other teams pass at the table; the console moves on to the shock: the projector shows the hazard, no button.
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    await expect(phaseTitle(screen)).toHaveText('Réalisation');
    await console_.keyboard.press('n');
    await expect(phaseTitle(screen)).toHaveText('Aléa');
    await expect(screen.locator('.shock-title')).not.toBeEmpty();
    await expect(screen.locator('.phase-panel button')).toHaveCount(0);

    for (const p of [screen, console_, seat]) expect(await axeViolations(p)).toEqual([]);
    // And in English.
    for (const p of [screen, console_, seat]) {
      await press(p.getByRole('button', { name: /EN/ }));
      await expect(p.locator('.face-label')).not.toHaveText(/Écran|Console|Poste/);
      expect(await axeViolations(p)).toEqual([]);
    }
    for (const p of [screen, console_, seat]) await p.close();
  });

  test('a whole 3-team game played from the seats, with a pooled project, to a debrief that says why', async ({
    page,
    context,
  }) => {
    // A whole game in five windows: seven rounds, each step crossing the session link.
    test.setTimeout(240_000);
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 3, seed: 5 });
    const session = new URL(page.url()).hash;
    const console_ = await face(context, `${session}/facilitator`);
    const seats = [
      await face(context, `${session}/team/1`),
      await face(context, `${session}/team/2`),
      await face(context, `${session}/team/3`),
    ];
    const [one, two] = seats as [Page, Page, Page];
    await console_.keyboard.press('n');
    // Team 1 offers team 2 to pool the forum, from its seat.
    const card = one.locator('.game-card[data-card="sse-territorial-forum"]');
    await press(card.getByLabel('Équipe 2'), 'Space');
    await press(card.getByRole('button', { name: /Choisir/ }));
    await press(one.getByRole('button', { name: 'Lancer le projet' }));
    await one.keyboard.press('p');
    // Team 2 accepts on its turn, on its own seat.
    await press(two.getByRole('button', { name: "Accepter l'offre de Équipe 1 pour « Forum territorial de l'ESS »" }));
    await two.keyboard.press('p');
    for (let guard = 0; guard < 120; guard += 1) {
      if (await console_.locator('.debrief-slot h2').first().isVisible()) break;
      const title = (await phaseTitle(console_).textContent()) ?? '';
      if (/Choix des projets|Financement/.test(title)) {
        const banner = (await console_.locator('.turn-banner').textContent()) ?? '';
        const n = Number(/Équipe (\d)/.exec(banner)?.[1]);
        await (seats[n - 1] as Page).keyboard.press('p');
        await expect(console_.locator('.turn-banner')).not.toHaveText(banner);
      } else {
        await console_.keyboard.press('n');
        await expect(phaseTitle(console_).or(console_.locator('.debrief-slot h2').first())).not.toHaveText(title);
      }
    }
    // The debrief, on every face: each team is told why it reached or missed the target.
    const verdicts = console_.locator('.debrief-why-verdict');
    await expect(verdicts).toHaveCount(3);
    for (const verdict of await verdicts.allTextContents()) expect(verdict).toMatch(/^Objectif (atteint|manqué de \d+ points?)/);
    await expect(one.locator('.debrief-decisions [data-project]').first()).toContainText('Forum territorial');
    for (const p of [console_, ...seats]) await p.close();
  });

  test('a seat for a team the game does not have says so', async ({ page }) => {
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 2, seed: 8 });
    await open(page, `${new URL(page.url()).hash}/team/5`);
    await expect(page.locator('p.notice[role="alert"]')).toHaveText("Cette vue n'existe pas pour cette partie.");
  });
});
