/** i18next set-up: French by default, English complete; one JSON file per namespace, loaded as pages need them. */
import i18next, { type i18n } from 'i18next';
import type { Localized } from '../content/schema.ts';
import type { Language } from '../storage/settings.ts';

type LocaleModule = { default: Record<string, unknown> };
type Namespace = 'course' | 'test' | 'guide' | 'debrief' | 'legal' | 'workshop';

/**
 * What every page reads, in French (the kit's first language), comes with
 * the app; English and the namespaces only one part reads (the course, the
 * test, the guide, the debrief, the legal pages, the networked workshop) load when asked for, so a
 * page carries one language's words and the words it shows.
 */
const CORE = ['common', 'game', 'offline', 'facilitator'];
const ROUTE_NAMESPACES: readonly Namespace[] = ['course', 'test', 'guide', 'debrief', 'legal', 'workshop'];
const eagerModules = import.meta.glob<LocaleModule>('./locales/fr/{common,game,offline,facilitator}.json', { eager: true });
const lazyModules = import.meta.glob<LocaleModule>([
  './locales/*/*.json',
  '!./locales/fr/{common,game,offline,facilitator}.json',
]);
/** The route namespaces asked for so far: a change of language loads them in the new language too. */
const wanted = new Set<Namespace>();

function parts(path: string): [string, string] {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
  return [match?.[1] ?? '', match?.[2] ?? ''];
}

function eagerResources() {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, mod] of Object.entries(eagerModules)) {
    const [lang, ns] = parts(path);
    out[lang] ??= {};
    out[lang][ns] = mod.default;
  }
  return out;
}

/** Adds the namespaces of a language that are not there yet. */
async function ensure(language: string, namespaces: readonly string[]): Promise<void> {
  await Promise.all(
    namespaces.map(async (ns) => {
      if (i18next.hasResourceBundle(language, ns)) return;
      const load = lazyModules[`./locales/${language}/${ns}.json`];
      if (load) i18next.addResourceBundle(language, ns, (await load()).default);
    }),
  );
}

/**
 * Starts i18next in `language` with the words every page needs and the
 * route namespaces given; 'all' (what tests and the SCORM package use) loads
 * every namespace in both languages.
 */
export async function initI18n(language: Language, namespaces: readonly Namespace[] | 'all' = 'all'): Promise<i18n> {
  await i18next.init({
    lng: language,
    fallbackLng: 'fr',
    defaultNS: 'common',
    ns: ['common'],
    resources: eagerResources(),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const routes = namespaces === 'all' ? ROUTE_NAMESPACES : namespaces;
  for (const ns of routes) wanted.add(ns);
  const languages = namespaces === 'all' ? ['fr', 'en'] : [language];
  await Promise.all(languages.map((lang) => ensure(lang, [...CORE, ...routes])));
  // A language's bundle added after init needs its keys refreshed for the language in use.
  await i18next.changeLanguage(language);
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

/** Whether a route's namespace is already there, in the current language (then a view can draw at once). */
export function namespaceReady(ns: Namespace): boolean {
  return i18next.hasResourceBundle(currentLanguage(), ns);
}

/** Loads a route's namespace in the current language (and, from then on, in any language switched to). */
export async function loadNamespace(ns: Namespace): Promise<void> {
  wanted.add(ns);
  await ensure(currentLanguage(), [ns]);
}

export async function changeLanguage(language: Language): Promise<void> {
  await ensure(language, [...CORE, ...wanted]);
  await i18next.changeLanguage(language);
}
