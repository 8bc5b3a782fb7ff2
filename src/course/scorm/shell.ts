/**
 * The frame of the course when it runs as a SCORM package: the kit's look (skip link, header, language,
 * messages, live region) with only the parts the package holds: the course and the guide its lessons
 * link to. No settings dialog (sound belongs to the game) and no footer (the kit's says nothing leaves
 * the device, while here the LMS keeps the progress).
 */
import { t } from '../../i18n/index.ts';
import { LANGUAGES, type Language } from '../../storage/settings.ts';
import { clear, h } from '../../ui/dom.ts';
import { MessageList, type Notice } from '../../ui/messages.ts';

/** The kit's parts that the package holds, in the kit's order. */
export const SCO_PARTS = ['course', 'guide'] as const;

export interface ScoShell {
  main: HTMLElement;
  relocalize(language: Language): void;
  setActive(part: string | undefined): void;
  notify(message: Notice, kind: 'error' | 'info', topic?: string): void;
  announce(message: string): void;
}

export function createScoShell(root: HTMLElement, onLanguage: (language: Language) => void): ScoShell {
  const main = h('main', { id: 'main', tabindex: -1 });
  const skip = h('a', { class: 'skip-link', href: '#main' });
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  const brand = h('a', { class: 'brand', href: '#/course' });
  const nav = h('nav', { class: 'site-nav' });
  const languageGroup = h('div', { class: 'lang-switch', role: 'group' });
  const messages = new MessageList(h('div', { class: 'messages', role: 'alert' }));
  const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'live-region' });
  const header = h('header', { class: 'site-header' }, brand, nav, h('div', { class: 'header-tools' }, languageGroup));

  clear(root);
  root.removeAttribute('aria-busy');
  root.append(skip, header, messages.root, main, live);

  let active: string | undefined;
  let language: Language = 'fr';

  function renderNav() {
    clear(nav);
    nav.setAttribute('aria-label', t('nav.label'));
    const items = SCO_PARTS.map((part) =>
      h('li', {}, h('a', { href: `#/${part}`, 'aria-current': active === part ? 'page' : undefined }, t(`nav.${part}`))),
    );
    nav.append(h('ul', {}, ...items));
  }

  function renderLanguage() {
    clear(languageGroup);
    languageGroup.setAttribute('aria-label', t('language.label'));
    for (const lang of LANGUAGES) {
      const button = h(
        'button',
        { type: 'button', lang, 'aria-pressed': String(language === lang) },
        lang.toUpperCase(),
        h('span', { class: 'visually-hidden' }, ` ${t(`language.${lang}`)}`),
      );
      button.addEventListener('click', () => onLanguage(lang));
      languageGroup.append(button);
    }
  }

  return {
    main,
    relocalize(next) {
      language = next;
      document.documentElement.lang = next;
      skip.textContent = t('app.skip');
      brand.textContent = t('app.name');
      renderNav();
      renderLanguage();
      messages.relocalize();
    },
    setActive(part) {
      active = part;
      renderNav();
    },
    notify(message, kind, topic) {
      messages.add(message, kind, topic);
    },
    announce(message) {
      // Clearing first makes screen readers repeat an identical message.
      live.textContent = '';
      window.setTimeout(() => {
        live.textContent = message;
      }, 30);
    },
  };
}
