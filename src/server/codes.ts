/** Join codes and tokens: short and readable for the one, unguessable for the other. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../game/session/workshop-protocol.ts';

/** A join code none of `taken` holds (17^6 ≈ 24 million codes: a clash is rare, a retry cheap). */
export function newJoinCode(taken: (code: string) => boolean = () => false): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    if (!taken(code)) return code;
  }
}

/** 256 random bits, URL-safe: 43 characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A session's id (its journal file's name). */
export function newSessionId(): string {
  return randomBytes(12).toString('hex');
}

/** Only a token's hash is kept (in memory and in the journal): a copied data folder gives no seat away. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, hash: string | null): boolean {
  if (hash === null) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
