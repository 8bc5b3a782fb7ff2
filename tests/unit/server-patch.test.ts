/**
 * The room sends what changed: a device shown version n gets a `patch` from n,
 * the seats and the screen one without the fields playerView leaves out, and
 * a device that holds no version the whole `view`. Market-town-drought, 2 teams,
 * seed 7: it opens in round 1's diagnosis, team 1 plays first.
 */
import { describe, expect, it } from 'vitest';
import { bootWithSessions, type Device, join } from './server/helpers.ts';

const { booted, session } = await bootWithSessions('workshop-patch-');
const facilitator = () => join(booted, { role: 'facilitator', code: session.code, token: session.facilitatorToken });
/** The record of the next view from the `after`-th received message on. */
async function nextRecord(device: Device, after: number) {
  await device.next('view', after);
  return device.received.slice(after).find((r) => r.type === 'view');
}

describe('workshop room: patches', () => {
  it('sends each device shown the last version a patch whose view is the one a sync gives', async () => {
    const f = await facilitator();
    const one = await join(booted, { role: 'seat', code: session.code, seat: 1 });
    const screen = await join(booted, { role: 'screen', code: session.code });
    await Promise.all([f.next('view'), one.next('view'), screen.next('view')]);
    const from = [f, one, screen].map((d) => d.received.length);
    f.send('event', { entry: { type: 'continue' } });
    const records = await Promise.all([f, one, screen].map((d, i) => nextRecord(d, from[i] ?? 0)));
    for (const record of records) {
      expect([record?.patch?.base, record?.patch?.version, record?.message.view.phase]).toEqual([0, 1, 'plan']);
      // The phase, the turn's team and the log's entry: a few operations, not the game.
      expect(record?.patch?.patch.length).toBeLessThan(10);
    }
    // What each device made of its patch is what it would be sent whole.
    const fresh = await Promise.all(
      [f, one, screen].map(async (d) => {
        const at = d.received.length;
        d.send('sync');
        return (await nextRecord(d, at))?.message;
      }),
    );
    expect(fresh).toEqual(records.map((r) => r?.message));
  });

  it('leaves the hidden fields and the hidden entry out of the seats’ and the screen’s patches', async () => {
    const f = await facilitator();
    const one = await join(booted, { role: 'seat', code: session.code, seat: 1 });
    const screen = await join(booted, { role: 'screen', code: session.code });
    await Promise.all([f.next('view'), one.next('view'), screen.next('view')]);
    const from = [f, one, screen].map((d) => d.received.length);
    f.send('event', { entry: { type: 'plan-hazard', round: 2, hazard: 'doctor-retirement' } });
    const [fRecord, oneRecord, screenRecord] = await Promise.all([f, one, screen].map((d, i) => nextRecord(d, from[i] ?? 0)));
    expect(fRecord?.patch?.patch).toEqual([[['plannedHazards', 0], { round: 2, hazard: 'doctor-retirement' }]]);
    expect(fRecord?.patch?.entry).toEqual({ type: 'plan-hazard', round: 2, hazard: 'doctor-retirement' });
    for (const record of [oneRecord, screenRecord]) {
      expect([record?.patch?.version, record?.patch?.patch, record?.patch?.entry]).toEqual([1, [], null]);
      expect(record?.message.view.plannedHazards).toBeUndefined();
    }
  });

  it('brings every entry a move and the bots after it applied in one patch, from the version the device held', async () => {
    const f = await facilitator();
    const one = await join(booted, { role: 'seat', code: session.code, seat: 1 });
    await Promise.all([f.next('view'), one.next('view')]);
    f.send('hand-seat', { seat: 2, to: 'bot' });
    f.send('event', { entry: { type: 'continue' } });
    await one.next('view', 2);
    const from = one.received.length;
    one.send('event', { entry: { type: 'pass', team: 'team-1' } });
    const record = await nextRecord(one, from);
    const log = booted.workshops.sessions.get(session.code)?.log() ?? [];
    // Team 2's bot played its turn in the same step: one patch from version 1 to the end of the plan phase.
    expect(log.length).toBeGreaterThan(2);
    expect([record?.patch?.base, record?.patch?.version, record?.message.view.phase]).toEqual([1, log.length, 'implement']);
    expect(record?.patch?.entries).toEqual(log.slice(1));
    expect(record?.patch?.entries[0]).toEqual({ type: 'pass', team: 'team-1' });
  });

  it('sends the whole view to a device that was never shown a version, and a patch once it was', async () => {
    const f = await facilitator();
    await f.next('view');
    // Joined, but no sync yet: the room has shown it nothing.
    const screen = await join(booted, { role: 'screen', code: session.code }, false);
    f.send('event', { entry: { type: 'continue' } });
    const whole = await nextRecord(screen, 0);
    expect([whole?.message.version, whole?.patch]).toEqual([1, undefined]);
    const at = screen.received.length;
    f.send('event', { entry: { type: 'note', text: 'Relancer la table 2', at: '2026-12-03T09:00:00.000Z' } });
    const patched = await nextRecord(screen, at);
    // The note is the facilitator's: the screen's patch from version 1 brings version 2, and neither it nor its entry.
    expect([patched?.patch?.base, patched?.patch?.version, patched?.patch?.patch, patched?.patch?.entry]).toEqual([
      1,
      2,
      [],
      null,
    ]);
  });
});
