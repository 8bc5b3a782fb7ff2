/** Small translated formatting helpers shared by the game panels. */
import { roundInPlay, teamsToAct } from '../../engine/index.ts';
import type { IndicatorId, Indicators, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import type { GameView } from '../session/controller.ts';

export function indicatorName(id: IndicatorId): string {
  return t(`game:indicator.${id}`);
}

/**
 * A share (0.35) as the language writes a percentage: "35 %" (a narrow no-break space) in French, "35%" in
 * English; written from the locale files, since Intl's French space differs from one engine to another.
 */
export function percent(share: number): string {
  return t('game:format.percent', { value: Math.round(share * 100) });
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function effectsText(effects: Partial<Indicators>): string {
  return (Object.entries(effects) as [IndicatorId, number][])
    .filter(([, d]) => d !== 0)
    .map(([id, d]) => `${indicatorName(id)} ${signed(d)}`)
    .join(', ');
}

export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The name of a commune of the scenario's territory. */
export function communeName(scenario: Scenario, id: string): string {
  const commune = scenario.territory.communes.find((c) => c.id === id);
  return commune ? localize(commune.name) : id;
}

/** The line over the map: the round and its phase, whose turn it is, and a pause. */
export function turnBanner(view: GameView): string {
  const game = view.game;
  if (view.status !== 'playing') return '';
  const current = teamsToAct(game)[0];
  const phase = view.phase ? t(`game:phase.${view.phase}`) : '';
  const who =
    (view.phase === 'plan' || view.phase === 'fund') && current
      ? t('game:turn.team', { team: current.name })
      : t('game:turn.allTeams');
  return `${t('game:turn.banner', { round: roundInPlay(game), rounds: game.rounds, phase })} · ${who}${
    view.paused ? ` · ${t('game:facilitator.paused')}` : ''
  }`;
}
