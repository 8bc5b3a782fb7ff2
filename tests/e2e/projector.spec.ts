/**
 * The projector screen, read from the back of a room: its large timer, the
 * hazard reveal, the map's names at 14 px or more, and the group summary at
 * the end. Each face is its own window of one game (see faces.spec.ts).
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { gameReady, passToDebrief, phaseTitle, press, setUpGame } from './game-helpers.ts';

async function face(context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  await open(page, hash);
  await gameReady(page);
  return page;
}

/** At 1280 x 720: whether anything scrolls sideways, and every visible text under 14 px. */
async function legibility(page: Page): Promise<{ sideways: boolean; small: string[] }> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      const shown = el.getClientRects().length > 0 && !el.closest('.visually-hidden');
      if (text && shown && Number.parseFloat(getComputedStyle(el).fontSize) < 14) {
        small.push(`${el.tagName.toLowerCase()}.${el.className}: ${getComputedStyle(el).fontSize}`);
      }
    }
    return { sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth, small };
  });
}

/** The smallest text the map draws, in CSS pixels as its canvas is shown. */
const mapTextPx = async (page: Page) => Number(await page.locator('.map-canvas').getAttribute('data-min-text-px'));

async function injectHazard(console_: Page, hazard: string): Promise<void> {
  const fieldset = console_.locator('.facilitator-panel fieldset', { has: console_.locator('#inject-hazard') });
  await console_.locator('#inject-hazard').focus();
  await console_.locator('#inject-hazard').selectOption(hazard);
  await press(fieldset.getByRole('button'));
  await expect(fieldset.getByRole('status')).not.toBeEmpty();
}

/** From the diagnosis to the shock: the console moves the shared steps on, the table passes for each team. */
async function toShock(table: Page, console_: Page, screen: Page, teams: number): Promise<void> {
  await console_.keyboard.press('n');
  // The turn order rotates each round: wait for each pass to show before the next.
  for (let i = 1; i <= teams; i += 1) {
    await expect(screen.locator('.face-turns [data-state="playing"]')).toHaveCount(1);
    await table.keyboard.press('p');
    await expect(screen.locator('.face-turns [data-state="played"]')).toHaveCount(i === teams ? 0 : i);
  }
  await expect(phaseTitle(console_)).toHaveText(/Réalisation|Implementation/);
  await console_.keyboard.press('n');
}

const groupText = (reveal: Locator, reach: string) => reveal.locator(`.hazard-reveal-group li[data-reach="${reach}"]`);

