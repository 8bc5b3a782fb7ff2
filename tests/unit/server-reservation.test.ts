/**
 * A join's seat waits for the device's socket as long as the server's settings say (set to 1 s here, against
 * Colyseus's own 15 s): a socket within it takes the seat, one after it is refused.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Client } from 'colyseus.js';
import { afterAll, describe, expect, it } from 'vitest';
import { type Booted, bootWorkshop, createSession, device, settle, UNLIMITED } from './server/helpers.ts';

const booted: Booted = await bootWorkshop({
  dataDir: mkdtempSync(joinPath(tmpdir(), 'workshop-reservation-')),
  settings: { ...UNLIMITED, seatReservationSeconds: 1 },
});
afterAll(() => booted.colyseus.shutdown());
const client = new Client(booted.url.replace('http', 'ws'));

/** The matchmaker's answer alone, as colyseus.js gets it before it opens the socket. */
async function reserve(code: string) {
  const answer = await client.http.post('matchmake/join/workshop', {
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: 'screen', code }),
  });
  return answer.data;
}

describe('workshop server: seat reservations', () => {
  it('lets a socket that comes within the reservation join, and refuses one that comes after it', async () => {
    const { code } = await createSession(booted);
    const early = await reserve(code);
    const late = await reserve(code);
    await settle(300);
    const screen = device(await client.consumeSeatReservation(early));
    expect((await screen.next('joined')).role).toBe('screen');
    await settle(1200);
    await expect(client.consumeSeatReservation(late)).rejects.toThrow('seat reservation expired.');
  });
});
