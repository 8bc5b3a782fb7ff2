/** The workshop server's rate limits, set tight here: 3 messages per device, 4 joins and 2 creations per address, nothing given back during the test. */
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

  it("refuses the joins and the creations past an address's burst", async () => {
    // One join was spent by the test above, one creation too.
    const { code } = await createSession(booted);
    await join(booted, { role: 'screen', code });
    await join(booted, { role: 'screen', code });
    await join(booted, { role: 'screen', code });
    await expect(join(booted, { role: 'screen', code })).rejects.toThrow('rate-limited');
    const third = await fetch(`${booted.url}/api/sessions`, { method: 'POST', body: '{}' });
    expect([third.status, await third.json()]).toEqual([429, { error: 'rate-limited' }]);
  });
});
