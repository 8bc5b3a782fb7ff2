/** The workshop server's rate limits, set tight here: 3 messages per device, 4 joins and 2 creations per address, nothing given back during the test (a join with a known token spends none). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Booted, bootWorkshop, createSession, join, settle } from './server/helpers.ts';

const still = { perSecond: 0.0001 };
const booted: Booted = await bootWorkshop({
  dataDir: mkdtempSync(joinPath(tmpdir(), 'workshop-limits-')),
  settings: { messageLimit: { burst: 3, ...still }, joinLimit: { burst: 4, ...still }, createLimit: { burst: 2, ...still } },
});
afterAll(() => booted.colyseus.shutdown());

describe('workshop server: rate limits', () => {
  it("answers the messages past a device's burst with rate-limited, and the others as usual", async () => {
    const { code } = await createSession(booted);
    const screen = await join(booted, { role: 'screen', code }, false);
    for (let i = 0; i < 5; i += 1) screen.send('sync');
    await settle();
    expect(screen.of('view').length).toBe(3);
    expect(screen.of('error')).toEqual([
      { code: 'rate-limited', key: 'workshop:errors.rate-limited' },
      { code: 'rate-limited', key: 'workshop:errors.rate-limited' },
    ]);
  });

  const session = { code: '', facilitatorToken: '', seatToken: '' };

  it("refuses the joins and the creations past an address's burst", async () => {
    // One join was spent by the test above, one creation too.
    Object.assign(session, await createSession(booted));
    const { code } = session;
    await join(booted, { role: 'screen', code });
    session.seatToken = (await (await join(booted, { role: 'seat', code, seat: 1 })).next('joined')).token;
    await join(booted, { role: 'screen', code });
    await expect(join(booted, { role: 'screen', code })).rejects.toThrow('rate-limited');
    await expect(join(booted, { role: 'seat', code, seat: 2 })).rejects.toThrow('rate-limited');
    const third = await fetch(`${booted.url}/api/sessions`, { method: 'POST', body: '{}' });
    expect([third.status, await third.json()]).toEqual([429, { error: 'rate-limited' }]);
  });

  it('lets a device that proves its token back in past the burst, and still counts a wrong token', async () => {
    const { code, facilitatorToken, seatToken } = session;
    for (let i = 0; i < 3; i += 1) {
      const back = await join(booted, { role: 'seat', code, token: seatToken });
      expect((await back.next('joined')).seat).toBe('team-1');
    }
    const facilitator = await join(booted, { role: 'facilitator', code, token: facilitatorToken });
    expect((await facilitator.next('joined')).role).toBe('facilitator');
    const wrong = `${seatToken.slice(0, -1)}${seatToken.endsWith('A') ? 'B' : 'A'}`;
    await expect(join(booted, { role: 'seat', code, token: wrong })).rejects.toThrow('rate-limited');
  });
});
