/** The protocol's codes and texts: readable join codes, unguessable tokens, every error said in French and English. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorKey, JOIN_CODE_ALPHABET, type WorkshopErrorCode } from '../../src/game/session/workshop-protocol.ts';
import { hashToken, newJoinCode, newToken, tokenMatches } from '../../src/server/codes.ts';

const CODES: WorkshopErrorCode[] = [
  'bad-message',
  'too-large',
  'rate-limited',
  'unknown-message',
  'not-your-seat',
  'facilitator-only',
  'stale-version',
  'refused',
  'unknown-code',
  'bad-token',
  'seat-taken',
  'no-such-seat',
  'seat-handed-over',
  'session-moved',
  'bad-session',
  'unknown-scenario',
];
const locale = (language: string, ns: string) => JSON.parse(readFileSync(`src/i18n/locales/${language}/${ns}.json`, 'utf8'));

describe('workshop protocol', () => {
  it('makes join codes of six letters nobody mixes up', () => {
    expect(JOIN_CODE_ALPHABET).toBe('ACDEFGHJKMNPRTWXY');
    for (const confusable of ['I', 'L', 'O', 'Q', 'S', 'Z', 'B', 'U', 'V', '0', '1'])
      expect(JOIN_CODE_ALPHABET).not.toContain(confusable);
    const taken = new Set(['ACDEFG']);
    for (let i = 0; i < 200; i += 1) expect(newJoinCode((c) => taken.has(c))).toMatch(/^[ACDEFGHJKMNPRTWXY]{6}$/);
  });

  it('makes 256-bit tokens and keeps only their hash', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(tokenMatches(token, hashToken(token))).toBe(true);
    expect(tokenMatches(token, hashToken(`${token}x`))).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
  });

  it("says every error in French and English, and a rules refusal with the game's own reason", () => {
    for (const language of ['fr', 'en']) {
      expect(Object.keys(locale(language, 'workshop').errors).sort(), language).toEqual([...CODES].sort());
    }
    expect(errorKey('seat-taken')).toBe('workshop:errors.seat-taken');
    expect(errorKey('refused', 'not-your-turn')).toBe('game:errors.not-your-turn');
    // A device let go: to another device, or by the facilitator to a bot or to no one, each said as it happened.
    expect(['device', 'bot', 'free'].map((to) => errorKey('seat-handed-over', to === 'device' ? undefined : to))).toEqual([
      'workshop:errors.seat-handed-over',
      'workshop:handedOver.bot',
      'workshop:handedOver.free',
    ]);
    for (const language of ['fr', 'en']) expect(Object.keys(locale(language, 'workshop').handedOver)).toEqual(['bot', 'free']);
    expect(locale('fr', 'game').errors['not-your-turn']).toBeTypeOf('string');
  });
});
