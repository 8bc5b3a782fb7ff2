/**
 * One round of the game: diagnose -> plan -> fund -> implement -> shock ->
 * evaluate. Teams take turns in plan/fund. Guards and actions only call the
 * engine: the rules live there.
 */
import { assign, setup } from 'xstate';
import {
  applyAction,
  applyHazard,
  cardsOpenTo,
  closeRound,
  drawHazard,
  implementProjects,
  quoteProject,
  teamsToAct,
} from '../engine/index.ts';
import type { GameState, Scenario } from '../engine/types.ts';

export interface RoundContext {
  game: GameState;
  /** The card the team whose turn it is has chosen, and the teams it pools with. */
  selection: { card: string; partners: string[] } | null;
  /** A hazard the facilitator injected for this round's shock. */
  injectedHazard: string | null;
  /** A hazard injected too late for this round: it strikes the next one. */
  nextHazard: string | null;
  /** The hazard that struck this round. */
  hazard: string | null;
  /** Why the last FUND was refused (an engine error code). */
  refusal: string | null;
}

export interface RoundInput {
  game: GameState;
  injectedHazard?: string | null;
}

export interface RoundOutput {
  game: GameState;
  nextHazard: string | null;
}

export type RoundEvent =
  | { type: 'CONTINUE' }
  | { type: 'CHOOSE_PROJECT'; card: string; partners?: string[] }
  | { type: 'FUND'; levers: string[] }
  | { type: 'BACK' }
  | { type: 'PASS' }
  | { type: 'SKIP_PHASE' }
  | { type: 'INJECT_HAZARD'; hazard: string };

/** The team whose turn it is: the first one that has not acted this round. */
export function currentTeam(game: GameState): string | null {
  return teamsToAct(game)[0]?.id ?? null;
}

