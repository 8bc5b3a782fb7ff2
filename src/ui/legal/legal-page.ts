/** Renders a legal page (accessibility statement, privacy note) from its locale namespace: text only, no rules. */
import i18next from 'i18next';
import { loadNamespace, t } from '../../i18n/index.ts';
import type { ViewFactory } from '../app-context.ts';
import { h } from '../dom.ts';

interface KeyEntry {
  key: string;
  text: string;
}

interface LegalSection {
  heading: string;
  paragraphs: string[];
  items?: string[];
  keys?: KeyEntry[];
  after?: string[];
}

function sections(page: string): LegalSection[] {
  const value = i18next.t(`legal:${page}.sections`, { returnObjects: true });
  return Array.isArray(value) ? (value as LegalSection[]) : [];
}

function renderSection(section: LegalSection, index: number): HTMLElement {
  const id = `legal-section-${index + 1}`;
  return h(
    'section',
    { 'aria-labelledby': id },
    h('h2', { id }, section.heading),
    ...section.paragraphs.map((text) => h('p', {}, text)),
    ...(section.items ? [h('ul', {}, ...section.items.map((text) => h('li', {}, text)))] : []),
    ...(section.keys
      ? [
          h(
            'dl',
            { class: 'legal-keys' },
            ...section.keys.flatMap(({ key, text }) => [h('dt', {}, h('code', {}, key)), h('dd', {}, text)]),
          ),
        ]
      : []),
    ...(section.after ?? []).map((text) => h('p', {}, text)),
  );
}

export function legalPage(page: 'accessibility' | 'privacy'): ViewFactory {
  return () => ({
    title: () => `${t(`legal:${page}.title`)} · ${t('app.name')}`,
    async render(container) {
      await loadNamespace('legal');
      container.append(
        h(
          'article',
          { class: 'legal-page' },
          h('h1', { id: 'page-title' }, t(`legal:${page}.title`)),
          h('p', { class: 'lead' }, t(`legal:${page}.intro`)),
          ...sections(page).map(renderSection),
        ),
      );
    },
  });
}
