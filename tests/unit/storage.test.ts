import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, prefersReducedMotion, saveSettings } from '../../src/storage/settings.ts';
import { memoryStore, webStore } from '../../src/storage/store.ts';

/** A Web Storage double that can refuse everything or run out of quota. */
function fakeStorage(mode: 'ok' | 'refuse' | 'quota'): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (mode === 'refuse') throw new DOMException('denied', 'SecurityError');
      if (mode === 'quota' && !k.endsWith('probe')) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => {
      data.delete(k);
    },
    clear: () => data.clear(),
  };
}

describe('storage layer', () => {
  it('stores, lists and removes values', () => {
    const store = webStore(() => fakeStorage('ok'));
    expect(store.persistent).toBe(true);
    expect(store.set('save:a', '1')).toEqual({ ok: true });
    store.set('save:b', '2');
    store.set('other', '3');
    expect(store.keys('save:').sort()).toEqual(['save:a', 'save:b']);
    store.remove('save:a');
    expect(store.get('save:a')).toBeNull();
  });

  it('falls back to memory when the browser refuses storage', () => {
    const store = webStore(() => fakeStorage('refuse'));
    expect(store.persistent).toBe(false);
    expect(store.set('k', 'v')).toEqual({ ok: true });
    expect(store.get('k')).toBe('v');
    const throwing = webStore(() => {
      throw new DOMException('no', 'SecurityError');
    });
    expect(throwing.persistent).toBe(false);
  });

  it('reports a full quota and keeps the value for this visit', () => {
    const store = webStore(() => fakeStorage('quota'));
    expect(store.set('k', 'v')).toEqual({ ok: false, error: 'quota' });
    expect(store.get('k')).toBe('v');
    expect(store.keys('')).toContain('k');
  });
});

describe('settings', () => {
  it('default to French with sound off', () => {
    expect(loadSettings(memoryStore()).settings).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.language).toBe('fr');
    expect(DEFAULT_SETTINGS.sound).toBe(false);
  });

  it('round-trip through the store', () => {
    const store = memoryStore();
    saveSettings(store, { ...DEFAULT_SETTINGS, language: 'en', reducedMotion: 'on' });
    expect(loadSettings(store)).toEqual({
      settings: { ...DEFAULT_SETTINGS, language: 'en', reducedMotion: 'on' },
      recovered: false,
    });
  });

  it.each(['{not json', '{"version":1,"language":"de"}', '[]', '"x"'])('recover from corrupt stored settings %s', (raw) => {
    const store = memoryStore();
    store.set('settings', raw);
    const loaded = loadSettings(store);
    expect(loaded.recovered).toBe(true);
    expect(loaded.settings.language).toBe('fr');
  });

  it('reduce motion when asked or when the system asks', () => {
    expect(prefersReducedMotion({ ...DEFAULT_SETTINGS, reducedMotion: 'system' }, true)).toBe(true);
    expect(prefersReducedMotion({ ...DEFAULT_SETTINGS, reducedMotion: 'system' }, false)).toBe(false);
    expect(prefersReducedMotion({ ...DEFAULT_SETTINGS, reducedMotion: 'on' }, false)).toBe(true);
    expect(prefersReducedMotion({ ...DEFAULT_SETTINGS, reducedMotion: 'off' }, true)).toBe(false);
  });
});
