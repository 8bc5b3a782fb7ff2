/** The guide's search form: a labelled input and a button; submitting goes to `#/guide/search?q=...`. */
import { t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';

export function searchHref(query: string): string {
  return `#/guide/search?q=${encodeURIComponent(query.trim())}`;
}

export function searchForm(query = ''): HTMLFormElement {
  const input = h('input', {
    type: 'search',
    id: 'guide-search-input',
    name: 'q',
    value: query,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'guide-search-hint',
  });
  input.value = query;
  return h(
    'form',
    {
      class: 'guide-search',
      role: 'search',
      'aria-label': t('guide:search.label'),
      onsubmit: (event: Event) => {
        event.preventDefault();
        const words = input.value.trim();
        if (words === '') {
          input.focus();
          return;
        }
        window.location.hash = searchHref(words);
      },
    },
    h('label', { for: 'guide-search-input' }, t('guide:search.label')),
    h('div', { class: 'guide-search-row' }, input, h('button', { type: 'submit', class: 'button' }, t('guide:search.button'))),
    h('p', { id: 'guide-search-hint', class: 'guide-search-hint' }, t('guide:search.hint')),
  );
}
