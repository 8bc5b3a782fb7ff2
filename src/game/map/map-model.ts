/** Builds what the map draws from the live game: presentation only, no rule. */

import { hazardStrike } from '../../engine/index.ts';
import type { GameState, Project, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import type { GameView } from '../session/controller.ts';
import { indicatorName } from '../table/format.ts';
import { animationFor, type MapViewModel } from './view-model.ts';

/** A team's projects are drawn in its own commune's zones, the most inhabited first. */
function placementZones(scenario: Scenario, commune: string | undefined): string[] {
  const own = new Set(scenario.territory.communes.find((c) => c.id === commune)?.zones ?? []);
  const zones = scenario.territory.zones.filter((z) => own.size === 0 || own.has(z.id));
  return [...zones].sort((a, b) => b.population - a.population).map((z) => z.id);
}

export function shownTeam(view: GameView): GameState['teams'][number] | null {
  const game = view.game;
  if (!game) return null;
  const active = game.teams.find((t) => !t.acted);
  return active ?? game.teams[0] ?? null;
}

/** How a face shows the map: the projector shows every team's projects in its own commune, named by commune. */
export interface MapOptions {
  allTeams?: boolean;
  minTextPx?: number;
}

/** A team's projects, each drawn in one of its commune's zones in turn; `key` keeps a pooled project apart in each owner. */
function placed(
  scenario: Scenario,
  projects: readonly Project[],
  owner: GameState['teams'][number],
  key: (p: Project) => string,
) {
  const zones = placementZones(scenario, owner.commune);
  return projects
    .filter((p) => p.owners.includes(owner.id))
    .map((p, i) => {
      const card = scenario.cards[p.card];
      return {
        id: key(p),
        card: p.card,
        label: card ? localize(card.title) : p.card,
        zone: zones[i % zones.length] ?? '',
        built: p.built,
        pooled: p.pooled,
        actorType: card ? (scenario.actors[card.actor]?.type ?? 'association') : 'association',
        owner: owner.name,
      };
    });
}

export function mapModel(
  view: GameView,
  scenario: Scenario,
  reducedMotion: boolean,
  shownTeamId?: string,
  options: MapOptions = {},
): MapViewModel {
  const game = view.game;
  const team = (shownTeamId ? game?.teams.find((t) => t.id === shownTeamId) : null) ?? shownTeam(view);
  const all = game?.projects ?? [];
  const projects = options.allTeams
    ? (game?.teams ?? []).flatMap((owner) => placed(scenario, all, owner, (p) => `${p.id}@${owner.id}`))
    : team
      ? placed(scenario, all, team, (p) => p.id)
      : [];
  const lastHazard = game?.hazards[game.hazards.length - 1];
  const hazard = lastHazard ? scenario.hazards[lastHazard.hazard] : undefined;
  const showShock = view.phase === 'shock' && hazard && lastHazard && lastHazard.round === game?.round;
  return {
    territory: scenario.territory,
    zoneNames: Object.fromEntries(scenario.territory.zones.map((z) => [z.id, localize(z.name)])),
    communes: scenario.territory.communes.map((c) => {
      const owner = game?.teams.find((x) => x.commune === c.id);
      return { id: c.id, name: localize(c.name), team: owner?.name ?? t('game:map.neutral'), played: !!owner, zones: c.zones };
    }),
    labels: options.allTeams ? 'communes' : 'zones',
    minTextPx: options.minTextPx ?? 0,
    team: team ? { id: team.id, name: team.name, index: game?.teams.indexOf(team) ?? 0 } : null,
    indicators: team?.indicators ?? scenario.start,
    gauges: scenario.indicatorIds.map((id) => ({ id, label: indicatorName(id) })),
    projects,
    shock:
      showShock && hazard && lastHazard
        ? {
            id: `${lastHazard.round}-${lastHazard.hazard}`,
            kind: hazard.kind,
            animation: animationFor(hazard.kind),
            label: localize(hazard.name),
            zones: hazardStrike(game, scenario)?.zones ?? [],
          }
        : null,
    reducedMotion,
    paused: view.paused,
  };
}
