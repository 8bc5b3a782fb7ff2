/** The set-up page's saved games: resume, export, delete, and a game file imported (checked by replay first). */
import { bundledScenarios } from '../../content/scenarios.ts';
import { localize, t } from '../../i18n/index.ts';
import type { AppContext } from '../../ui/app-context.ts';
import { confirmDialog, downloadText } from '../../ui/dialog.ts';
import { h } from '../../ui/dom.ts';
import { deleteSave, exportSave, listSaves, newGameId, parseGameFile, writeSave } from '../session/game-saves.ts';
import { gameFileError } from './new-game.ts';

export function savedGames(ctx: AppContext): HTMLElement {
  const section = h('section', { class: 'saved-games', 'aria-labelledby': 'saved-title' });
  const draw = () => {
    const { saves, unreadable } = listSaves(ctx.store);
    const scenarios = bundledScenarios();
    const list = h('ul', {});
    for (const save of saves) {
      const scenario = scenarios.get(save.file.scenario);
      const label = t('game:setup.savedItem', {
        scenario: scenario ? localize(scenario.title) : save.file.scenario,
        teams: save.file.options.teams.join(', '),
        round: save.round,
        date: new Date(save.savedAt).toLocaleString(document.documentElement.lang),
      });
      list.append(
        h(
          'li',
          {},
          h('span', {}, label),
          h('a', { href: `#/game/session/${save.id}`, class: 'button-quiet' }, t('game:setup.resume')),
          h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              onclick: () => downloadText(`partie-${save.file.scenario}-${save.id}.json`, exportSave(save)),
            },
            t('game:setup.export'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              onclick: async () => {
                if (await confirmDialog(t('game:setup.confirmDelete'))) {
                  deleteSave(ctx.store, save.id);
                  draw();
                }
              },
            },
            t('game:setup.delete'),
          ),
        ),
      );
    }
    const fileInput = h('input', { type: 'file', id: 'import-game', accept: '.json,application/json' });
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      if (file) void importFile(ctx, file);
      fileInput.value = '';
    });
    section.replaceChildren(
      h('h2', { id: 'saved-title' }, t('game:setup.saved')),
      saves.length > 0 ? list : h('p', {}, t('game:setup.noSaved')),
      ...(unreadable.length > 0 ? [h('p', { class: 'hint' }, t('game:setup.unreadable', { count: unreadable.length }))] : []),
      h('p', { class: 'field' }, h('label', { for: 'import-game' }, t('game:setup.import')), fileInput),
    );
  };
  draw();
  return section;
}

export async function importFile(ctx: AppContext, file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    ctx.notify(() => t('game:import.unreadableFile'), 'error', 'import');
    return;
  }
  let result = parseGameFile(text, bundledScenarios());
  // A game played on an earlier version of its scenario: replay it on today's, if the user says so.
  if (!result.ok && result.error === 'changed-scenario' && (await confirmDialog(t('game:import.replayOnChanged')))) {
    result = parseGameFile(text, bundledScenarios(), { acceptChangedScenario: true });
  }
  if (!result.ok) {
    ctx.notify(() => gameFileError(result), 'error', 'import');
    return;
  }
  // A fresh id: importing never overwrites a game already here.
  const id = newGameId(Date.now(), Math.random());
  const snapshot = result.snapshot;
  const game = snapshot.context.game;
  const status = snapshot.matches('finished') ? 'finished' : snapshot.matches('debrief') ? 'debrief' : 'playing';
  const save = {
    id,
    savedAt: new Date().toISOString(),
    round: Math.min(game.round, game.rounds),
    status,
    file: result.file,
  } as const;
  ctx.reportStore(writeSave(ctx.store, save));
  ctx.announce(t('game:import.ok'));
  location.hash = `#/game/session/${id}`;
}
