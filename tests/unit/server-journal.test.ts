/**
 * The journal: a session's log on disk, a restart that rebuilds every session
 * by replaying its log through the scenario machine, and the retention sweep.
 */
import { appendFileSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileJournal, type SessionHeader } from '../../src/server/journal.ts';
import { bootWorkshop, createSession, join } from './server/helpers.ts';

const DAY = 24 * 60 * 60 * 1000;
const header = (id: string): SessionHeader => ({
  id,
  code: 'ACDEFG',
  scenario: 'market-town-drought',
  scenarioHash: '0000abcd',
  options: { seed: 7, teams: ['A', 'B'], difficulty: 'normal', rounds: 4 },
  createdAt: '2025-01-01T00:00:00.000Z',
  facilitatorTokenHash: 'a'.repeat(64),
});

describe('file journal', () => {
  it('keeps a header and its records, one JSON line each, and reads them back', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'journal-'));
    const journal = new FileJournal(dir);
    const id = '0123456789abcdef01234567';
    await journal.create(header(id));
    await journal.append(id, { kind: 'entry', entry: { type: 'continue' } });
    await journal.append(id, { kind: 'seat', seat: 'team-2', holder: 'bot', tokenHash: null });
    expect(readFileSync(joinPath(dir, `${id}.jsonl`), 'utf8').split('\n').length).toBe(4);
    expect(await journal.list()).toEqual([id]);
    expect(await new FileJournal(dir).load(id)).toEqual({
      header: header(id),
      records: [
        { kind: 'entry', entry: { type: 'continue' } },
        { kind: 'seat', seat: 'team-2', holder: 'bot', tokenHash: null },
      ],
    });
  });

  it('drops a last line cut short by a crash, and refuses a session whose middle is unreadable', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'journal-'));
    const warnings: string[] = [];
    const journal = new FileJournal(dir, (w) => warnings.push(w));
    const torn = '0123456789abcdef01234567';
    await journal.create(header(torn));
    await journal.append(torn, { kind: 'entry', entry: { type: 'continue' } });
    appendFileSync(joinPath(dir, `${torn}.jsonl`), '{"kind":"entry","entry":{"ty');
    expect((await journal.load(torn))?.records).toEqual([{ kind: 'entry', entry: { type: 'continue' } }]);
    // Cut off, so the next record starts on its own line.
    await journal.append(torn, { kind: 'entry', entry: { type: 'pause' } });
    expect((await journal.load(torn))?.records.length).toBe(2);
    const broken = 'fedcba9876543210fedcba98';
    await journal.create(header(broken));
    appendFileSync(joinPath(dir, `${broken}.jsonl`), 'nonsense\n{"kind":"entry","entry":{"type":"continue"}}\n');
    expect(await journal.load(broken)).toBeNull();
    expect(warnings).toEqual([
      `journal: session ${torn}, its last record was cut short; dropped`,
      `journal: session ${broken}, record 1 is unreadable; session left as it is`,
    ]);
  });

  it('deletes the sessions with no new record for longer than the retention period, and only those', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'journal-'));
    const journal = new FileJournal(dir);
    const old = '00000000000000000000000a';
    const recent = '00000000000000000000000b';
    await journal.create(header(old));
    await journal.create(header(recent));
    const now = Date.now();
    utimesSync(joinPath(dir, `${old}.jsonl`), new Date(now - 31 * DAY), new Date(now - 31 * DAY));
    utimesSync(joinPath(dir, `${recent}.jsonl`), new Date(now - 29 * DAY), new Date(now - 29 * DAY));
    expect(await journal.sweep(now, 30 * DAY)).toEqual([old]);
    expect(await journal.list()).toEqual([recent]);
  });
});

describe('workshop server: restart', () => {
  it('brings a session back from its journal: same code, same tokens, the same game', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'workshop-restart-'));
    const first = await bootWorkshop({ dataDir });
    const { code, facilitatorToken } = await createSession(first);
    const f = await join(first, { role: 'facilitator', code, token: facilitatorToken });
    const one = await join(first, { role: 'seat', code, seat: 1 });
    const seatToken = (await one.next('joined')).token as string;
    await f.next('view');
    f.send('hand-seat', { seat: 2, to: 'bot' });
    await f.next('joined', 2);
    f.send('event', { entry: { type: 'continue' } });
    await one.next('view', 2);
    one.send('event', { entry: { type: 'pass', team: 'team-1' } });
    const played = await one.next('view', 3);
    const before = first.workshops.sessions.get(code);
    const logBefore = [...(before?.log() ?? [])];
    await before?.saved();
    await first.colyseus.shutdown();

    const second = await bootWorkshop({ dataDir });
    try {
      const after = second.workshops.sessions.get(code);
      expect(after?.log()).toEqual(logBefore);
      expect(logBefore.slice(0, 2)).toEqual([{ type: 'continue' }, { type: 'pass', team: 'team-1' }]);
      expect(after?.seats.map((s) => s.holder)).toEqual(['device', 'bot']);
      const back = await join(second, { role: 'seat', code, token: seatToken });
      const view = await back.next('view');
      expect(view).toEqual(played);
      expect([view.view.round, view.view.phase]).toEqual([1, 'implement']);
      const f2 = await join(second, { role: 'facilitator', code, token: facilitatorToken });
      expect((await f2.next('view')).version).toBe(logBefore.length);
    } finally {
      await second.colyseus.shutdown();
    }
  });
});
