/** #/course/<module>/activity: answer, Check, then feedback for each item and "Try again". */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { ActivityResult } from '../activity-check.ts';
import { stableOrder } from '../activity-check.ts';
import type { Activity, CourseModule } from '../schema.ts';
import { practiceMinutes } from '../time.ts';
import { activityInputs, optionCardDetails, optionCards, optionOutcomes, outcomeDetails } from './activity-inputs.ts';
import { pager } from './lesson-page.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, kicker, minutesText, missingSummary, moduleCrumb, pageHeading, pageName } from './widgets.ts';

/** The learner's answer and the right one, as text, for an item of a sorting or matching activity. */
function answerTexts(activity: Activity, given: string | null, expected: string): { given: string; expected: string } {
  const label = (id: string | null): string => {
    if (id === null) return t('course:activity.noAnswer');
    if (activity.type === 'sorting') {
      const category = activity.categories.find((c) => c.id === id);
      return category ? localize(category.label) : id;
    }
    if (activity.type === 'matching') {
      const pair = activity.pairs.find((p) => p.id === id);
      return pair ? localize(pair.right) : id;
    }
    const option = activity.options.find((o) => o.id === id);
    return option ? localize(option.label) : id;
  };
  return { given: label(given), expected: label(expected) };
}

function verdict(right: boolean): HTMLElement {
  return h(
    'span',
    { class: right ? 'course-verdict is-right' : 'course-verdict is-wrong' },
    h('span', { 'aria-hidden': 'true' }, right ? '✓ ' : '✗ '),
    t(right ? 'course:feedback.right' : 'course:feedback.wrong'),
  );
}

function itemFeedback(activity: Activity, result: ActivityResult): HTMLElement {
  if (activity.type === 'game-situation') {
    const chosen = result.items[0]?.given ?? null;
    const cards = optionCards(activity);
    const outcomes = optionOutcomes(activity);
    return h(
      'ul',
      { class: 'course-feedback' },
      ...stableOrder(activity.options, activity.id).map((option) => {
        const card = cards.get(option.id);
        const outcome = outcomes.get(option.id);
        return h(
          'li',
          { class: option.best ? 'is-correct' : '' },
          h('p', { class: 'course-feedback-head' }, h('strong', {}, localize(option.label))),
          h(
            'p',
            { class: 'course-markers' },
            option.id === chosen ? h('span', { class: 'course-marker' }, t('course:feedback.yourChoice')) : null,
            option.best ? h('span', { class: 'course-marker is-correct' }, t('course:feedback.bestChoice')) : null,
          ),
          h('p', {}, localize(option.feedback)),
          outcome ? outcomeDetails(outcome) : null,
          card ? optionCardDetails(card, `${option.id}--card`) : null,
        );
      }),
    );
  }
  const labelOf = (id: string) =>
    activity.type === 'sorting'
      ? localize(activity.items.find((i) => i.id === id)?.label ?? { fr: id, en: id })
      : localize(activity.pairs.find((p) => p.id === id)?.left ?? { fr: id, en: id });
  const feedbackOf = (id: string) =>
    activity.type === 'sorting'
      ? activity.items.find((i) => i.id === id)?.feedback
      : activity.pairs.find((p) => p.id === id)?.feedback;
  return h(
    'ul',
    { class: 'course-feedback' },
    ...result.items.map((item) => {
      const texts = answerTexts(activity, item.given, item.expected);
      const feedback = feedbackOf(item.id);
      return h(
        'li',
        { class: item.right ? 'is-correct' : 'is-wrong' },
        h('p', { class: 'course-feedback-head' }, h('strong', {}, labelOf(item.id)), ' ', verdict(item.right)),
        h('p', {}, t('course:feedback.yourAnswer', { answer: texts.given })),
        item.right ? null : h('p', {}, t('course:feedback.expected', { answer: texts.expected })),
        feedback ? h('p', {}, localize(feedback)) : null,
      );
    }),
  );
}

function missingLabel(activity: Activity, key: string): string {
  if (activity.type === 'sorting') return localize(activity.items.find((i) => i.id === key)?.label ?? { fr: key, en: key });
  if (activity.type === 'matching') return localize(activity.pairs.find((p) => p.id === key)?.left ?? { fr: key, en: key });
  return localize(activity.prompt);
}

export function activityPage(args: PageArgs, module: CourseModule): RenderedPage {
  const { course, snapshot, send } = args;
  const activity = module.activity;
  const title = pageName(course, { kind: 'activity', module: module.id });
  const result = snapshot.matches({ activity: 'checked' }) ? snapshot.context.activityResult : null;
  const body: (HTMLElement | null)[] = [];

  if (result) {
    body.push(
      h(
        'section',
        { class: 'course-result', tabindex: -1, 'data-autofocus': 'true', 'aria-labelledby': 'course-result-title' },
        h('h2', { id: 'course-result-title' }, t('course:activity.result', { right: result.right, total: result.total })),
        h('p', {}, t(result.right === result.total ? 'course:activity.allRight' : 'course:activity.someWrong')),
        h(
          'p',
          { class: 'course-actions' },
          h(
            'button',
            { type: 'button', class: 'button-quiet', onclick: () => send({ type: 'RETRY' }) },
            t('course:activity.retry'),
          ),
        ),
      ),
      // The case stays in view: the feedback and the outcomes are read against it.
      activity.type === 'game-situation' ? h('p', { class: 'course-situation' }, localize(activity.situation)) : null,
      h('h2', {}, t(activity.type === 'game-situation' ? 'course:activity.outcomes' : 'course:feedback.title')),
      activity.type === 'game-situation' ? h('p', {}, t('course:activity.outcomesIntro')) : null,
      itemFeedback(activity, result),
    );
  } else {
    const missing = snapshot.context.missing;
    const form = h(
      'form',
      {
        class: 'course-activity-form',
        novalidate: true,
        onsubmit: (event: Event) => {
          event.preventDefault();
          send({ type: 'CHECK' });
        },
      },
      ...activityInputs(activity, snapshot.context.draft, (key, values) => send({ type: 'ANSWER', key, values })),
      h('p', { class: 'course-actions' }, h('button', { type: 'submit', class: 'button' }, t('course:activity.check'))),
    );
    if (missing.length > 0) {
      body.push(
        missingSummary(
          t('course:activity.missing'),
          missing.map((key) => ({ id: key, label: missingLabel(activity, key) })),
        ),
      );
    }
    if (activity.type === 'game-situation') body.push(h('p', { class: 'course-situation' }, localize(activity.situation)));
    body.push(form);
  }

  const node = h(
    'div',
    { class: 'course-page course-activity' },
    breadcrumb([courseCrumb(), moduleCrumb(course, module), { label: t(`course:activity.type.${activity.type}`) }]),
    kicker(localize(module.title), t(`course:activity.type.${activity.type}`), minutesText(practiceMinutes(module).activity)),
    pageHeading(title),
    activity.type === 'game-situation'
      ? h('p', { class: 'lead' }, t('course:activity.situationIntro'))
      : h('p', { class: 'lead' }, localize(activity.prompt)),
    ...body,
    pager(args, { kind: 'activity', module: module.id }, 'course:nav.next'),
  );
  return { title, node };
}
