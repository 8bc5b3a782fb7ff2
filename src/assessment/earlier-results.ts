/** The list of finished attempts on the test's home: view, export, delete; export all; import a file. */
import { t } from '../i18n/index.ts';
import type { AppContext } from '../ui/app-context.ts';
import { confirmDialog, downloadText } from '../ui/dialog.ts';
import { h } from '../ui/dom.ts';
import type { Assessment } from './content.ts';
import { attemptLabel, attemptShortLabel } from './format.ts';
import { groupForm } from './group-form.ts';
import { resultsHref } from './paths.ts';
import { exportAttempts, importAttempts, parseResultsFile } from './results-file.ts';
import { type Attempt, deleteAttempt, listAttempts, newAttemptId } from './storage.ts';

export function exportFile(content: Assessment, attempts: readonly Attempt[], name: string): void {
  downloadText(name, exportAttempts(content, attempts, new Date().toISOString()));
}

export function earlierResults(ctx: AppContext, content: Assessment, go: (href: string) => void): HTMLElement {
  const section = h('section', { class: 'test-earlier', 'aria-labelledby': 'earlier-title' });
  const draw = () => {
    const { attempts, unreadable } = listAttempts(ctx.store, content);
    const list = h('ul', { class: 'test-attempts' });
    for (const attempt of attempts) {
      const label = attemptLabel(content, attempt);
      const date = attemptShortLabel(attempt);
      list.append(
        h(
          'li',
          { 'data-attempt': attempt.id },
          h('span', {}, label),
          h(
            'a',
            { href: resultsHref(attempt.id), class: 'button-quiet', 'aria-label': t('test:earlier.viewLabel', { label: date }) },
            t('test:earlier.view'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              'aria-label': t('test:earlier.exportLabel', { label: date }),
              onclick: () => exportFile(content, [attempt], `autodiagnostic-${attempt.id}.json`),
            },
            t('test:earlier.export'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              'aria-label': t('test:earlier.deleteLabel', { label: date }),
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
      if (file)
        void importFile(ctx, content, file).then((feedback) => {
          if (feedback.added) draw();
          showFeedback(feedback);
        });
    });
    const status = h('p', { id: 'import-feedback', class: 'test-inline-status', role: 'status' });
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
      status,
      ...(attempts.length > 1 ? [groupForm(content, attempts, go) ?? ''] : []),
    );
  };
  // Beside the file field, so it is seen where the file was chosen; it goes with the page on navigation.
  const showFeedback = (feedback: ImportFeedback) => {
    const status = section.querySelector<HTMLElement>('#import-feedback');
    if (!status) return;
    status.textContent = feedback.message;
    status.className = `test-inline-status ${feedback.ok ? 'status-ok' : 'status-error'}`;
  };
  draw();
  return section;
}

export interface ImportFeedback {
  ok: boolean;
  added: boolean;
  message: string;
}

/** Reads, checks and adds an exported file; a bad file only brings a message, nothing is lost. */
export async function importFile(ctx: AppContext, content: Assessment, file: File): Promise<ImportFeedback> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, added: false, message: t('test:import.unreadableFile') };
  }
  const parsed = parseResultsFile(text, content);
  if (!parsed.ok) return { ok: false, added: false, message: t(`test:import.${parsed.error}`) };
  const { added, duplicates, results } = importAttempts(ctx.store, content, parsed.attempts, () =>
    newAttemptId(Date.now(), Math.random()),
  );
  for (const result of results) ctx.reportStore(result);
  if (added.length === 0) return { ok: true, added: false, message: t('test:import.nothingNew') };
  const message =
    duplicates > 0
      ? t('test:import.okWithDuplicates', { count: added.length, duplicates: t('test:import.duplicates', { count: duplicates }) })
      : t('test:import.ok', { count: added.length });
  return { ok: true, added: true, message };
}
