/** User settings: language, sound, reduced motion. Versioned and validated on read. */
// zod's mini build: these are read when the page opens, and its schemas cost far less to set up.
import { z } from 'zod/mini';
import type { KeyValueStore, StoreResult } from './store.ts';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const settingsSchema = z.object({
  version: z.literal(1),
  language: z.enum(LANGUAGES),
  sound: z.boolean(),
  volume: z.number().check(z.gte(0), z.lte(1)),
  /** 'system' follows prefers-reduced-motion. */
  reducedMotion: z.enum(['system', 'on', 'off']),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, language: 'fr', sound: false, volume: 0.6, reducedMotion: 'system' };

const KEY = 'settings';

export interface LoadedSettings {
  settings: Settings;
  /** The stored settings were unreadable and were replaced by the defaults. */
  recovered: boolean;
}

/** French is the kit's working language: it is the default whatever the browser says. */
export function loadSettings(store: KeyValueStore): LoadedSettings {
  const raw = store.get(KEY);
  const fallback: Settings = { ...DEFAULT_SETTINGS };
  if (raw === null) return { settings: fallback, recovered: false };
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { settings: parsed.data, recovered: false };
  } catch {
    // fall through: corrupt JSON
  }
  return { settings: fallback, recovered: true };
}

export function saveSettings(store: KeyValueStore, settings: Settings): StoreResult {
  return store.set(KEY, JSON.stringify(settings));
}

export function prefersReducedMotion(settings: Settings, systemPrefers: boolean): boolean {
  return settings.reducedMotion === 'on' || (settings.reducedMotion === 'system' && systemPrefers);
}
