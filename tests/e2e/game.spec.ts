import { writeFileSync } from 'node:fs';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { gameReady, passToDebrief, phaseTitle, press, setUpGame } from './game-helpers.ts';

const SCENARIOS = ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield'];

test.describe('serious game', () => {
  for (const scenario of SCENARIOS.slice(0, 3)) {
    test(`${scenario}: played from set-up to debrief with the keyboard only`, async ({ page }) => {
      await setUpGame(page, { scenario, seed: 11 });
      await expect(phaseTitle(page)).toHaveText('Diagnostic');
      await page.keyboard.press('n');
      await expect(phaseTitle(page)).toHaveText('Choix des projets');
      // The team starts its cheapest project with a lever, from the keyboard (budgets are tight).
      const costs = await page.locator('.game-card .card-facts li:first-child').allTextContents();
      const cheapest = costs
        .map((text) => Number(/(\d+) k€/.exec(text)?.[1] ?? 1e9))
        .reduce((best, cost, i, all) => (cost < (all[best] ?? 1e9) ? i : best), 0);
      const choose = page.locator('.game-card button').nth(cheapest);
      await press(choose);
      await expect(phaseTitle(page)).toHaveText('Financement');
      const lever = page.locator('.lever-list input:not([disabled])').first();
      if (await lever.count()) await press(lever, 'Space');
      await press(page.getByRole('button', { name: 'Lancer le projet' }));
      await expect(page.locator('.refusal')).toHaveCount(0);
      await passToDebrief(page);
      await expect(page.locator('.debrief-slot')).toContainText('Équipe 1');
      await expect(page.locator('.debrief-slot svg').first()).toBeVisible();
    });
  }

  test('periurban-brownfield: a team offers a pooled project, the partner accepts on its turn, and both communes gain', async ({
    page,
  }) => {
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 3, seed: 5 });
    await page.keyboard.press('n');
    await expect(page.locator('.turn-banner')).toContainText('Au tour de : Équipe 1');
    const card = page.locator('.game-card[data-card="sse-territorial-forum"]');
    await press(card.getByLabel('Équipe 2'), 'Space');
    await press(card.getByRole('button', { name: /Choisir/ }));
    await expect(phaseTitle(page)).toHaveText('Financement');
    await expect(page.locator('.quote')).toContainText('Part de Équipe 2');
    await press(page.getByRole('button', { name: 'Lancer le projet' }));
    // An offer: nobody pays until the partner answers, on its own turn.
    await expect(page.locator('#live-region')).toContainText(
      "Équipe 1 propose à Équipe 2 de mutualiser « Forum territorial de l'ESS ».",
    );
    await expect(page.locator('.turn-banner')).toContainText('Au tour de : Équipe 1');
    await page.keyboard.press('p');
    await expect(page.locator('.turn-banner')).toContainText('Au tour de : Équipe 2');
    await press(page.getByRole('button', { name: "Accepter l'offre de Équipe 1 pour « Forum territorial de l'ESS »" }));
    await expect(page.locator('#live-region')).toContainText("Équipe 2 accepte de mutualiser « Forum territorial de l'ESS ».");
    await page.keyboard.press('p');
    await expect(page.locator('.turn-banner')).toContainText('Au tour de : Équipe 3');
    await page.keyboard.press('p');
    // A one-round project takes one round more when pooled: built in round 2.
    await expect(phaseTitle(page)).toHaveText('Réalisation');
    await expect(page.locator('.phase-panel')).toContainText("Aucun projet n'arrive à terme cette année.");
    for (const title of ['Aléa', "Bilan de l'année", 'Diagnostic', 'Choix des projets']) {
      await page.keyboard.press('n');
      await expect(phaseTitle(page)).toHaveText(title);
    }
    for (const team of ['Équipe 2', 'Équipe 3', 'Équipe 1']) {
      await expect(page.locator('.turn-banner')).toContainText(`Au tour de : ${team}`);
      await page.keyboard.press('p');
    }
    await expect(phaseTitle(page)).toHaveText('Réalisation');
    await expect(page.locator('.phase-panel')).toContainText("Équipe 1, Équipe 2 : « Forum territorial de l'ESS » est réalisé.");
    for (const title of ['Aléa', "Bilan de l'année", 'Diagnostic']) {
      await page.keyboard.press('n');
      await expect(phaseTitle(page)).toHaveText(title);
    }
    // The forum's +10 cooperation (and the pooling bonus) shows on both partners' communes, not on the third.
    const table = page.locator('.phase-panel table');
    const heads = await table.locator('thead th').allTextContents();
    const column = heads.indexOf('Coopération');
    expect(column).toBeGreaterThan(0);
    const cooperation = async (row: number) =>
      Number(await table.locator('tbody tr').nth(row).locator('th, td').nth(column).textContent());
    const [one, two, three] = [await cooperation(0), await cooperation(1), await cooperation(2)];
    expect(one - three).toBeGreaterThanOrEqual(10);
    expect(two - three).toBeGreaterThanOrEqual(10);
  });

  test('a reload mid-round resumes the identical state', async ({ page }) => {
    await setUpGame(page, { scenario: 'coastal-estuary', teams: 2, seed: 3 });
    await page.keyboard.press('n');
    await press(page.locator('.game-card button').first());
    await expect(phaseTitle(page)).toHaveText('Financement');
    const before = {
      url: page.url(),
      banner: await page.locator('.turn-banner').textContent(),
      panel: await page.locator('.phase-panel').textContent(),
      map: await page.locator('.map-text').textContent(),
    };
    await page.reload();
    await gameReady(page);
    expect(page.url()).toBe(before.url);
    await expect(page.locator('.turn-banner')).toHaveText(before.banner ?? '');
    await expect(phaseTitle(page)).toHaveText('Financement');
    expect(await page.locator('.phase-panel').textContent()).toBe(before.panel);
    expect(await page.locator('.map-text').textContent()).toBe(before.map);
  });

  test('switching language mid-game loses nothing', async ({ page }) => {
    await setUpGame(page, { scenario: 'market-town-drought', teams: 2, seed: 8 });
    await page.keyboard.press('n');
    await page.keyboard.press('p');
    await expect(page.locator('.turn-banner')).toContainText('Équipe 2');
    await press(page.getByRole('button', { name: /EN/ }));
    await expect(phaseTitle(page)).toHaveText('Choice of projects');
    await expect(page.locator('.turn-banner')).toContainText('Turn: Équipe 2');
    await expect(page.locator('.game-card h3').first()).not.toBeEmpty();
    await expect(page.locator('.map-canvas')).toHaveAttribute('data-renderer', 'webgl');
    await press(page.getByRole('button', { name: /FR/ }));
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
    await expect(page.locator('.turn-banner')).toContainText('Équipe 2');
  });

  test('the facilitator takes the Department seat and splits an envelope; each commune sees its share', async ({ page }) => {
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 3, seed: 8, facilitator: true });
    const seat = page.locator('.department-seat .allocation[data-lever="solidarity-territory-contract"]');
    // 3 communes: the contract's 70 k€ x 2 = 140 k€ this year.
    await expect(seat.locator('h3')).toContainText('140 k€');
    await seat.locator('input').nth(0).fill('100');
    await seat.locator('input').nth(1).fill('41');
    await seat.locator('input').nth(2).fill('0');
    await press(seat.getByRole('button'));
    await expect(seat.getByRole('alert')).toContainText('141 k€');
    await seat.locator('input').nth(1).fill('40');
    await press(seat.getByRole('button'));
    await expect(page.locator('.department-seat').getByRole('status').first()).toHaveText('Répartition enregistrée.');
    await page.keyboard.press('n');
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
    await expect(page.locator('section.department')).toContainText('100 k€ réservés à votre commune');
  });

  test('a team takes the Department seat: it splits the envelope in the diagnosis, the facilitator no longer can', async ({
    page,
  }) => {
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 3, seed: 8, facilitator: true, seat: 2 });
    await expect(page.locator('.facilitator-panel')).toBeVisible();
    await expect(page.locator('.facilitator-panel .department-seat')).toHaveCount(0);
    const form = page.locator('.phase-panel .department-seat');
    await expect(form.locator('legend')).toHaveText('Siège du Département, tenu par Équipe 2 : répartir les enveloppes');
    const seat = form.locator('.allocation[data-lever="solidarity-territory-contract"]');
    await seat.locator('input').nth(0).fill('20');
    await seat.locator('input').nth(1).fill('100');
    await seat.locator('input').nth(2).fill('20');
    await press(seat.getByRole('button'));
    await expect(form.getByRole('status').first()).toHaveText('Répartition enregistrée.');
    await page.keyboard.press('n');
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
    // Équipe 1 opens round 1: what the seat left it.
    await expect(page.locator('section.department')).toContainText('20 k€ réservés à votre commune');
  });

  test('the same game open in two windows stays one game: a move and the pause in one show in the other', async ({
    page,
    context,
  }) => {
    await setUpGame(page, { scenario: 'periurban-brownfield', teams: 2, seed: 8, facilitator: true });
    const hash = new URL(page.url()).hash;
    const other = await context.newPage();
    await open(other, hash);
    await gameReady(other);
    // The second window moves the round on: the first follows.
    await other.keyboard.press('n');
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
    await expect(page.locator('.turn-banner')).toContainText('Équipe 1');
    // Équipe 1 passes in the first window: the second shows Équipe 2's turn.
    await page.keyboard.press('p');
    await expect(other.locator('.turn-banner')).toContainText('Équipe 2');
    await page.keyboard.press('k');
    await expect(other.locator('.turn-banner')).toContainText('Partie en pause', { timeout: 1000 });
    await other.close();
  });

  test('a facilitator injects a hazard and extends the timer', async ({ page }) => {
    await setUpGame(page, { scenario: 'forest-commune-wildfire', teams: 2, seed: 21, facilitator: true });
    const panel = page.locator('.facilitator-panel');
    await expect(panel).toBeVisible();
    await press(panel.getByLabel('Activer le minuteur'), 'Space');
    await expect(page.locator('.turn-timer')).toContainText('3:00');
    await press(page.getByRole('button', { name: 'Passer au choix des projets' }));
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
    // The timer runs while a team chooses.
    await expect(page.locator('.turn-timer')).toContainText(/2:5\d/, { timeout: 15_000 });
    const before = await page.locator('.turn-timer').textContent();
    await press(panel.getByRole('button', { name: '+1 minute' }));
    await expect(page.locator('.turn-timer')).not.toHaveText(before ?? '');
    await expect(page.locator('.turn-timer')).toContainText(/3:5\d|4:00/);
    await panel.locator('#inject-hazard').focus();
    await panel.locator('#inject-hazard').selectOption('drought');
    await press(panel.getByRole('button', { name: 'Déclencher cet aléa' }));
    await expect(panel.getByRole('status')).toContainText('Aléa programmé');
    await expect(page.locator('.turn-banner')).toContainText('Équipe 1');
    await page.keyboard.press('p');
    await expect(page.locator('.turn-banner')).toContainText('Équipe 2');
    await page.keyboard.press('p');
    await expect(phaseTitle(page)).toHaveText('Réalisation');
    await page.keyboard.press('n');
    await expect(page.locator('.shock-title')).toContainText('(choisi par l');
    // The timer never forced a choice: the turn only ended when the teams passed.
  });

  test('a hazard the facilitator injects in any phase is the next shock', async ({ page }) => {
    await setUpGame(page, { scenario: 'forest-commune-wildfire', teams: 2, seed: 5, facilitator: true });
    const panel = page.locator('.facilitator-panel');
    // Hazard names as the scenario and the library give them in French.
    const names: Record<string, string> = {
      storm: 'Tempête',
      drought: 'Sécheresse',
      'river-flood': 'Crue',
      pandemic: 'Épidémie',
      'energy-price-spike': 'Flambée',
    };
    const inject = async (hazard: string) => {
      await panel.locator('#inject-hazard').focus();
      await panel.locator('#inject-hazard').selectOption(hazard);
      await press(panel.getByRole('button', { name: 'Déclencher cet aléa' }));
      await expect(panel.getByRole('status')).toContainText('Aléa programmé');
    };
    const toPhase = async (title: string) => {
      for (let guard = 0; guard < 12 && (await phaseTitle(page).textContent()) !== title; guard += 1) {
        const before = `${await phaseTitle(page).textContent()}|${await page.locator('.turn-banner').textContent()}`;
        const reading = /Choix des projets|Financement/.test((await phaseTitle(page).textContent()) ?? '');
        await page.keyboard.press(reading ? 'p' : 'n');
        await expect
          .poll(async () => `${await phaseTitle(page).textContent()}|${await page.locator('.turn-banner').textContent()}`)
          .not.toBe(before);
      }
      await expect(phaseTitle(page)).toHaveText(title);
    };
    const phases = ['Diagnostic', 'Choix des projets', 'Réalisation', 'Aléa', "Bilan de l'année"];
    const hazards = ['storm', 'drought', 'river-flood', 'pandemic', 'energy-price-spike'];
    for (const [i, phase] of phases.entries()) {
      await toPhase(phase);
      await inject(hazards[i] as string);
      // Injected during a hazard, it strikes the next round's shock: leave this one first.
      if (phase === 'Aléa') {
        await page.keyboard.press('n');
        await expect(phaseTitle(page)).toHaveText("Bilan de l'année");
      }
      await toPhase('Aléa');
      await expect(page.locator('.shock-title')).toContainText(names[hazards[i] as string] as string);
      await expect(page.locator('.shock-title')).toContainText('(choisi par l');
    }
  });

  test('the debrief print view gives each team a one-page sheet', async ({ page }) => {
    await setUpGame(page, { scenario: 'market-town-drought', teams: 2, seed: 2 });
    await passToDebrief(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-only').first()).toBeVisible();
    await expect(page.locator('.site-header')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    // One A4 page per team: the PDF's page objects ("/Type /Page", not the "/Pages" tree).
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? [];
    expect(pages).toHaveLength(2);
    await page.emulateMedia({ media: 'screen' });
  });

  test('a corrupt game file is refused with a message and the current game is intact', async ({ page }, info) => {
    await setUpGame(page, { scenario: 'coastal-estuary', seed: 9 });
    await page.keyboard.press('n');
    const session = page.url();
    await open(page, '#/game');
    const bad = info.outputPath('corrupt-game.json');
    const good = JSON.parse(
      await page.evaluate(() => {
        const id = localStorage.getItem('rtk:current-game');
        return localStorage.getItem(`rtk:game:${id}`) ?? '{}';
      }),
    );
    // The stored record holds the game file; a pass slipped in before the diagnosis is over breaks its log.
    good.file.log.unshift({ type: 'pass', team: 'team-1' });
    writeFileSync(bad, JSON.stringify(good.file));
    await page.locator('#import-game').setInputFiles(bad);
    await expect(page.locator('.message-error')).toContainText(
      "L'événement n° 1 (pass) est refusé par les règles : ce n'est pas le moment de cette action.",
    );
    const notJson = info.outputPath('not-json.json');
    writeFileSync(notJson, '{"format": ');
    await page.locator('#import-game').setInputFiles(notJson);
    await expect(page.locator('.message-error').last()).toContainText("n'est pas un fichier JSON lisible");
    await expect(page.locator('.saved-games li')).toHaveCount(1);
    await page.goto(session);
    await gameReady(page);
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
  });

  test('a deep link starts a game directly and a reload resumes it', async ({ page }) => {
    await page.goto('./#/game/play?scenario=periurban-brownfield&seed=42&teams=2');
    await expect(page).toHaveURL(/#\/game\/session\//);
    await gameReady(page);
    await expect(page.locator('.turn-banner')).toContainText('Manche 1 sur 7');
    const url = page.url();
    await page.reload();
    await gameReady(page);
    expect(page.url()).toBe(url);
  });

  test('the share link carries every setting from the start, and the link starts that very game', async ({ page }) => {
    await open(page, '#/game');
    const share = page.locator('#share-link');
    // Untouched form: the first scenario, one team, normal difficulty, the full length, the default name.
    await expect(share).toHaveValue(
      /#\/game\/play\?scenario=market-town-drought&seed=\d+&teams=1&difficulty=normal&rounds=7&name=%C3%89quipe\+1$/,
    );
    await press(page.locator('#scenario-forest-commune-wildfire'), 'Space');
    await page.locator('#team-count').selectOption('2');
    await page.locator('#game-length').selectOption('4');
    await press(page.locator('#difficulty-hard'), 'Space');
    await page.locator('#team-name-2').fill('Les Pins & « Landes »');
    await page.locator('#seed').fill('77');
    await expect(share).toHaveValue(
      /scenario=forest-commune-wildfire&seed=77&teams=2&difficulty=hard&rounds=4&name=%C3%89quipe\+1&name=Les\+Pins\+%26\+%C2%AB\+Landes\+%C2%BB$/,
    );
    await page.goto(await share.inputValue());
    await gameReady(page);
    await expect(page.locator('.turn-banner')).toContainText('Manche 1 sur 4');
    await expect(page.locator('.map-text')).toBeAttached();
    await expect(page.locator('.play')).toContainText('Les Pins & « Landes »');
  });

  test('the turn clock redraws without taking the keyboard focus away', async ({ page }) => {
    await setUpGame(page, { scenario: 'coastal-estuary', teams: 2, seed: 4, facilitator: true });
    const panel = page.locator('.facilitator-panel');
    await press(panel.getByLabel('Activer le minuteur'), 'Space');
    await press(page.getByRole('button', { name: 'Passer au choix des projets' }));
    await expect(phaseTitle(page)).toHaveText('Choix des projets');
    const toggle = page.getByRole('button', { name: "Commandes d'animation" });
    await toggle.focus();
    await expect(page.locator('.turn-timer')).toContainText(/2:5\d/, { timeout: 15_000 });
    await expect(toggle).toBeFocused();
    await page.locator('#timer-limit, .facilitator-panel select').first().focus();
    const focusedId = await page.evaluate(() => document.activeElement?.id ?? '');
    await expect(page.locator('.turn-timer')).toContainText(/2:4\d/, { timeout: 15_000 });
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).toBe(focusedId);
  });

  for (const lang of ['fr', 'en'] as const) {
    test(`set-up, play and debrief have no WCAG 2.2 A/AA violation (${lang})`, async ({ page }) => {
      // Five axe scans of the whole table (cards, map text, rules, reveal) and a game played through.
      test.setTimeout(150_000);
      await open(page, '#/game');
      if (lang === 'en') await press(page.getByRole('button', { name: /EN/ }));
      expect(await axeViolations(page), 'set-up').toEqual([]);
      await press(page.getByRole('button', { name: /Commencer la partie|Start the game/ }));
      await gameReady(page);
      expect(await axeViolations(page), 'diagnose').toEqual([]);
      await page.keyboard.press('n');
      expect(await axeViolations(page), 'plan').toEqual([]);
      await press(page.locator('.game-card button').first());
      expect(await axeViolations(page), 'fund').toEqual([]);
      await page.keyboard.press('b');
      await passToDebrief(page);
      expect(await axeViolations(page), 'debrief').toEqual([]);
    });
  }
});
