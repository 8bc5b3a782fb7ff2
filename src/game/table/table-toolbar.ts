/**
 * The game's toolbar: the facilitator's toggle (on the one-laptop table), help,
 * export, a new game, and on the table and the console the links that open
 * the session's other faces in new windows.
 */
import type { GameState } from '../../engine/types.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { GameSource } from '../session/source.ts';
import type { Face } from './faces.ts';

export interface ToolbarActions {
  toggleFacilitator(): void;
  help(): void;
  exportGame(): void;
}

export function tableToolbar(
  face: Face,
  source: Pick<GameSource, 'id' | 'local' | 'exportable'>,
  game: GameState,
  showFacilitator: boolean,
  actions: ToolbarActions,
): HTMLElement[] {
  const base = `#/game/session/${source.id}`;
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'button-quiet',
      'data-tool': 'facilitator',
      'aria-pressed': String(showFacilitator),
      onclick: () => actions.toggleFacilitator(),
    },
    t('game:facilitator.toggle'),
  );
  // A networked device opens no window of this browser: the others join from their own devices.
  const faces =
    source.local && (face.kind === 'table' || face.kind === 'facilitator')
      ? h(
          'nav',
          { class: 'face-links', 'aria-label': t('game:faces.links') },
          h('span', {}, t('game:faces.links')),
          ...[
            [`${base}/screen`, t('game:faces.screenFace')],
            [`${base}/facilitator`, t('game:faces.facilitatorFace')],
            ...game.teams.map((team, i) => [`${base}/team/${i + 1}`, t('game:faces.teamFace', { team: team.name })]),
          ].map(([href, label]) => h('a', { href, target: '_blank', rel: 'noopener' }, label)),
        )
      : null;
  return [
    ...(face.kind === 'table' ? [toggle] : []),
    h(
      'button',
      { type: 'button', class: 'button-quiet', 'data-tool': 'help', onclick: () => actions.help() },
      t('game:actions.help'),
    ),
    ...(source.exportable
      ? [
          h(
            'button',
            { type: 'button', class: 'button-quiet', 'data-tool': 'export', onclick: () => actions.exportGame() },
            t('game:actions.export'),
          ),
        ]
      : []),
    // A networked team's device or projector has no game of its own to leave for a new one.
    ...(source.local || face.kind === 'facilitator'
      ? [h('a', { href: '#/game', class: 'button-quiet', 'data-tool': 'new' }, t('game:actions.newGame'))]
      : []),
    ...(faces ? [faces] : []),
  ];
}
