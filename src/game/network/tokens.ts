/**
 * What a device keeps of a networked workshop: its seat token or the
 * facilitator's, in the kit's storage (which survives refusal and a full
 * quota: then kept in memory for this visit, and the user is told). A token
 * is shown to nobody: only the console shows a seat's new token, to hand it on.
 */
import type { KeyValueStore, StoreResult } from '../../storage/store.ts';

export type TokenKind = 'seat' | 'facilitator';

const key = (code: string, kind: TokenKind) => `workshop:${code}:${kind}`;

export function readToken(store: KeyValueStore, code: string, kind: TokenKind): string | null {
  const token = store.get(key(code, kind));
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

export function keepToken(store: KeyValueStore, code: string, kind: TokenKind, token: string): StoreResult {
  return store.set(key(code, kind), token);
}

export function forgetToken(store: KeyValueStore, code: string, kind: TokenKind): void {
  store.remove(key(code, kind));
}

/** The link a device opens to join: a seat of its own by the code, the projector, or a seat handed to it. */
export function joinUrl(code: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ code, ...extra });
  return `${location.origin}${location.pathname}#/join?${params.toString().replace(/=(?=&|$)/g, '')}`;
}
