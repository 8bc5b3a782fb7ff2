/**
 * Says in words what the canvas shows. It reads the log: each new entry, with
 * the game as it stood before and after it, says what happened (a project
 * launched, an offer answered, a hazard, the yearly review's losses); the
 * view adds what is not logged (a draft's refusal, the debrief opening).
 */
import type { Cue } from '../../audio/sound-bank-types.ts';
import { applyEvent, findTeam, roundInPlay, teamsToAct } from '../../engine/index.ts';
import type { GameState, IndicatorId, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { isGameEvent, type LogEntry } from '../../machines/game.ts';
import type { GameView } from '../session/controller.ts';
import { effectsText, indicatorName } from './format.ts';

/** One entry of the log, with the game before and after it. */
export interface LoggedStep {
  entry: LogEntry;
  before: GameState;
  after: GameState;
}

/** More new entries than this at once is a window catching up (joining, resuming): told as where the game stands. */
export const CATCH_UP_ENTRIES = 12;

/**
 * The log's new entries replayed from the game the view last showed, one step
 * each. The engine is pure, so this is the same game the authority built;
 * the facilitator's own entries (pause, clock) leave the game as it was.
 */
export function replaySteps(entries: readonly LogEntry[], from: GameState, scenario: Scenario): LoggedStep[] {
  const steps: LoggedStep[] = [];
  let game = from;
  for (const entry of entries) {
    const before = game;
    if (isGameEvent(entry)) {
      try {
        game = applyEvent(before, scenario, entry);
      } catch {
        // An entry the machine refused is never logged; if one were, the view would say nothing of it.
        continue;
      }
    }
    steps.push({ entry, before, after: game });
  }
  return steps;
}

function cardName(scenario: Scenario, id: string): string {
  const card = scenario.cards[id];
  return card ? localize(card.title) : id;
}

function teamName(game: GameState, id: string): string {
  return findTeam(game, id)?.name ?? id;
}

/**
 * What one logged entry did, in words, then what it brought about: the last
 * move of a plan phase builds, a shock strikes, the yearly review takes its toll.
 */
export function narrateStep(step: LoggedStep, scenario: Scenario): string[] {
  const { before, after } = step;
  return [
    ...entryWords(step, scenario),
    ...lapsedOffers(before, after, scenario),
    ...built(before, after, scenario),
    ...struck(before, after, scenario),
  ];
}

function entryWords({ entry, before, after }: LoggedStep, scenario: Scenario): string[] {
  switch (entry.type) {
    case 'pause':
      return [t('game:narration.paused')];
    case 'resume':
      return [t('game:narration.resumed')];
    case 'set-timer':
    case 'extend-time':
    case 'plan-hazard':
      // The clock speaks for itself; a planned hazard is the facilitator's secret.
      return [];
    case 'pass':
      return [t('game:narration.passed', { team: teamName(after, entry.team) })];
    case 'start-project': {
      const partners = entry.partners ?? [];
      return [
        partners.length > 0
          ? t('game:narration.offered', {
              team: teamName(after, entry.team),
              card: cardName(scenario, entry.card),
              partners: partners.map((p) => teamName(after, p)).join(', '),
            })
          : t('game:narration.started', { team: teamName(after, entry.team), card: cardName(scenario, entry.card) }),
      ];
    }
    case 'answer-offer':
      return answered(entry.team, entry.offer, entry.accept, before, after, scenario);
    case 'send-aid': {
      const aid = after.aid[after.aid.length - 1];
      return aid
        ? [t('game:narration.aid', { team: teamName(after, aid.from), to: teamName(after, aid.to), amount: aid.amount })]
        : [];
    }
    case 'allocate-envelope': {
      const name = scenario.levers.find((l) => l.id === entry.lever)?.name;
      const shares = after.teams.map((team) => `${team.name} ${after.allocations[entry.lever]?.[team.id] ?? 0} k€`).join(', ');
      return name ? [t('game:narration.allocated', { lever: localize(name), shares })] : [];
    }
    default:
      // continue, skip-phase, inject-hazard, end-game: only what the round's steps brought.
      return [];
  }
}

function answered(
  team: string,
  offerId: string,
  accept: boolean,
  before: GameState,
  after: GameState,
  scenario: Scenario,
): string[] {
  const offer = after.offers.find((o) => o.id === offerId);
  if (!offer) return [];
  const card = cardName(scenario, offer.card);
  const out = [t(accept ? 'game:narration.accepted' : 'game:narration.declined', { team: teamName(after, team), card })];
  const project = after.projects.slice(before.projects.length).find((p) => p.card === offer.card);
  if (offer.status === 'started' && project) {
    const names = project.owners.map((o) => teamName(after, o));
    out.push(t('game:narration.pooled', { team: names[0], card, partners: names.slice(1).join(', ') }));
  }
  return out;
}

function lapsedOffers(before: GameState, after: GameState, scenario: Scenario): string[] {
  return after.offers.flatMap((offer) => {
    const was = before.offers.find((o) => o.id === offer.id);
    return was?.status === 'open' && (offer.status === 'lapsed' || offer.status === 'budget')
      ? [t(`game:narration.offer-${offer.status}`, { card: cardName(scenario, offer.card) })]
      : [];
  });
}

function built(before: GameState, after: GameState, scenario: Scenario): string[] {
  return after.projects.flatMap((p) => {
    const was = before.projects.find((q) => q.id === p.id);
    return p.built && was && !was.built
      ? [
          t('game:narration.built', {
            card: cardName(scenario, p.card),
            team: p.owners.map((o) => teamName(after, o)).join(', '),
          }),
        ]
      : [];
  });
}

/** A hazard tells its own impacts; otherwise the indicators that moved (the yearly review's losses, a project's gains). */
function struck(before: GameState, after: GameState, scenario: Scenario): string[] {
  const record = after.hazards.length > before.hazards.length ? after.hazards[after.hazards.length - 1] : undefined;
  const hazard = record ? scenario.hazards[record.hazard] : undefined;
  if (record && hazard) {
    const impacts = after.teams
      .map((team) =>
        t('game:format.labelled', { label: team.name, value: effectsText(record.effects[team.id]?.impacts ?? {}) || '0' }),
      )
      .join(' ; ');
    return [t('game:narration.hazard', { hazard: localize(hazard.name), impacts })];
  }
  const out: string[] = [];
  for (const team of after.teams) {
    const old = findTeam(before, team.id);
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

/**
 * Everything to announce for a new view: the steps the log took since the
 * last one, then the phase and whose turn it is, and a draft's refusal.
 */
export function narrate(before: GameView | null, after: GameView, steps: readonly LoggedStep[], scenario: Scenario): string[] {
  const game = after.game;
  if (after.status === 'debrief' && before?.status !== 'debrief') return [t('game:narration.debrief')];
  const catchingUp = !before || steps.length > CATCH_UP_ENTRIES;
  const out = catchingUp ? [] : steps.flatMap((step) => narrateStep(step, scenario));
  const prev = before?.game;
  if (after.phase && (catchingUp || after.phase !== before?.phase || game.round !== prev?.round)) {
    out.push(t('game:narration.phase', { round: roundInPlay(game), phase: t(`game:phase.${after.phase}`) }));
  }
  const current = teamsToAct(game)[0];
  const previous = prev ? teamsToAct(prev)[0] : undefined;
  // Choosing then funding is one team's turn: its name is said once.
  const newTurn = current && (current.id !== previous?.id || (before?.phase !== 'plan' && before?.phase !== 'fund'));
  if ((after.phase === 'plan' || after.phase === 'fund') && newTurn) out.push(t('game:narration.turn', { team: current.name }));
  if (after.round?.refusal && after.round.refusal !== before?.round?.refusal) {
    out.push(t('game:narration.refused', { reason: t(`game:errors.${after.round.refusal}`) }));
  }
  return out;
}

/** The one sound a new view plays, the most telling first. */
export function soundCue(before: GameView, after: GameView, steps: readonly LoggedStep[]): Cue | null {
  if (steps.some((s) => s.after.hazards.length > s.before.hazards.length)) return 'hazard';
  if (steps.some((s) => s.after.projects.some((p) => p.built && !s.before.projects.find((q) => q.id === p.id)?.built))) {
    return 'build';
  }
  if (after.status === 'debrief' && before.status !== 'debrief') return 'success';
  if (after.round?.refusal && after.round.refusal !== before.round?.refusal) return 'error';
  if (after.phase === 'plan' && teamsToAct(after.game)[0]?.id !== teamsToAct(before.game)[0]?.id) return 'turn';
  return null;
}