test.describe('the projector screen', () => {
  test('a large timer, with the phase and whose turn, that says when the console pauses it', async ({ page, context }) => {
    test.setTimeout(120_000);
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 3, seed: 8 });
    const session = new URL(page.url()).hash;
    const screen = await face(context, `${session}/screen`);
    const console_ = await face(context, `${session}/facilitator`);
    await screen.setViewportSize({ width: 1280, height: 720 });
    const timer = screen.locator('.big-timer');
    await expect(timer).toHaveCount(0);
    await press(console_.locator('#timer-on'), 'Space');
    await expect(timer).toBeVisible();
    await expect(timer.locator('.big-timer-clock')).toContainText('3:00');
    await expect(timer.locator('.big-timer-context')).toHaveText('Manche 1 sur 7 · Diagnostic');
    // The console moves on to the plan (its shortcuts ignore keys typed in a field): the clock runs for team 1.
    await phaseTitle(console_).focus();
    await console_.keyboard.press('n');
    await expect(timer.locator('.big-timer-turn')).toHaveText('Au tour de : Équipe 1');
    await expect(timer).toHaveAttribute('data-state', 'running');
    await expect(timer.locator('.big-timer-clock')).toContainText(/2:5\d/, { timeout: 15_000 });
    // Large figures, no live region on them: a screen reader is not told every second.
    const clock = timer.locator('.big-timer-clock');
    await expect(clock).toHaveAttribute('role', 'timer');
    await expect(clock).toHaveAttribute('aria-live', 'off');
    expect(await clock.evaluate((el) => el.closest('[aria-live]:not([aria-live="off"])') === null)).toBe(true);
    expect(await clock.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(56);
    await expect(clock).toContainText(/Temps restant\s:\s2 min \d+ s/);

    // The console pauses: the projector says so in words, once, and the clock stands still.
    await console_.keyboard.press('k');
    await expect(timer).toHaveAttribute('data-state', 'paused', { timeout: 2000 });
    await expect(timer.locator('.big-timer-state')).toHaveText('En pause : le temps est arrêté');
    await expect(timer.locator('[role="status"]')).toHaveText('En pause : le temps est arrêté');
    const still = await timer.locator('.big-timer-figures').textContent();
    await screen.waitForTimeout(2500);
    await expect(timer.locator('.big-timer-figures')).toHaveText(still ?? '');
    await console_.keyboard.press('k');
    await expect(timer).toHaveAttribute('data-state', 'running');

    // At 1280 x 720: nothing sideways, no text under 14 px, the map's names included.
    await expect.poll(() => mapTextPx(screen)).toBeGreaterThanOrEqual(14);
    expect(await legibility(screen)).toEqual({ sideways: false, small: [] });
    await screen.close();
    await console_.close();
  });

  test('a hazard injected from the console is revealed on the projector, then closed from the keyboard, FR and EN', async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 3, seed: 8 });
    const session = new URL(page.url()).hash;
    const screen = await face(context, `${session}/screen`);
    const console_ = await face(context, `${session}/facilitator`);
    await screen.setViewportSize({ width: 1280, height: 720 });

    // The river flood strikes the wetland of Saint-Romain (team 2) and spills on its neighbours.
    await injectHazard(console_, 'river-flood');
    await toShock(page, console_, screen, 3);
    const reveal = screen.locator('.hazard-reveal');
    await expect(reveal).toBeVisible();
    await expect(reveal).toHaveAttribute('role', 'dialog');
    await expect(reveal.locator('#hazard-reveal-title')).toContainText('Crue de la rivière');
    await expect(reveal.locator('#hazard-reveal-title svg')).toBeAttached();
    await expect(reveal.locator('#hazard-reveal-desc')).toHaveText('Zone frappée : Palus de la Lisse.');
    await expect(groupText(reveal, 'struck')).toHaveText([/^Saint-Romain-de-Lisse \(Équipe 2\) dans Palus de la Lisse/]);
    // Vallaurac and Cantegrive border Saint-Romain: 0.5 x (1 - 0.0875) = 46 % of the impact.
    await expect(groupText(reveal, 'spill')).toHaveText([
      /^Vallaurac-sur-Lisse \(Équipe 1\) 46\s% de l'impact, venu de Saint-Romain-de-Lisse/,
      /^Cantegrive \(Équipe 3\) 46\s% de l'impact, venu de Saint-Romain-de-Lisse/,
    ]);
    // Focus is on the reveal's button; the page behind stays as it was.
    await expect(reveal.getByRole('button', { name: 'Continuer' })).toBeFocused();
    await expect(screen.locator('.shock-title')).toContainText('Crue de la rivière');
    await expect(reveal.locator('#hazard-reveal-title')).toHaveCount(1);
    expect(await axeViolations(screen)).toEqual([]);
    expect(await legibility(screen)).toEqual({ sideways: false, small: [] });
    // Escape closes it; focus goes back to the phase's title.
    await screen.keyboard.press('Escape');
    await expect(reveal).toHaveCount(0);
    await expect(phaseTitle(screen)).toBeFocused();

    // Next round, in English: the storm strikes Cantegrive's forest; Enter closes the reveal.
    await press(screen.getByRole('button', { name: /EN/ }));
    await expect(screen.locator('.face-label')).toHaveText('Projector screen');
    await console_.keyboard.press('n');
    await console_.keyboard.press('n');
    await expect(phaseTitle(console_)).toHaveText(/Diagnostic|Diagnosis/);
    await injectHazard(console_, 'storm');
    await toShock(page, console_, screen, 3);
    await expect(reveal.locator('#hazard-reveal-title')).toContainText('Storm');
    await expect(reveal.locator('.hazard-reveal-kicker')).toHaveText('Hazard of round 2');
    // Team names are the set-up's, in French.
    await expect(groupText(reveal, 'struck')).toHaveText([
      /^Cantegrive \(Équipe 3\) in Brandes woods; absorbed \d+% by cooperation alone/,
    ]);
    await expect(groupText(reveal, 'spill')).toHaveText([
      /^Vallaurac-sur-Lisse \(Équipe 1\) \d+% of the impact, from Cantegrive; absorbed \d+% by cooperation alone/,
      /^Saint-Romain-de-Lisse \(Équipe 2\) \d+% of the impact, from Cantegrive; absorbed \d+% by cooperation alone/,
    ]);
    expect(await axeViolations(screen)).toEqual([]);
    await press(reveal.getByRole('button', { name: 'Continue' }));
    await expect(reveal).toHaveCount(0);
    await expect(phaseTitle(screen)).toBeFocused();
    await screen.close();
    await console_.close();
  });

  test('the game ends on a group summary for the room, FR and EN, legible at 1280 x 720', async ({ page, context }) => {
    test.setTimeout(180_000);
    await open(page, '#/game/play?scenario=periurban-brownfield&seed=8&teams=3&rounds=4');
    await gameReady(page);
    const screen = await face(context, `${new URL(page.url()).hash}/screen`);
    await screen.setViewportSize({ width: 1280, height: 720 });
    // Each shock's reveal also shows at the table: N still moves the round on while it is open.
    await passToDebrief(page);
    const summary = screen.locator('.group-summary');
    await expect(summary).toBeVisible();
    await expect(summary.locator('h2')).toHaveText('Le bilan de la partie');
    await expect(summary.locator('.group-intro')).toContainText('4 manches jouées sur 4');
    await expect(summary.locator('.group-team')).toHaveCount(3);
    for (const verdict of await summary.locator('.group-team-verdict').allTextContents()) {
      expect(verdict).toMatch(/^Objectif (atteint, \d+ points? d'avance|manqué de \d+ points?)$/);
    }
    for (const reason of await summary.locator('.group-team-reason').allTextContents()) {
      expect(reason).toMatch(/^(Raison principale|À renforcer encore|Aucun besoin)/);
    }
    await expect(summary.locator('.group-hazards li')).toHaveCount(4);
    // The table passed every turn: nothing was pooled.
    await expect(summary.locator('#group-pooled')).toHaveText('Projets mutualisés');
    await expect(summary.locator('#group-pooled + p')).toContainText('Aucun projet mutualisé');
    // The room's summary, not the long debrief, and nothing to press.
    await expect(screen.locator('.debrief')).toHaveCount(0);
    await expect(summary.locator('button, a')).toHaveCount(0);
    expect(await legibility(screen)).toEqual({ sideways: false, small: [] });
    expect(await axeViolations(screen)).toEqual([]);
    // The table keeps the full debrief.
    await expect(page.locator('.debrief-why-verdict')).toHaveCount(3);

    await press(screen.getByRole('button', { name: /EN/ }));
    await expect(summary.locator('h2')).toHaveText("The game's results");
    await expect(summary.locator('.group-intro')).toContainText('4 rounds played of 4');
    expect(await legibility(screen)).toEqual({ sideways: false, small: [] });
    expect(await axeViolations(screen)).toEqual([]);
    await screen.close();
  });
});
