/** i18next set-up: French by default, English complete; one JSON file per namespace. */
import i18next, { type i18n } from 'i18next';
import type { Localized } from '../content/schema.ts';
import type { Language } from '../storage/settings.ts';

type LocaleModule = { default: Record<string, unknown> };
// Namespaces only one or two routes read are loaded with them (loadNamespace), not with every page.
const modules = import.meta.glob<LocaleModule>(['./locales/*/*.json', '!./locales/*/legal.json'], { eager: true });
const lazyModules = import.meta.glob<LocaleModule>('./locales/*/legal.json');

function resources() {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, mod] of Object.entries(modules)) {
    const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang = '', ns = ''] = match;
    out[lang] ??= {};
    out[lang][ns] = mod.default;
  }
  return out;
}

export async function initI18n(language: Language): Promise<i18n> {
  await i18next.init({
    lng: language,
    fallbackLng: 'fr',
    defaultNS: 'common',
    ns: ['common'],
    resources: resources(),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options);

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'fr';
}

/** Picks the current language from a scenario's { fr, en } text. */
export function localize(text: Localized): string {
  return text[currentLanguage()];
}

/** Adds a lazily loaded namespace (both languages), once. */
export async function loadNamespace(ns: 'legal'): Promise<void> {
  await Promise.all(
    Object.entries(lazyModules).map(async ([path, load]) => {
      const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
      if (!match || match[2] !== ns || i18next.hasResourceBundle(match[1] ?? '', ns)) return;
      i18next.addResourceBundle(match[1] ?? '', ns, (await load()).default);
    }),
  );
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}
