/** The frame around every view: skip link, header, navigation, language, settings, messages. */
import { t } from '../i18n/index.ts';
import { LANGUAGES, type Language, type Settings } from '../storage/settings.ts';
import { clear, h } from './dom.ts';
import { MessageList, type Notice } from './messages.ts';
import { LEGAL_PARTS, NAV_PARTS } from './routes.ts';

export interface ShellHandlers {
  onLanguage(language: Language): void;
  onSettings(change: Partial<Settings>): void;
  settings(): Settings;
}

export interface Shell {
  main: HTMLElement;
  /** Where the prompt for a waiting new version goes (src/ui/offline/update-prompt.ts). */
  updateSlot: HTMLElement;
  relocalize(activePart: string | undefined): void;
  setActive(part: string | undefined): void;
  notify(message: Notice, kind: 'error' | 'info', topic?: string): void;
  announce(message: string): void;
  /**
   * Says what the kit itself did in the background (it now works offline, a
   * new version waits) in a region of its own, so it never replaces what the
   * person's own action just announced.
   */
  status(message: string): void;
}

/** Clearing first makes screen readers repeat an identical message. */
function say(region: HTMLElement, message: string): void {
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 30);
}

export function createShell(root: HTMLElement, handlers: ShellHandlers): Shell {
  const skip = h('a', { class: 'skip-link', href: '#main' });
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  const brand = h('a', { class: 'brand', href: '#/' });
  const nav = h('nav', { class: 'site-nav' });
  const languageGroup = h('div', { class: 'lang-switch', role: 'group' });
  const settingsButton = h('button', { type: 'button', class: 'button-quiet', 'aria-haspopup': 'dialog' });
  const header = h(
    'header',
    { class: 'site-header' },
    brand,
    nav,
    h('div', { class: 'header-tools' }, languageGroup, settingsButton),
  );
  const messages = new MessageList(h('div', { class: 'messages', role: 'alert' }));
  const updateSlot = h('div', { class: 'update-slot' });
  const main = h('main', { id: 'main', tabindex: -1 });
  const footerText = h('p', {});
  const footerNav = h('nav', { class: 'footer-nav' });
  const footer = h('footer', { class: 'site-footer' }, footerText, footerNav);
  const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'live-region' });
  const statusRegion = h('div', { class: 'visually-hidden', role: 'status', id: 'status-region' });
  const dialog = h('dialog', { class: 'settings-dialog', 'aria-labelledby': 'settings-title' });
  settingsButton.addEventListener('click', () => {
    renderSettings();
    dialog.showModal();
  });

  clear(root);
  root.removeAttribute('aria-busy');
  root.append(skip, header, updateSlot, messages.root, main, footer, live, statusRegion, dialog);

  let active: string | undefined;

  function renderNav() {
    clear(nav);
    nav.setAttribute('aria-label', t('nav.label'));
    nav.append(
      h(
        'ul',
        {},
        ...NAV_PARTS.map((part) =>
          h('li', {}, h('a', { href: `#/${part}`, 'aria-current': active === part ? 'page' : undefined }, t(`nav.${part}`))),
        ),
      ),
    );
  }

  function renderFooter() {
    clear(footerNav);
    footerNav.setAttribute('aria-label', t('legalLinks.label'));
    footerNav.append(
      h(
        'ul',
        {},
        ...LEGAL_PARTS.map((part) =>
          h(
            'li',
            {},
            h('a', { href: `#/${part}`, 'aria-current': active === part ? 'page' : undefined }, t(`legalLinks.${part}`)),
          ),
        ),
      ),
    );
  }

  /** The buttons are built once and updated in place, so that the one just pressed keeps the focus. */
  const languageButtons = LANGUAGES.map((lang) => {
    const label = h('span', { class: 'visually-hidden' });
    const button = h('button', { type: 'button', lang, onclick: () => handlers.onLanguage(lang) }, lang.toUpperCase(), label);
    languageGroup.append(button);
    return { lang, button, label };
  });

  function renderLanguage() {
    languageGroup.setAttribute('aria-label', t('language.label'));
    const current = handlers.settings().language;
    for (const { lang, button, label } of languageButtons) {
      button.setAttribute('aria-pressed', String(current === lang));
      label.textContent = ` ${t(`language.${lang}`)}`;
    }
  }

  function renderSettings() {
    const s = handlers.settings();
    clear(dialog);
    const sound = h('input', { type: 'checkbox', id: 'setting-sound', checked: s.sound });
    sound.addEventListener('change', () => handlers.onSettings({ sound: sound.checked }));
    const volume = h('input', {
      type: 'range',
      id: 'setting-volume',
      min: 0,
      max: 100,
      step: 5,
      value: Math.round(s.volume * 100),
    });
    volume.addEventListener('change', () => handlers.onSettings({ volume: Number(volume.value) / 100 }));
    const motion = h(
      'select',
      { id: 'setting-motion' },
      ...(['system', 'on', 'off'] as const).map((value) =>
        h(
          'option',
          { value, selected: s.reducedMotion === value },
          t(`settings.motion${value[0]?.toUpperCase()}${value.slice(1)}`),
        ),
      ),
    );
    motion.addEventListener('change', () => handlers.onSettings({ reducedMotion: motion.value as Settings['reducedMotion'] }));
    const close = h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, t('settings.close'));
    dialog.append(
      h('h2', { id: 'settings-title' }, t('settings.title')),
      h('p', { class: 'field-check' }, sound, h('label', { for: 'setting-sound' }, t('settings.soundOn'))),
      h('p', { class: 'field' }, h('label', { for: 'setting-volume' }, t('settings.volume')), volume),
      h('p', { class: 'field' }, h('label', { for: 'setting-motion' }, t('settings.motion')), motion),
      h('div', { class: 'dialog-actions' }, close),
    );
  }

  function relocalize(part: string | undefined) {
    active = part;
    document.documentElement.lang = handlers.settings().language;
    skip.textContent = t('app.skip');
    brand.textContent = t('app.name');
    settingsButton.textContent = t('settings.open');
    footerText.textContent = t('app.footer');
    renderNav();
    renderFooter();
    renderLanguage();
    if (dialog.open) renderSettings();
    messages.relocalize();
  }

  return {
    main,
    relocalize,
    updateSlot,
    setActive(part) {
      active = part;
      renderNav();
      renderFooter();
    },
    notify(message, kind, topic) {
      messages.add(message, kind, topic);
    },
    announce(message) {
      say(live, message);
    },
    status(message) {
      say(statusRegion, message);
    },
  };
}
