/** Says in words what the canvas shows: phases, turns, projects, shocks, indicator changes. */
import { findTeam, teamsToAct } from '../../engine/index.ts';
import type { GameState, IndicatorId, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import type { GameView } from '../session/controller.ts';
import { effectsText, indicatorName } from './format.ts';

function cardName(scenario: Scenario, id: string): string {
  const card = scenario.cards[id];
  return card ? localize(card.title) : id;
}

export function narrate(before: GameView | null, after: GameView, scenario: Scenario): string[] {
  const out: string[] = [];
  const game = after.game;
  if (!game) return out;
  const prev = before?.game ?? null;
  if (after.status === 'debrief' && before?.status !== 'debrief') return [t('game:narration.debrief')];
  if (after.phase && (after.phase !== before?.phase || game.round !== prev?.round)) {
    out.push(t('game:narration.phase', { round: Math.min(game.round, game.rounds), phase: t(`game:phase.${after.phase}`) }));
  }
  if (prev) {
    for (const p of game.projects.slice(prev.projects.length)) {
      const names = p.owners.map((o) => findTeam(game, o)?.name ?? o);
      out.push(
        p.owners.length > 1
          ? t('game:narration.pooled', { team: names[0], card: cardName(scenario, p.card), partners: names.slice(1).join(', ') })
          : t('game:narration.started', { team: names[0], card: cardName(scenario, p.card) }),
      );
    }
    for (const p of game.projects) {
      const was = prev.projects.find((q) => q.id === p.id);
      if (p.built && was && !was.built) {
        out.push(
          t('game:narration.built', {
            card: cardName(scenario, p.card),
            team: p.owners.map((o) => findTeam(game, o)?.name ?? o).join(', '),
          }),
        );
      }
    }
    for (const offer of game.offers.slice(prev.offers.length)) {
      out.push(
        t('game:narration.offered', {
          team: findTeam(game, offer.proposer)?.name ?? offer.proposer,
          card: cardName(scenario, offer.card),
          partners: offer.partners.map((p) => findTeam(game, p)?.name ?? p).join(', '),
        }),
      );
    }
    for (const offer of game.offers) {
      const was = prev.offers.find((o) => o.id === offer.id);
      if (!was) continue;
      for (const partner of offer.partners) {
        if (was.answers[partner] === undefined && offer.answers[partner] !== undefined) {
          out.push(
            t(offer.answers[partner] ? 'game:narration.accepted' : 'game:narration.declined', {
              team: findTeam(game, partner)?.name ?? partner,
              card: cardName(scenario, offer.card),
            }),
          );
        }
      }
      if (was.status === 'open' && (offer.status === 'lapsed' || offer.status === 'budget')) {
        out.push(t(`game:narration.offer-${offer.status}`, { card: cardName(scenario, offer.card) }));
      }
    }
    for (const lever in game.allocations) {
      if (game.allocations[lever] === prev.allocations[lever] || prev.phase !== 'diagnose') continue;
      const name = scenario.levers.find((l) => l.id === lever)?.name;
      const shares = game.teams.map((team) => `${team.name} ${game.allocations[lever]?.[team.id] ?? 0} k€`).join(', ');
      if (name) out.push(t('game:narration.allocated', { lever: localize(name), shares }));
    }
    for (const aid of game.aid.slice(prev.aid.length)) {
      out.push(
        t('game:narration.aid', {
          team: findTeam(game, aid.from)?.name ?? aid.from,
          to: findTeam(game, aid.to)?.name ?? aid.to,
          amount: aid.amount,
        }),
      );
    }
    for (const team of game.teams) {
      const old = findTeam(prev, team.id);
      if (old && !old.acted && team.acted && team.moves === old.moves) out.push(t('game:narration.passed', { team: team.name }));
    }
    if (game.hazards.length > prev.hazards.length) {
      const record = game.hazards[game.hazards.length - 1];
      const hazard = record ? scenario.hazards[record.hazard] : undefined;
      if (record && hazard) {
        const impacts = game.teams
          .map((team) =>
            t('game:format.labelled', { label: team.name, value: effectsText(record.effects[team.id]?.impacts ?? {}) || '0' }),
          )
          .join(' ; ');
        out.push(t('game:narration.hazard', { hazard: localize(hazard.name), impacts }));
      }
    }
    out.push(...indicatorChanges(prev, game, scenario, after.phase === 'shock'));
  }
  const current = teamsToAct(game)[0];
  const previous = prev ? teamsToAct(prev)[0] : undefined;
  if (
    (after.phase === 'plan' || after.phase === 'fund') &&
    current &&
    (current.id !== previous?.id || before?.phase !== 'plan')
  ) {
    if (before?.phase !== 'fund' || current.id !== previous?.id) out.push(t('game:narration.turn', { team: current.name }));
  }
  if (after.round?.refusal && after.round.refusal !== before?.round?.refusal) {
    out.push(t('game:narration.refused', { reason: t(`game:errors.${after.round.refusal}`) }));
  }
  return out;
}

function indicatorChanges(prev: GameState, game: GameState, scenario: Scenario, skip: boolean): string[] {
  // Hazard impacts are already told with the hazard.
  if (skip) return [];
  const out: string[] = [];
  for (const team of game.teams) {
    const old = findTeam(prev, team.id);
    if (!old || old.indicators === team.indicators) continue;
    for (const id of scenario.indicatorIds as IndicatorId[]) {
      if (old.indicators[id] !== team.indicators[id]) {
        out.push(
          t('game:narration.indicator', {
            team: team.name,
            indicator: indicatorName(id),
            from: old.indicators[id],
            to: team.indicators[id],
          }),
        );
      }
    }
  }
  return out;
}
