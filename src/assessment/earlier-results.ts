/** The list of finished attempts on the test's home: view, export, delete; export all; import a file. */
import { t } from '../i18n/index.ts';
import type { AppContext } from '../ui/app-context.ts';
import { confirmDialog, downloadText } from '../ui/dialog.ts';
import { h } from '../ui/dom.ts';
import type { Assessment } from './content.ts';
import { bandLabel, formatDate } from './format.ts';
import { resultsHref } from './paths.ts';
import { scoreAssessment } from './scoring.ts';
import {
  type Attempt,
  deleteAttempt,
  exportAttempts,
  importAttempts,
  listAttempts,
  newAttemptId,
  parseResultsFile,
} from './storage.ts';

export function exportFile(content: Assessment, attempts: readonly Attempt[], name: string): void {
  downloadText(name, exportAttempts(content, attempts, new Date().toISOString()));
}

export function earlierResults(ctx: AppContext, content: Assessment): HTMLElement {
  const section = h('section', { class: 'test-earlier', 'aria-labelledby': 'earlier-title' });
  const draw = () => {
    const { attempts, unreadable } = listAttempts(ctx.store, content);
    const list = h('ul', { class: 'test-attempts' });
    for (const attempt of attempts) {
      const date = formatDate(attempt.finishedAt);
      const profile = scoreAssessment(content, attempt.answers).profile;
      const label = profile
        ? t('test:earlier.item', { date, score: profile.score, band: bandLabel(content, profile.band) })
        : t('test:earlier.itemNoScore', { date });
      list.append(
        h(
          'li',
          { 'data-attempt': attempt.id },
          h('span', {}, label),
          h(
            'a',
            { href: resultsHref(attempt.id), class: 'button-quiet', 'aria-label': t('test:earlier.viewLabel', { date }) },
            t('test:earlier.view'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              'aria-label': t('test:earlier.exportLabel', { date }),
              onclick: () => exportFile(content, [attempt], `autodiagnostic-${attempt.id}.json`),
            },
            t('test:earlier.export'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              'aria-label': t('test:earlier.deleteLabel', { date }),
              onclick: async () => {
                if (!(await confirmDialog(t('test:earlier.confirmDelete')))) return;
                deleteAttempt(ctx.store, attempt.id);
                draw();
                ctx.announce(t('test:earlier.deleted'));
              },
            },
            t('test:earlier.delete'),
          ),
        ),
      );
    }
    const fileInput = h('input', { type: 'file', id: 'import-results', accept: '.json,application/json' });
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) void importFile(ctx, content, file).then((added) => added && draw());
    });
    section.replaceChildren(
      h('h2', { id: 'earlier-title' }, t('test:earlier.title')),
      attempts.length > 0 ? list : h('p', {}, t('test:earlier.none')),
      ...(unreadable > 0 ? [h('p', { class: 'hint' }, t('test:earlier.unreadable', { count: unreadable }))] : []),
      ...(attempts.length > 1
        ? [
            h(
              'p',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'button-quiet',
                  onclick: () => exportFile(content, attempts, 'autodiagnostic-resultats.json'),
                },
                t('test:earlier.exportAll'),
              ),
            ),
          ]
        : []),
      h('p', { class: 'field' }, h('label', { for: 'import-results' }, t('test:earlier.import')), fileInput),
    );
  };
  draw();
  return section;
}

/** Reads, checks and adds an exported file; a bad file only brings a message, nothing is lost. */
export async function importFile(ctx: AppContext, content: Assessment, file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    ctx.notify(t('test:import.unreadableFile'));
    return false;
  }
  const parsed = parseResultsFile(text, content);
  if (!parsed.ok) {
    ctx.notify(t(`test:import.${parsed.error}`));
    return false;
  }
  const { added, results } = importAttempts(ctx.store, content, parsed.attempts, () => newAttemptId(Date.now(), Math.random()));
  for (const result of results) ctx.reportStore(result);
  ctx.notify(added.length > 0 ? t('test:import.ok', { count: added.length }) : t('test:import.nothingNew'), 'info');
  return added.length > 0;
}
