/**
 * The room shows a version only once its entry is in the journal: a publish and
 * the answer to a `sync` alike, so a crash cannot undo a move a device saw
 * acknowledged. The journal's writes are held here to catch the room early.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FileJournal, type JournalRecord } from '../../src/server/journal.ts';
import { type Booted, bootWorkshop, createSession, join, settle, UNLIMITED } from './server/helpers.ts';

/** A file journal whose appends wait while `held` is set. */
class HeldJournal extends FileJournal {
  held = false;
  private waiting: (() => void)[] = [];
  override async append(id: string, record: JournalRecord): Promise<void> {
    if (this.held) await new Promise<void>((done) => this.waiting.push(done));
    return super.append(id, record);
  }
  release(): void {
    this.held = false;
    for (const done of this.waiting.splice(0)) done();
  }
}

const dataDir = mkdtempSync(joinPath(tmpdir(), 'workshop-durable-'));
const journal = new HeldJournal(dataDir, () => {});
const booted: Booted = await bootWorkshop({
  dataDir,
  journal,
  settings: UNLIMITED,
});
afterAll(() => booted.colyseus.shutdown());

it('sends no device a version, in a publish or in the answer to sync, before its entry is journaled', async () => {
  const { code, facilitatorToken } = await createSession(booted);
  const facilitator = await join(booted, { role: 'facilitator', code, token: facilitatorToken });
  await facilitator.next('view');
  journal.held = true;
  facilitator.send('event', { entry: { type: 'continue' }, version: 0 });
  await settle(200);
  const screen = await join(booted, { role: 'screen', code });
  await settle(300);
  // Applied, not yet written: nobody is shown version 1, not even the screen that asked for the view.
  expect(booted.workshops.sessions.get(code)?.version()).toBe(1);
  expect(facilitator.of('view').map((v) => v.version)).toEqual([0]);
  expect(screen.received).toEqual([]);
  journal.release();
  const [published, answered] = await Promise.all([facilitator.next('view', 2), screen.next('view')]);
  expect([published.version, published.entry]).toEqual([1, { type: 'continue' }]);
  expect([answered.version, answered.view.phase]).toEqual([1, 'plan']);
});
