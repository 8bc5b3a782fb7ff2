/**
 * A networked workshop over two rounds, and one that outlives its server: a
 * facilitator, a projector screen and three teams, each on its own device,
 * play on a workshop server of their own (started here on a free port, over
 * the kit the e2e server built); a team's device drops off the network in
 * round 1 and comes back to its seat; the server is killed mid-round 2
 * (SIGKILL: no goodbye) and started again on its journal, and every device
 * is back where it was, with nothing lost; then a device drops on its
 * team's turn and the console passes for it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect as kitExpect, test } from './fixtures.ts';
import { gameReady, phaseTitle, press } from './game-helpers.ts';

// Six browser contexts on one machine: none installs the offline copy of the kit (tests/e2e/offline.spec.ts does),
// whose precaching of every asset would compete with the game for the cores; and each step may wait longer than
// alone, every device drawing its table through the one software GPU while the other worker runs its own test.
test.use({ serviceWorkers: 'block' });
const expect = kitExpect.configure({ timeout: 30_000 });

const PROJECT = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** The workshop server as npm start runs it, in one process (so that a kill is a kill). */
async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: PROJECT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WORKSHOP_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  for (let i = 0; i < 150; i += 1) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    if (child.exitCode !== null) throw new Error(`the workshop server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the workshop server did not answer /health within 30 s');
}

/** A device of the room: its own context (its own storage), the server's address, page errors kept. */
async function device(browser: Browser, base: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

async function takeSeat(page: Page, code: string, team: number): Promise<void> {
  await page.goto(`./#/join?code=${code}`);
  await press(page.getByRole('button', { name: `Prendre le siège de Équipe ${team}` }));
  await expect(page.locator('.face-label')).toHaveText(`Poste : Équipe ${team}`);
  await expect(page.locator('.workshop-status')).toHaveAttribute('data-status', 'online');
}

test.describe('a networked workshop and its server', () => {
  test('two rounds across devices: a team back from offline is at its seat; the server killed mid-round and started again, every device is back at its place, nothing lost', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'rtk-workshop-e2e-'));
    const base = `http://127.0.0.1:${port}`;
    const errors: string[] = [];
    let server = await startServer(port, dataDir);
    try {
      const facilitator = await device(browser, base, errors);
      await facilitator.goto('./#/game');
      await press(facilitator.locator('#scenario-market-town-drought'), 'Space');
      await facilitator.locator('#team-count').selectOption('3');
      await facilitator.locator('#seed').fill('11');
      await press(facilitator.getByRole('button', { name: 'Lancer un atelier en réseau' }));
      await expect(facilitator).toHaveURL(/#\/join\?code=[ACDEFGHJKMNPRTWXY]{6}&facilitator$/);
      const code = (await facilitator.locator('.workshop-code strong').textContent()) ?? '';
      await gameReady(facilitator);

      const screen = await device(browser, base, errors);
      await screen.goto(`./#/join?code=${code}&screen`);
      await gameReady(screen);
      const teams: Page[] = [];
      for (const n of [1, 2, 3]) {
        const team = await device(browser, base, errors);
        await takeSeat(team, code, n);
        teams.push(team);
      }
      const everyone = [facilitator, screen, ...teams];
      const row = (n: number) => facilitator.locator(`.workshop-seat-table tr[data-seat="team-${n}"]`);

      // Round 1, played through: each team passes on its turn, the console moves the shared steps on.
      await facilitator.keyboard.press('n');
      for (const team of teams) await press(team.getByRole('button', { name: 'Passer mon tour' }));
      for (const p of everyone) await expect(phaseTitle(p)).toHaveText('Réalisation');
      await facilitator.keyboard.press('n');
      for (const p of everyone) await expect(phaseTitle(p)).toHaveText('Aléa');
      // Team 3's device drops off the network; the room goes on; back, it is at its seat and up to date.
      const away = teams[2] as Page;
      await away.context().setOffline(true);
      await expect(away.locator('.workshop-status')).toHaveAttribute('data-status', 'reconnecting');
      await expect(row(3)).toHaveAttribute('data-connected', 'false');
      await facilitator.keyboard.press('n');
      await expect(phaseTitle(facilitator)).toHaveText("Bilan de l'année");
      await away.context().setOffline(false);
      await expect(away.locator('.workshop-status')).toHaveAttribute('data-status', 'online');
      await expect(row(3)).toHaveAttribute('data-connected', 'true');
      for (const p of everyone) await expect(phaseTitle(p)).toHaveText("Bilan de l'année");
      // The projector shows the year's table of every team under the map, across the room's whole width.
      const [panel, layout] = await Promise.all(['.phase-panel', '.game-layout'].map((s) => screen.locator(s).boundingBox()));
      expect((panel?.width ?? 0) / (layout?.width ?? 1)).toBeGreaterThan(0.95);
      await expect(screen.locator('.turn-banner')).toHaveText(/^Manche 1 sur \d+ · Bilan de l'année/);
      for (const title of ['Diagnostic', 'Choix des projets']) {
        await facilitator.keyboard.press('n');
        for (const p of everyone) await expect(phaseTitle(p)).toHaveText(title);
      }
      // Round 2, under way: the order turns, so team 2 opens it; it passes, team 3 is to play.
      await press((teams[1] as Page).getByRole('button', { name: 'Passer mon tour' }));
      await expect(row(2).locator('[data-played]')).toHaveAttribute('data-played', 'done');
      await expect((teams[2] as Page).getByRole('button', { name: 'Passer mon tour' })).toBeVisible();

      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      for (const p of everyone) await expect(p.locator('.workshop-status')).toHaveAttribute('data-status', 'reconnecting');
      server = await startServer(port, dataDir);

      // Back on the same journal: same round, same turn, team 2's pass kept; every device at its place.
      for (const p of everyone) {
        await expect(p.locator('.workshop-status')).toHaveAttribute('data-status', 'online', { timeout: 60_000 });
        await expect(phaseTitle(p)).toHaveText('Choix des projets');
      }
      for (const [i, team] of teams.entries()) await expect(team.locator('.face-label')).toHaveText(`Poste : Équipe ${i + 1}`);
      await expect(row(2).locator('[data-played]')).toHaveAttribute('data-played', 'done');
      await expect(row(3).locator('[data-played]')).toHaveAttribute('data-played', 'playing');
      await expect(row(1)).toHaveAttribute('data-connected', 'true');
      // The game goes on from there: team 3 plays; team 1's device drops on its turn, and the console passes for it.
      await press((teams[2] as Page).getByRole('button', { name: 'Passer mon tour' }));
      const dropped = teams[0] as Page;
      await dropped.context().setOffline(true);
      await expect(row(1)).toHaveAttribute('data-connected', 'false');
      await press(facilitator.getByRole('button', { name: "Passer le tour de Équipe 1, dont l'appareil n'est pas là" }));
      await expect(row(1).locator('td').nth(3)).toHaveText('a passé');
      for (const p of everyone.filter((p) => p !== dropped)) await expect(phaseTitle(p)).toHaveText('Réalisation');
      await dropped.context().setOffline(false);
      await expect(dropped.locator('.workshop-status')).toHaveAttribute('data-status', 'online');
      await expect(phaseTitle(dropped)).toHaveText('Réalisation');
      for (const title of ['Aléa', "Bilan de l'année"]) {
        await facilitator.keyboard.press('n');
        for (const p of everyone) await expect(phaseTitle(p)).toHaveText(title);
      }
      expect(errors).toEqual([]);
    } finally {
      server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
