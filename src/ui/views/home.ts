import { t } from '../../i18n/index.ts';
import type { ViewFactory } from '../app-context.ts';
import { h } from '../dom.ts';

const PARTS = ['game', 'course', 'test', 'guide', 'facilitator'] as const;

export const homeView: ViewFactory = () => ({
  title: () => t('app.name'),
  render(container) {
    container.append(
      h('h1', { id: 'page-title' }, t('home.title')),
      h('p', { class: 'lead' }, t('home.intro')),
      h('p', {}, t('home.needs')),
      h(
        'ul',
        { class: 'part-grid' },
        ...PARTS.map((part) =>
          h(
            'li',
            { class: `part-card part-${part}` },
            h('h2', {}, h('a', { href: `#/${part}` }, t(`home.parts.${part}.title`))),
            h('p', {}, t(`home.parts.${part}.text`)),
          ),
        ),
      ),
    );
  },
});