export function createRoundMachine(scenario: Scenario) {
  return setup({
    types: {
      context: {} as RoundContext,
      input: {} as RoundInput,
      events: {} as RoundEvent,
      output: {} as RoundOutput,
    },
    guards: {
      'every team has acted': ({ context }) => currentTeam(context.game) === null,
      'project is open to the team': ({ context, event }) => {
        if (event.type !== 'CHOOSE_PROJECT') return false;
        const team = currentTeam(context.game);
        if (!team) return false;
        const partners = event.partners ?? [];
        if (partners.length > 0 && !scenario.cards[event.card]?.poolable) return false;
        return cardsOpenTo(context.game, scenario, team).some((c) => c.id === event.card);
      },
      'funding is valid': ({ context, event }) => {
        const team = currentTeam(context.game);
        if (event.type !== 'FUND' || !context.selection || !team) return false;
        return quoteProject(context.game, scenario, {
          type: 'start-project',
          team,
          card: context.selection.card,
          levers: event.levers,
          partners: context.selection.partners,
        }).ok;
      },
      'hazard is in the deck': ({ event }) =>
        event.type === 'INJECT_HAZARD' && scenario.deckHazards.some((h) => h.hazard === event.hazard),
    },
    actions: {
      'select the project': assign({
        selection: ({ event }) =>
          event.type === 'CHOOSE_PROJECT' ? { card: event.card, partners: [...(event.partners ?? [])] } : null,
        refusal: null,
      }),
      'clear the selection': assign({ selection: null, refusal: null }),
      'start the selected project': assign(({ context, event }) => {
        const team = currentTeam(context.game);
        if (event.type !== 'FUND' || !context.selection || !team) return {};
        const game = applyAction(context.game, scenario, {
          type: 'start-project',
          team,
          card: context.selection.card,
          levers: event.levers,
          partners: context.selection.partners,
        });
        return { game, selection: null, refusal: null };
      }),
      'record the refusal': assign(({ context, event }) => {
        const team = currentTeam(context.game);
        if (event.type !== 'FUND' || !context.selection || !team) return {};
        const quote = quoteProject(context.game, scenario, {
          type: 'start-project',
          team,
          card: context.selection.card,
          levers: event.levers,
          partners: context.selection.partners,
        });
        return { refusal: quote.error ?? null };
      }),
      'pass the turn': assign(({ context }) => {
        const team = currentTeam(context.game);
        if (!team) return {};
        return { game: applyAction(context.game, scenario, { type: 'pass', team }), selection: null, refusal: null };
      }),
      'pass every remaining team': assign(({ context }) => {
        let game = context.game;
        for (let team = currentTeam(game); team; team = currentTeam(game)) {
          game = applyAction(game, scenario, { type: 'pass', team });
        }
        return { game, selection: null, refusal: null };
      }),
      'implement projects': assign({ game: ({ context }) => implementProjects(context.game, scenario) }),
      'strike with the hazard': assign(({ context }) => {
        if (context.injectedHazard) {
          return {
            game: applyHazard(context.game, scenario, context.injectedHazard, true),
            hazard: context.injectedHazard,
          };
        }
        const drawn = drawHazard(context.game, scenario);
        return { game: applyHazard(drawn.state, scenario, drawn.hazard), hazard: drawn.hazard };
      }),
      'close the round': assign({ game: ({ context }) => closeRound(context.game, scenario) }),
      'inject the hazard for this round': assign({
        injectedHazard: ({ event }) => (event.type === 'INJECT_HAZARD' ? event.hazard : null),
      }),
      'inject the hazard for the next round': assign({
        nextHazard: ({ event }) => (event.type === 'INJECT_HAZARD' ? event.hazard : null),
      }),
    },
  }).createMachine({
    id: 'round',
    context: ({ input }) => ({
      game: input.game,
      selection: null,
      injectedHazard: input.injectedHazard ?? null,
      nextHazard: null,
      hazard: null,
      refusal: null,
    }),
    initial: 'diagnose',
    on: {
      INJECT_HAZARD: { guard: 'hazard is in the deck', actions: 'inject the hazard for this round' },
    },
    states: {
      diagnose: {
        tags: ['reading'],
        on: { CONTINUE: 'plan', SKIP_PHASE: 'plan' },
      },
      plan: {
        tags: ['can act'],
        always: { guard: 'every team has acted', target: 'implement' },
        on: {
          CHOOSE_PROJECT: { guard: 'project is open to the team', target: 'fund', actions: 'select the project' },
          PASS: { target: 'plan', reenter: true, actions: 'pass the turn' },
          SKIP_PHASE: { target: 'implement', actions: 'pass every remaining team' },
        },
      },
      fund: {
        tags: ['can act'],
        on: {
          FUND: [
            { guard: 'funding is valid', target: 'plan', actions: 'start the selected project' },
            { actions: 'record the refusal' },
          ],
          BACK: { target: 'plan', actions: 'clear the selection' },
          PASS: { target: 'plan', actions: 'pass the turn' },
          SKIP_PHASE: { target: 'implement', actions: 'pass every remaining team' },
        },
      },
      implement: {
        tags: ['reading'],
        entry: 'implement projects',
        on: { CONTINUE: 'shock', SKIP_PHASE: 'shock' },
      },
      shock: {
        tags: ['reading'],
        entry: 'strike with the hazard',
        on: {
          CONTINUE: 'evaluate',
          SKIP_PHASE: 'evaluate',
          INJECT_HAZARD: { guard: 'hazard is in the deck', actions: 'inject the hazard for the next round' },
        },
      },
      evaluate: {
        tags: ['reading'],
        entry: 'close the round',
        on: {
          CONTINUE: 'done',
          SKIP_PHASE: 'done',
          INJECT_HAZARD: { guard: 'hazard is in the deck', actions: 'inject the hazard for the next round' },
        },
      },
      done: { type: 'final' },
    },
    output: ({ context }) => ({ game: context.game, nextHazard: context.nextHazard }),
  });
}

export type RoundMachine = ReturnType<typeof createRoundMachine>;
