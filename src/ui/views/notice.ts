import { t } from '../../i18n/index.ts';
import type { ViewFactory } from '../app-context.ts';
import { h } from '../dom.ts';

/** A part of the kit that is not built yet: a short translated notice. */
export function noticeView(part: string): ViewFactory {
  return () => ({
    title: () => `${t(`nav.${part}`)} · ${t('app.name')}`,
    render(container) {
      container.append(
        h('h1', { id: 'page-title' }, t(`home.parts.${part}.title`)),
        h('p', { class: 'lead' }, t(`home.parts.${part}.text`)),
        h('p', { class: 'notice', role: 'note' }, t('notice.soon')),
        h('p', {}, h('a', { href: '#/' }, t('notice.back'))),
      );
    },
  });
}

export const notFoundView: ViewFactory = () => ({
  title: () => `${t('notFound.title')} · ${t('app.name')}`,
  render(container, route) {
    container.append(
      h('h1', { id: 'page-title' }, t('notFound.title')),
      h('p', {}, t('notFound.text', { path: route.path })),
      h('p', {}, h('a', { href: '#/' }, t('notice.back'))),
    );
  },
});
