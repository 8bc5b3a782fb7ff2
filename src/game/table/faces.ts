/**
 * The faces of one game: the table (everything on one screen, as a deep link
 * opens it), the projector screen the room reads, the facilitator's console
 * and a team's seat. Each face is a route of the same session; they stay in
 * sync through the session link. A face decides what a window shows and
 * which shortcuts apply there; the rules stay in the engine.
 */
import { currentTeam, remainingMoves } from '../../engine/index.ts';
import type { GameState, Offer, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { GameView } from '../session/controller.ts';
import { communeName } from './format.ts';
import { indicatorsTable } from './panels.ts';
import './faces.css';

export type Face =
  | { kind: 'table' }
  | { kind: 'screen' }
  | { kind: 'facilitator' }
  /** `remote`: a seat of a networked workshop, where only the facilitator moves the round's shared steps on. */
  | { kind: 'team'; team: string; remote?: boolean };

/** The face a route names: `screen`, `facilitator`, `team/<n>`; the table otherwise (null when the team does not exist). */
export function faceOf(segments: readonly string[], game: GameState): Face | null {
  const [kind, n] = segments;
  if (kind === undefined) return { kind: 'table' };
  if (kind === 'screen') return { kind: 'screen' };
  if (kind === 'facilitator') return { kind: 'facilitator' };
  if (kind === 'team' && n !== undefined && /^[1-6]$/.test(n) && game.teams.some((team) => team.id === `team-${n}`)) {
    return { kind: 'team', team: `team-${n}` };
  }
  return null;
}

/** The round's own panels (with their buttons) show on this face now; otherwise it shows the round as it stands. */
export function facePlays(face: Face, view: GameView): boolean {
  if (face.kind === 'table') return true;
  if (face.kind === 'screen') return false;
  const turn = view.phase === 'plan' || view.phase === 'fund';
  // The round's shared steps are moved on from the console or any seat of this browser; a team's choices from its own seat.
  if (!turn) return !(face.kind === 'team' && face.remote);
  return face.kind === 'team' && currentTeam(view.game) === face.team;
}

function offerLine(game: GameState, scenario: Scenario, offer: Offer): HTMLElement {
  const name = (id: string) => game.teams.find((team) => team.id === id)?.name ?? id;
  const card = scenario.cards[offer.card];
  return h(
    'li',
    {},
    t('game:faces.offer', {
      team: name(offer.proposer),
      partners: offer.partners.map(name).join(', '),
      card: card ? localize(card.title) : offer.card,
    }),
  );
}

/** Who has played this round, and who is to play. */
function turnList(game: GameState): HTMLElement {
  const turn = currentTeam(game);
  return h(
    'ul',
    { class: 'face-turns' },
    ...game.order.map((id) => {
      const team = game.teams.find((x) => x.id === id);
      if (!team) return null;
      const state = team.id === turn ? 'playing' : team.acted ? 'played' : 'waiting';
      return h(
        'li',
        { 'data-team': team.id, 'data-state': state },
        t(`game:faces.${state}`, { team: team.name, count: remainingMoves(team) }),
      );
    }),
  );
}

/**
 * What a face shows when the round's panel is not its own: the projector's
 * scoreboard, the console's view of every team, a seat waiting for its turn.
 */
export function roundAsItStands(face: Face, view: GameView, scenario: Scenario): HTMLElement[] {
  const game = view.game;
  const turn = currentTeam(game);
  const offers = game.offers.filter((offer) => offer.status === 'open');
  const out: HTMLElement[] = [];
  if (face.kind === 'team') {
    const me = game.teams.find((team) => team.id === face.team);
    const current = game.teams.find((team) => team.id === turn);
    if (me) {
      out.push(
        h('p', { class: 'face-seat' }, t('game:faces.seat', { team: me.name, commune: communeName(scenario, me.commune) })),
      );
    }
    out.push(h('p', { role: 'status' }, current ? t('game:faces.waitingFor', { team: current.name }) : t('game:turn.allTeams')));
  }
  if (view.phase === 'plan' || view.phase === 'fund') out.push(turnList(game));
  if (offers.length > 0) {
    out.push(
      h('h3', {}, t('game:faces.offers')),
      h('ul', { class: 'face-offers' }, ...offers.map((o) => offerLine(game, scenario, o))),
    );
  }
  out.push(indicatorsTable(game, scenario));
  return out;
}

/** The face's name, shown under the game's title. */
export function faceLabel(face: Face, game: GameState): string {
  if (face.kind === 'team') return t('game:faces.teamFace', { team: game.teams.find((x) => x.id === face.team)?.name ?? '' });
  return t(`game:faces.${face.kind}Face`);
}

/** Whose collapse warnings a face shows: a seat its own; the other faces every team's. */
export function warnedTeams(face: Face, game: GameState): string[] {
  return face.kind === 'team' ? [face.team] : game.teams.map((team) => team.id);
}

/** Faces that read the round's shared steps without moving them on: the projector and a networked seat. */
export function readsSharedSteps(face: Face): boolean {
  return face.kind === 'screen' || (face.kind === 'team' && face.remote === true);
}

/** The round's shared steps the room reads together: the projector shows them as the table does. */
export function sharedStep(view: GameView): boolean {
  return view.phase === 'diagnose' || view.phase === 'implement' || view.phase === 'shock' || view.phase === 'evaluate';
}

/** Controls a face that reads the shared steps keeps: a networked team in the Department seat splits the envelopes. */
export function keptControls(face: Face, game: GameState): string | undefined {
  return face.kind === 'team' && face.remote && game.departmentSeat === face.team ? 'fieldset.department-seat' : undefined;
}

/** A panel for the room to read: the same content without its controls (the projector is not driven). */
export function withoutControls(elements: HTMLElement[], keep?: string): HTMLElement[] {
  for (const element of elements) {
    for (const control of element.querySelectorAll('button, input, select, textarea, fieldset.department-seat')) {
      // `keep`: controls this face still uses (a networked team's split of the Department's envelopes).
      if (!(keep && control.closest(keep))) control.remove();
    }
    if (element.matches('button')) element.remove();
  }
  return elements.filter((element) => !element.matches('button'));
}
