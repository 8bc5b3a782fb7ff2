/**
 * A team's seat with its cards as a grid that filters and sorts, and the
 * facilitator's notes on the console. Expected cards are read off
 * scenarios/periurban-brownfield.json by hand (3 teams: the contract's
 * envelope is 140, the call's 100; team 1 holds 55 k€). A card's share alone =
 * cost - levers: the contract pays 45 % when a tag is one of its priorities,
 * the call 35 % when an SSE actor carries it, together at most 80 %. Out of
 * "affordable now": the PTCE (needs two partners), the workers' cooperative
 * (110 - 39 = 71) and the rail halt (130 - 59 = 71).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { gameReady, phaseTitle, press, setUpGame } from './game-helpers.ts';

async function face(context: BrowserContext, hash: string, size = { width: 1280, height: 720 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await open(page, hash);
  await gameReady(page);
  return page;
}

/** Affordable now, cheapest first; equal costs in the scenario's order. */
const AFFORDABLE_BY_COST = [
  'youth-service-cooperative', // 20
  'community-garden', // 20
  'neighbour-solidarity-network', // 20
  'solidarity-transport', // 25
  'sse-territorial-forum', // 30
  'solidarity-garage', // 35
  'logistics-warehouse', // 40, no lever: 40
  'producer-shop', // 45
  'palus-retail-park', // 45, no lever: 45
  'circular-economy-hub', // 60
  'integration-worksite', // 65
  'cooperative-supermarket', // 70
  'shared-mobility-scic', // 75
  'early-childhood-centre', // 80
  'brownfield-clean-up-worksite', // 80
  'forges-hall-food-hub', // 85
  'forges-hall-housing', // 95
  'local-food-kitchen', // 100
  'third-place-brownfield', // 110
  'housing-renovation', // 120
  'tzcld-company', // 130
  'citizen-solar-scic', // 140
];

