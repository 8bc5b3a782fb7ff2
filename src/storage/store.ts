/**
 * Key-value storage that survives a browser refusing storage (private mode,
 * blocked cookies) and reports a full quota instead of throwing: the caller
 * shows a translated message and nothing in memory is lost.
 */
export type StoreError = 'quota' | 'unavailable';
export type StoreResult = { ok: true } | { ok: false; error: StoreError };

export interface KeyValueStore {
  readonly persistent: boolean;
  get(key: string): string | null;
  set(key: string, value: string): StoreResult;
  remove(key: string): void;
  keys(prefix: string): string[];
}

const PREFIX = 'rtk:';

export function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    persistent: false,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value);
      return { ok: true };
    },
    remove: (key) => {
      data.delete(key);
    },
    keys: (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)),
  };
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22)
  );
}

/** Wraps a Web Storage; falls back to memory when it cannot be used at all. */
export function webStore(getStorage: () => Storage | null): KeyValueStore {
  let storage: Storage | null = null;
  try {
    storage = getStorage();
    if (storage) {
      const probe = `${PREFIX}probe`;
      storage.setItem(probe, '1');
      storage.removeItem(probe);
    }
  } catch {
    storage = null;
  }
  if (!storage) return memoryStore();
  const s = storage;
  // Values that could not be written stay readable for this visit.
  const unsaved = memoryStore();
  return {
    persistent: true,
    get(key) {
      const pending = unsaved.get(key);
      if (pending !== null) return pending;
      try {
        return s.getItem(PREFIX + key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        s.setItem(PREFIX + key, value);
        unsaved.remove(key);
        return { ok: true };
      } catch (error) {
        unsaved.set(key, value);
        return { ok: false, error: isQuotaError(error) ? 'quota' : 'unavailable' };
      }
    },
    remove(key) {
      unsaved.remove(key);
      try {
        s.removeItem(PREFIX + key);
      } catch {
        // Nothing to do: the value is gone from memory and storage refuses us.
      }
    },
    keys(prefix) {
      const out = new Set(unsaved.keys(prefix));
      try {
        for (let i = 0; i < s.length; i += 1) {
          const k = s.key(i);
          if (k?.startsWith(PREFIX + prefix)) out.add(k.slice(PREFIX.length));
        }
      } catch {
        // Storage refused the listing: only what is in memory is known.
      }
      return [...out];
    },
  };
}

export function browserStore(): KeyValueStore {
  return webStore(() => (typeof localStorage === 'undefined' ? null : localStorage));
}
