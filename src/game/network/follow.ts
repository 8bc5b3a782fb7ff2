/**
 * Following the server's versions (README, "Workshop server"): a view's
 * version is the log's length. The next version is one step on; a view
 * further on is still the whole game as it stands, so it is shown, but the
 * device missed something and asks for `sync`; an older one is dropped.
 * A `patch` makes the next view out of the one shown, when it starts there.
 */

import { applyPatch } from '../session/view-patch.ts';
import type { PatchMessage, ViewMessage } from '../session/workshop-protocol.ts';

export type Verdict =
  /** The first view, or the one that makes the next version: shown, its entry told. */
  | 'next'
  /** Further on than the next: shown, nothing told of what was missed, and `sync` asked. */
  | 'gap'
  /** The version already shown (an answer to `sync`): shown again, nothing to tell. */
  | 'same'
  /** Behind what is shown (a message overtaken): dropped. */
  | 'old';

export class VersionFollower {
  private shown: number | null = null;

  /** The version on screen; null before the first view. */
  version(): number | null {
    return this.shown;
  }

  /** What to do with a view of this version (and the version is taken as shown unless it is old). */
  view(version: number): Verdict {
    const shown = this.shown;
    if (shown !== null && version < shown) return 'old';
    this.shown = version;
    if (shown === null || version === shown + 1) return 'next';
    return version === shown ? 'same' : 'gap';
  }

  /** A view a patch made from the one shown: whole, however many versions it went on (its entries come with it). */
  patched(version: number): 'next' {
    this.shown = version;
    return 'next';
  }

  /** A clock message of this version: show its time, or, when it is ahead of the view, ask for `sync` ('gap'). */
  timer(version: number): 'show' | 'gap' | 'old' {
    if (this.shown === null || version > this.shown) return 'gap';
    return version === this.shown ? 'show' : 'old';
  }

  /** A new connection: the next view is taken as it comes (whatever happened while away is in it). */
  reset(): void {
    this.shown = null;
  }
}

/**
 * The view a patch makes of `last`, the view shown (at version `shown`): undefined when the patch is no further on
 * (dropped), null when it starts from another version or does not fit `last` (the device then asks for `sync`).
 */
export function patchedView(last: ViewMessage | null, shown: number | null, m: PatchMessage): ViewMessage | null | undefined {
  if (shown !== null && m.version <= shown) return undefined;
  if (!last || shown !== m.base || last.version !== m.base || !Array.isArray(m.patch)) return null;
  const { base: _base, patch, entries, ...head } = m;
  try {
    return { ...head, view: applyPatch(last.view, patch), ...(Array.isArray(entries) ? { entries } : {}) };
  } catch {
    // A patch that does not fit (PatchError, or a value applyPatch cannot take): the whole view is asked for.
    return null;
  }
}
