/**
 * The kit's service worker and web app manifest (vite-plugin-pwa, Workbox's generateSW).
 *
 * - Everything the build emits is precached: every route's code and styles, the content bundled
 *   into them (guide, course, test, scenarios) and the icon, so the kit works offline once loaded.
 * - Updates wait for the user (registerType 'prompt'): a new worker installs in the background and
 *   only takes over when the user accepts the prompt (src/ui/offline/), never mid-workshop.
 * - Registration is done by the kit itself (injectRegister: false), only from the main entry: the
 *   SCORM package is built without this plugin and carries no worker.
 * - KIT_PWA=off builds without a worker (the register module then does nothing).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

interface AppText {
  app: { name: string; tagline: string };
}

function appText(language: 'fr' | 'en'): AppText['app'] {
  const file = fileURLToPath(new URL(`../../src/i18n/locales/${language}/common.json`, import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as AppText).app;
}

/** The manifest's names, read from the locales so they never drift from the page's own. */
export function manifestNames() {
  const fr = appText('fr');
  const en = appText('en');
  return {
    name: fr.name,
    short_name: fr.name,
    description: fr.tagline,
    lang: 'fr',
    // Manifest localisation (Chromium's name_localized proposal); other browsers keep the French.
    name_localized: { en: en.name },
    short_name_localized: { en: en.name },
    description_localized: { en: en.tagline },
  };
}

export function kitPwa(): PluginOption {
  return VitePWA({
    disable: process.env.KIT_PWA === 'off',
    registerType: 'prompt',
    injectRegister: false,
    manifestFilename: 'manifest.webmanifest',
    manifest: {
      // The *_localized members are not in the plugin's type yet.
      ...(manifestNames() as { name: string }),
      id: './',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f7f5ef',
      theme_color: '#1d5c4a',
      icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,json,md,wav,ogg,mp3,woff2,webmanifest}'],
      globIgnores: ['scorm/**'],
      // The map's Phaser chunk is the largest file (about 800 KB).
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      navigateFallback: 'index.html',
      // The SCORM package, when served beside the kit (dist/scorm/), keeps its own pages.
      navigateFallbackDenylist: [/\/scorm\//],
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
    },
    devOptions: { enabled: false },
  });
}
