/** A text view of the map for screen readers: zones and the projects drawn in them. */
import type { Scenario } from '../../engine/types.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { GameView } from '../session/controller.ts';
import { communeName } from '../table/format.ts';
import { type MapOptions, mapModel } from './map-model.ts';

/** With `allTeams` (the projector), every team's projects, each with its team's name. */
export function mapTextView(view: GameView, scenario: Scenario, options: MapOptions = {}, shownTeamId?: string): HTMLElement[] {
  const model = mapModel(view, scenario, true, shownTeamId, options);
  const items = scenario.territory.zones.map((zone) => {
    const here = model.projects.filter((p) => p.zone === zone.id);
    const projects = here.map((p) =>
      t('game:map.project', {
        card: p.label,
        state: [
          options.allTeams ? p.owner : null,
          p.built ? t('game:map.built') : t('game:map.inProgress'),
          p.pooled ? t('game:map.pooled') : null,
        ]
          .filter(Boolean)
          .join(', '),
      }),
    );
    const commune = scenario.territory.communes.find((c) => c.zones.includes(zone.id));
    const label = t('game:map.zoneOf', {
      zone: model.zoneNames[zone.id] ?? zone.id,
      kind: t(`game:map.kinds.${zone.kind}`),
      commune: commune ? communeName(scenario, commune.id) : '',
    });
    return h(
      'li',
      {},
      t('game:format.labelled', { label, value: projects.length > 0 ? projects.join(' ; ') : t('game:map.noProject') }),
    );
  });
  const whose = model.team && !options.allTeams ? ` · ${model.team.name}` : '';
  return [h('summary', {}, `${t('game:map.textView')}${whose}`), h('ul', {}, ...items)];
}
