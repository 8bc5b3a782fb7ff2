/** Builds what the map draws from the live game: presentation only, no rule. */

import type { GameState, Scenario } from '../../engine/types.ts';
import { localize } from '../../i18n/index.ts';
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

export function mapModel(view: GameView, scenario: Scenario, reducedMotion: boolean, shownTeamId?: string): MapViewModel {
  const game = view.game;
  const team = (shownTeamId ? game?.teams.find((t) => t.id === shownTeamId) : null) ?? shownTeam(view);
  const zones = placementZones(scenario, team?.commune);
  const projects = (game?.projects ?? [])
    .filter((p) => team && p.owners.includes(team.id))
    .map((p, i) => {
      const card = scenario.cards[p.card];
      return {
        id: p.id,
        card: p.card,
        label: card ? localize(card.title) : p.card,
        zone: zones[i % zones.length] ?? '',
        built: p.built,
        pooled: p.pooled,
        actorType: card ? (scenario.actors[card.actor]?.type ?? 'association') : 'association',
      };
    });
  const lastHazard = game?.hazards[game.hazards.length - 1];
  const hazard = lastHazard ? scenario.hazards[lastHazard.hazard] : undefined;
  const showShock = view.phase === 'shock' && hazard && lastHazard && lastHazard.round === game?.round;
  return {
    territory: scenario.territory,
    zoneNames: Object.fromEntries(scenario.territory.zones.map((z) => [z.id, localize(z.name)])),
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
          }
        : null,
    reducedMotion,
    paused: view.paused,
  };
}
