/** Solidarity aid to a commune in collapse (the send-aid move; validateAction checks it). */
import { cloneTeam, copyIndicators, evolve } from './clone.ts';
import { movesPerRound } from './game.ts';
import { clampIndicator, softGain } from './round.ts';
import { AID_AMOUNT, AID_COOPERATION, AID_NEED_BOOST, ESSENTIAL_NEEDS_IDS } from './rules.ts';
import type { GameState, IndicatorId, Scenario, TeamState } from './types.ts';

/** A gain as every gain lands: through the soft ceiling, rounded, at most 100. */
function gained(value: number, gain: number): number {
  return clampIndicator(value + softGain(value, gain));
}

/** Solidarity aid: money and first help for the commune in collapse, cooperation for both. */
export function sendAid(state: GameState, scenario: Scenario, from: string, to: string): GameState {
  const teams = state.teams.map((t) => {
    if (t.id === from) {
      const next = cloneTeam(t);
      next.budget -= AID_AMOUNT;
      next.moves += 1;
      next.acted = next.moves >= movesPerRound(t);
      next.indicators = copyIndicators(t.indicators);
      next.indicators.cooperation = gained(t.indicators.cooperation, AID_COOPERATION);
      return next;
    }
    if (t.id !== to) return t;
    const next = cloneTeam(t);
    next.budget += AID_AMOUNT;
    next.received += AID_AMOUNT;
    const need = weakestEssentialNeed(t, scenario);
    const indicators = copyIndicators(t.indicators);
    indicators.cooperation = gained(t.indicators.cooperation, AID_COOPERATION);
    if (need) indicators[need] = gained(indicators[need], AID_NEED_BOOST);
    next.indicators = indicators;
    return next;
  });
  return evolve(state, { aid: [...state.aid, { round: state.round, from, to, amount: AID_AMOUNT }], teams });
}

/** The essential need closest to collapse (the first one listed on a tie). */
export function weakestEssentialNeed(team: TeamState, scenario: Scenario): IndicatorId | null {
  let weakest: IndicatorId | null = null;
  for (const id of ESSENTIAL_NEEDS_IDS) {
    if (!scenario.indicatorIds.includes(id)) continue;
    if (weakest === null || team.indicators[id] < team.indicators[weakest]) weakest = id;
  }
  return weakest;
}
