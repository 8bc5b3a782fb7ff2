/**
 * A networked workshop across devices: the facilitator creates it from the
 * set-up, three teams join by code from their own browser contexts (no
 * shared storage), each takes a seat and plays round 1 on its turn while the
 * console moves the shared steps on and shows each seat's state; then one
 * team's device goes offline and comes back to its seat with nothing lost;
 * seats are handed on, and the console, reloaded, keeps each seat's last
 * action and exports the game file.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { axeViolations, expect as kitExpect, open, test } from './fixtures.ts';
import { gameReady, phaseTitle, press } from './game-helpers.ts';

// Six browser contexts on one machine: none installs the offline copy of the kit (tests/e2e/offline.spec.ts does),
// whose precaching of every asset would compete with the game for the cores; and each step may wait longer than
// alone, every device drawing its table through the one software GPU while the other worker runs its own test.
test.use({ serviceWorkers: 'block' });
const expect = kitExpect.configure({ timeout: 30_000 });

async function teamDevice(browser: Browser, code: string, team: number): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, '#/join');
  // Typed as people do: lower case, with a space; the field takes it.
  await page.locator('#join-code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/join\\?code=${code}$`));
  await press(page.getByRole('button', { name: `Prendre le siège de Équipe ${team}` }));
  await expect(page.locator('.face-label')).toHaveText(`Poste : Équipe ${team}`);
  await expect(page.locator('.workshop-status')).toHaveAttribute('data-status', 'online');
  return page;
}

test.describe('networked workshop', () => {
  test('teams join by code on their own devices, play round 1, and a device back from offline is at its seat', async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    await open(page, '#/game');
    await press(page.locator('#scenario-market-town-drought'), 'Space');
    await page.locator('#team-count').selectOption('3');
    await page.locator('#seed').fill('7');
    await press(page.getByRole('button', { name: 'Lancer un atelier en réseau' }));
    await expect(page).toHaveURL(/#\/join\?code=[ACDEFGHJKMNPRTWXY]{6}&facilitator$/);
    const code = (await page.locator('.workshop-code strong').textContent()) ?? '';
    expect(code).toMatch(/^[ACDEFGHJKMNPRTWXY]{6}$/);
    // The QR's text alternative: the link it holds, also shown as text.
    await expect(page.locator('.join-qr')).toHaveAttribute('aria-label', new RegExp(`code=${code}`));
    await expect(page.locator('.workshop-url')).toHaveText(new RegExp(`#/join\\?code=${code}$`));
    await gameReady(page);
    await expect(page.locator('.face-label')).toHaveText("Console d'animation");
    // The code and the seats come after the game: one button takes the keyboard there.
    await press(page.getByRole('button', { name: "Aller au code et aux sièges de l'atelier" }));
    await expect(page.locator('#workshop-join-title')).toBeFocused();

    // A wrong code is refused with a translated reason, in the form.
    const stranger = await (await browser.newContext()).newPage();
    await open(stranger, '#/join');
    await stranger.locator('#join-code').fill('abc');
    await stranger.keyboard.press('Enter');
    await expect(stranger.locator('#join-code-error')).toHaveText(
      "Aucun code ne contient B\u00a0: les codes n'utilisent que les lettres ACDEFGHJKMNPRTWXY.",
    );
    // In the other language, the typed code and its error stay, translated.
    await press(stranger.locator('.lang-switch button[lang="en"]'));
    await expect(stranger.locator('#join-code')).toHaveValue('ABC');
    await expect(stranger.locator('#join-code-error')).toHaveText(
      'No code holds B: codes only use the letters ACDEFGHJKMNPRTWXY.',
    );
    await press(stranger.locator('.lang-switch button[lang="fr"]'));
    // A well-formed code no session holds: refused with the reason, and the status line stops saying it connects.
    const unknown = code === 'ACDEFG' ? 'CDEFGH' : 'ACDEFG';
    await stranger.goto(`./#/join?code=${unknown}&screen`);
    await expect(stranger.locator('p.notice[role="alert"]:not([hidden])')).toContainText('Aucune session ne porte ce code');
    await expect(stranger.locator('.workshop-status')).toHaveAttribute('data-status', 'refused');
    await expect(stranger.locator('.workshop-status')).toHaveText("Cet appareil n'a pas rejoint l'atelier.");
    // The same code to take a seat: back to the code form, the code kept, the reason beside it and the focus in it.
    await stranger.goto(`./#/join?code=${unknown}`);
    await expect(stranger.locator('#page-title')).toHaveText('Rejoindre un atelier');
    await expect(stranger.locator('#join-code')).toHaveValue(unknown);
    await expect(stranger.locator('#join-code-error')).toHaveText('Aucune session ne porte ce code\u00a0: vérifiez les lettres.');
    await expect(stranger.locator('#join-code')).toBeFocused();
    await expect(stranger.locator('#join-code')).toHaveAttribute('aria-invalid', 'true');

    const teams = [await teamDevice(browser, code, 1), await teamDevice(browser, code, 2), await teamDevice(browser, code, 3)];
    const row = (n: number) => page.locator(`.workshop-seat-table tr[data-seat="team-${n}"]`);
    for (const n of [1, 2, 3]) {
      await expect(row(n)).toHaveAttribute('data-connected', 'true');
      await expect(row(n)).toHaveAttribute('data-holder', 'device');
      // Team names are text in the table, and no token shows on any seat's page.
      await expect(row(n).locator('th')).toHaveText(`Équipe ${n}`);
    }
    for (const team of teams) expect(await team.content()).not.toMatch(/token=/);
    // A team's device has no "new game" to wander off to; the console keeps it.
    await expect((teams[0] as Page).locator('[data-tool="new"]')).toHaveCount(0);
    await expect(page.locator('[data-tool="new"]')).toHaveCount(1);
    // The console, a seat and the join form have no WCAG 2.2 A/AA violation.
    for (const p of [page, teams[0] as Page, stranger]) expect(await axeViolations(p)).toEqual([]);
    // On a phone the console's seat table scrolls in its own box: the page does not scroll sideways.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 375, height: 740 });
    await kitExpect(page.locator('.workshop-seat-table')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    if (viewport) await page.setViewportSize(viewport);
    // Each page open renders through the one software GPU: the ones done with are closed.
    await stranger.context().close();

    // The console moves the round on; every seat follows.
    await page.keyboard.press('n');
    for (const p of [page, ...teams]) await expect(phaseTitle(p)).toHaveText('Choix des projets');
    await expect(row(1).locator('[data-played]')).toHaveAttribute('data-played', 'playing');
    // On team 1's turn, team 3's own device still shows its own commune (the map's text view says whose).
    await expect((teams[2] as Page).locator('.map-text summary')).toHaveText(/Équipe 3$/);
    // Each team passes on its turn, from its own device.
    for (const [i, team] of teams.entries()) {
      await expect(team.getByRole('button', { name: 'Passer mon tour' })).toBeVisible();
      await press(team.getByRole('button', { name: 'Passer mon tour' }));
      await expect(row(i + 1).locator('[data-played]')).toHaveAttribute('data-played', 'done');
      await expect(
        row(i + 1)
          .locator('td')
          .nth(3),
      ).toHaveText('a passé');
    }
    for (const p of [page, ...teams]) await expect(phaseTitle(p)).toHaveText('Réalisation');
    // A seat moves no shared step on: its panel has no button in the implementation phase.
    await expect((teams[0] as Page).locator('.phase-panel button')).toHaveCount(0);
    await page.keyboard.press('n');
    for (const p of [page, ...teams]) await expect(phaseTitle(p)).toHaveText('Aléa');

    // Team 2's device goes offline; the console goes on; back online, it is at its seat and up to date.
    const away = teams[1] as Page;
    await away.context().setOffline(true);
    await expect(away.locator('.workshop-status')).toHaveAttribute('data-status', 'reconnecting');
    await expect(row(2)).toHaveAttribute('data-connected', 'false');
    await expect(row(2).locator('td').nth(1)).toHaveText('hors ligne');
    await page.keyboard.press('n');
    await expect(phaseTitle(page)).toHaveText("Bilan de l'année");
    await away.context().setOffline(false);
    await expect(away.locator('.workshop-status')).toHaveAttribute('data-status', 'online');
    await expect(phaseTitle(away)).toHaveText("Bilan de l'année");
    await expect(away.locator('.face-label')).toHaveText('Poste : Équipe 2');
    await expect(row(2)).toHaveAttribute('data-connected', 'true');

    // The console hands team 3's seat to a bot: its device is told, from the keyboard.
    await press(page.getByRole('button', { name: 'Confier le siège de Équipe 3 à un robot' }));
    // Team 3's device is at the table: the console asks first.
    const confirm = page.locator('dialog.confirm-dialog');
    await expect(confirm).toContainText('Équipe 3 joue sur un appareil connecté');
    await press(confirm.getByRole('button', { name: 'Confirmer' }));
    await expect(row(3)).toHaveAttribute('data-holder', 'bot');
    const third = teams[2] as Page;
    await expect(third.locator('.workshop-error')).toHaveText(
      "L'animateur ou l'animatrice a confié ce siège à un robot, qui joue désormais les tours de l'équipe\u00a0: demandez-lui pour le reprendre.",
    );
    await expect(third.locator('.workshop-status')).toHaveAttribute('data-status', 'closed');
    // Said once, in the alert; the status line only says the device is no longer linked.
    await expect(third.locator('.workshop-status')).toHaveText("Cet appareil n'est plus relié à l'atelier.");
    // Its game stays in view but takes no move; one button, with the focus, goes back to the workshop.
    await expect(third.locator('.workshop-device')).toHaveAttribute('inert', '');
    await expect(third.getByRole('button', { name: "Revenir à l'atelier" })).toBeFocused();

    // Then to another device: the console shows that seat's link (and QR); the new device opens it and is at the seat.
    await press(page.getByRole('button', { name: 'Confier le siège de Équipe 3 à un autre appareil' }));
    const handed = (await page.locator('.workshop-handed a[data-handed="team-3"]').getAttribute('href')) ?? '';
    expect(handed).toMatch(new RegExp(`#/join\\?code=${code}&token=[A-Za-z0-9_-]{43}$`));
    // Until the new device comes in, the seat waits for it: it is not a device that dropped out.
    await expect(row(3).locator('td').nth(1)).toHaveText('en attente du nouvel appareil');
    const newcomer = await (await browser.newContext()).newPage();
    await newcomer.goto(handed);
    await expect(newcomer.locator('.face-label')).toHaveText('Poste : Équipe 3');
    // The token goes into the device's storage and out of its address.
    await expect(newcomer).toHaveURL(new RegExp(`#/join\\?code=${code}$`));
    await expect(row(3)).toHaveAttribute('data-holder', 'device');
    await expect(row(3)).toHaveAttribute('data-connected', 'true');
    // Its link goes from the console once used: it would open the seat to anyone else.
    await expect(page.locator('.workshop-handed')).toHaveText(
      "Équipe 3 a rejoint l'atelier sur son nouvel appareil\u00a0: son lien n'est plus affiché.",
    );
    // The device let go, reloaded: told its key no longer opens the seat, and shown the seats to choose again.
    await third.reload();
    await expect(third.locator('p.notice[role="alert"]')).toHaveText(/^Cette clé ne donne plus accès à la session/);
    await expect(third.locator('.join-seats li[data-seat="team-3"]')).toHaveText('Équipe 3\u00a0: siège pris par un appareil');
    await third.context().close();

    // A reload keeps the seat: its token is on the device.
    await away.reload();
    await expect(away.locator('.face-label')).toHaveText('Poste : Équipe 2');
    await expect(phaseTitle(away)).toHaveText("Bilan de l'année");

    // The console reloaded still shows each seat's last action (the server sends it the log), and exports the game.
    await page.reload();
    await expect(phaseTitle(page)).toHaveText("Bilan de l'année");
    await expect(row(1).locator('td').nth(3)).toHaveText('a passé');
    const download = page.waitForEvent('download');
    await press(page.locator('[data-tool="export"]'));
    const file = JSON.parse(await readFile(await (await download).path(), 'utf8'));
    expect([file.format, file.scenario, file.options.teams]).toEqual([
      'resilient-territory-kit/game',
      'market-town-drought',
      ['Équipe 1', 'Équipe 2', 'Équipe 3'],
    ]);
    expect(file.log.slice(0, 4)).toEqual([
      { type: 'continue' },
      { type: 'pass', team: 'team-1' },
      { type: 'pass', team: 'team-2' },
      { type: 'pass', team: 'team-3' },
    ]);
  });
});