const shownCards = (page: Page) =>
  page.locator('.card-grid .game-card').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.card));

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test.describe('a team seat’s card grid and the facilitator’s notes', () => {
  test('team 1 filters “affordable now” and sorts by cost; the choice and the focus outlive another window’s move', async ({
    page,
    context,
  }) => {
    test.setTimeout(150_000);
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 3, seed: 8 });
    const session = new URL(page.url()).hash;
    const seat = await face(context, `${session}/team/1`);
    await page.keyboard.press('n');
    await expect(phaseTitle(seat)).toHaveText('Choix des projets');
    const count = seat.locator('#card-count');
    await expect(count).toHaveText('25 projets affichés sur 25');
    await expect(seat.getByRole('group', { name: 'Trier et filtrer les projets' })).toBeVisible();

    // Keyboard only: Space ticks the box, an arrow key moves the sort to its next option (cost).
    await press(seat.getByLabel('Finançable dès maintenant, sans partenaire'), 'Space');
    await press(seat.getByLabel('Trier par'), 'ArrowDown');
    await expect(seat.locator('#card-sort')).toHaveValue('cost');
    await expect(count).toHaveText('22 projets affichés sur 25');
    await expect(count).toHaveAttribute('role', 'status');
    expect(await shownCards(seat)).toEqual(AFFORDABLE_BY_COST);
    // Several cards a row at 1280 px.
    const [first, second] = await Promise.all([0, 1].map((i) => seat.locator('.card-grid .game-card').nth(i).boundingBox()));
    expect(first?.y).toBe(second?.y);
    expect(await sideways(seat)).toBe(false);

    // Another window (the table) starts the garden for team 1 with no lever: 35 k€ left,
    // so the warehouse (40) and the retail park (45) are no longer affordable.
    await press(page.locator('.game-card[data-card="community-garden"]').getByRole('button', { name: /Choisir/ }));
    await press(page.getByRole('button', { name: 'Lancer le projet' }));
    await expect(count).toHaveText('19 projets affichés sur 24');
    await expect(seat.locator('#card-affordable')).toBeChecked();
    await expect(seat.locator('#card-sort')).toHaveValue('cost');
    await expect(seat.locator('#card-sort')).toBeFocused();
    expect(await shownCards(seat)).toEqual(
      AFFORDABLE_BY_COST.filter((id) => !['community-garden', 'logistics-warehouse', 'palus-retail-park'].includes(id)),
    );
    expect(await axeViolations(seat)).toEqual([]);

    // In English, the same choice.
    await press(seat.getByRole('button', { name: /EN/ }));
    await expect(count).toHaveText('19 of 24 project cards shown');
    await expect(seat.getByRole('group', { name: 'Sort and filter the projects' })).toBeVisible();
    expect(await axeViolations(seat)).toEqual([]);

    // On a phone: one column, nothing scrolls sideways.
    await seat.setViewportSize({ width: 375, height: 740 });
    const [a, b] = await Promise.all([0, 1].map((i) => seat.locator('.card-grid .game-card').nth(i).boundingBox()));
    expect(a?.x).toBe(b?.x);
    expect(await sideways(seat)).toBe(false);
    await seat.setViewportSize({ width: 320, height: 640 });
    expect(await sideways(seat)).toBe(false);

    // Nothing found: said so, with a way back to every card.
    await seat.setViewportSize({ width: 1280, height: 720 });
    await seat.locator('#card-need').focus();
    await seat.locator('#card-need').selectOption('drink');
    await seat.locator('#card-hazard').focus();
    await seat.locator('#card-hazard').selectOption('river-flood');
    await expect(seat.locator('.card-empty')).toContainText('No project matches these criteria.');
    await press(seat.getByRole('button', { name: 'Show every project' }));
    await expect(count).toHaveText('24 of 24 project cards shown');
    await seat.close();
  });

  test('the console’s notes: refused when empty or too long, shown in a second console and after a reload, never on the screen, in the debrief', async ({
    page,
    context,
  }) => {
    test.setTimeout(150_000);
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 2, seed: 8 });
    const session = new URL(page.url()).hash;
    const console1 = await face(context, `${session}/facilitator`);
    const console2 = await face(context, `${session}/facilitator`);
    const screen = await face(context, `${session}/screen`);
    const seat = await face(context, `${session}/team/1`);
    const field = console1.getByLabel('Nouvelle note');

    // An empty note, then one of 501 characters: refused, in words.
    await press(console1.getByRole('button', { name: 'Ajouter la note' }));
    await expect(console1.locator('#note-error')).toHaveText(
      "Note refusée : la note est vide : écrivez quelques mots avant de l'ajouter.",
    );
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await console1.keyboard.insertText('x'.repeat(501));
    await expect(console1.locator('#note-length')).toHaveText('501 caractères sur 500');
    await console1.keyboard.press('Control+Enter');
    await expect(console1.locator('#note-error')).toHaveText('Note refusée : la note dépasse 500 caractères : raccourcissez-la.');
    await console1.keyboard.press('Control+a');
    await console1.keyboard.press('Delete');

    // Odd characters go in as typed and come out as text.
    const words = 'Équipe 2 : « on mutualise ? » <b>pas gras</b> 🌳';
    await console1.keyboard.insertText(words);
    await press(console1.getByRole('button', { name: 'Ajouter la note' }));
    await expect(field).toHaveValue('');
    for (const p of [console1, console2]) {
      await expect(p.locator('.notes-list .note-text')).toHaveText([words]);
      await expect(p.locator('.notes-list .note-meta')).toContainText(['Manche 1, Diagnostic']);
    }
    await expect(console2.locator('.notes-list b')).toHaveCount(0);
    // The room never sees it.
    for (const p of [screen, seat]) {
      await expect(p.locator('.facilitator-notes')).toHaveCount(0);
      await expect(p.locator('body')).not.toContainText('on mutualise');
    }
    // A note survives a reload: it is in the game's log.
    await console2.reload();
    await gameReady(console2);
    await expect(console2.locator('.notes-list .note-text')).toHaveText([words]);

    // A note typed while another window moves the game on is not lost.
    await field.focus();
    await console1.keyboard.insertText('Équipe 1 hésite');
    await page.keyboard.press('n');
    await expect(phaseTitle(console1)).toHaveText('Choix des projets');
    await expect(field).toHaveValue('Équipe 1 hésite');
    await expect(field).toBeFocused();
    await console1.keyboard.press('Control+Enter');
    await expect(console2.locator('.notes-list .note-meta').nth(1)).toContainText('Manche 1, Choix des projets');

    expect(await axeViolations(console1)).toEqual([]);
    await press(console1.getByRole('button', { name: /EN/ }));
    await expect(console1.getByRole('heading', { name: "Facilitator's notes" })).toBeVisible();
    await expect(console1.locator('.notes-list .note-meta').first()).toContainText('Round 1, Diagnosis');
    expect(await axeViolations(console1)).toEqual([]);
    await press(console1.getByRole('button', { name: /FR/ }));

    // The debrief: the table and the console list the notes; the projector and the seats do not.
    await press(console1.getByRole('button', { name: 'Aller au débriefing' }));
    await press(console1.getByRole('button', { name: 'Confirmer' }));
    for (const p of [console1, page]) {
      await expect(p.locator('.debrief-notes h2')).toHaveText("Notes d'animation");
      await expect(p.locator('.debrief-notes .note-text')).toHaveText([words, 'Équipe 1 hésite']);
      await expect(p.locator('.debrief-notes-sheet .note-text')).toHaveCount(2);
    }
    for (const p of [screen, seat]) {
      await expect(p.locator('.debrief-slot h2').first()).toBeVisible();
      await expect(p.locator('.debrief-notes, .debrief-notes-sheet')).toHaveCount(0);
      await expect(p.locator('body')).not.toContainText('on mutualise');
    }
    for (const p of [console1, console2, screen, seat]) await p.close();
  });
});
