/**
 * Shared openings: a bot whose moves depend on the state alone plays the same
 * moves in every game until the shocks differ, and a game's only chance is the
 * shock drawn each round. So the simulator keeps, by the shocks drawn so far,
 * the state each sequence of shocks leads to (where the next shock is drawn):
 * a game that drew the shocks of an earlier game takes that state, with its
 * own seed and RNG, instead of replaying the same rounds through the rules.
 * Over 10,000 seeded games, 8 in 10 or more drew the same first three shocks
 * as an earlier game. The states are the engine's (applyEvent), never worked out
 * another way: a game plays to the very state it would reach on its own.
 */
import { botEvent, teamNames } from '../../src/bots/autoplay.ts';
import type { Random, Strategy } from '../../src/bots/strategies.ts';
import { evolve } from '../../src/engine/clone.ts';
import { applyEvent } from '../../src/engine/flow.ts';
import { createGame } from '../../src/engine/game.ts';
import { drawHazard } from '../../src/engine/round.ts';
import type { Difficulty, GameState, Scenario } from '../../src/engine/types.ts';

export interface OpeningOptions {
  teams: number;
  difficulty: Difficulty;
  rounds?: number;
}

/** A state where a shock is about to be drawn (or the end), and where each shock drawn there leads. */
interface Opening {
  state: GameState;
  next: Map<string, Opening>;
}

/** Openings kept at most (a state is about 7 KB): 10,000 seven-round games keep about 6,800. */
const MAX_OPENINGS = 10_000;

/** A strategy said to read the state alone is handed this: a draw from it is a mistake to hear of, not a wrong figure. */
const noRandom: Random = () => {
  throw new Error('a strategy that reads the state alone drew a random number');
};

export class SharedOpenings {
  private root: Opening | null = null;
  private kept = 0;
  /** Kept states games took instead of playing (the first round counts): what the sharing saved. */
  reused = 0;
  /**
   * How many shocks deep openings are kept: past the fourth of seven, 10,000
   * games share too few rounds to be worth their memory.
   */
  private readonly depth: number;
  private readonly names: string[];
  private readonly strategyOf = (): Strategy => this.strategy;

  constructor(
    private readonly scenario: Scenario,
    private readonly strategy: Strategy,
    private readonly options: OpeningOptions,
  ) {
    this.depth = Math.max(1, (options.rounds ?? scenario.rounds) - 3);
    this.names = teamNames(options.teams);
  }

  /** The game of this seed, played to its end. */
  play(seed: number): GameState {
    const start = createGame(this.scenario, {
      seed,
      teams: this.names,
      difficulty: this.options.difficulty,
      ...(this.options.rounds === undefined ? {} : { rounds: this.options.rounds }),
    });
    if (this.root) this.reused += 1;
    else this.root = { state: this.toNextDraw(start), next: new Map() };
    let opening: Opening | null = this.root;
    let state = reseeded(this.root.state, seed, start.rng);
    for (let round = 1; !state.over; round += 1) {
      const drawn = drawHazard(state, this.scenario);
      const known: Opening | undefined = opening?.next.get(drawn.hazard);
      if (known) {
        this.reused += 1;
        opening = known;
        state = reseeded(known.state, seed, drawn.state.rng);
        continue;
      }
      state = this.toNextDraw(state);
      if (opening && round <= this.depth && this.kept < MAX_OPENINGS) {
        const reached: Opening = { state, next: new Map() };
        opening.next.set(drawn.hazard, reached);
        this.kept += 1;
        opening = reached;
      } else opening = null;
    }
    return state;
  }

  /** Plays from this state to the next draw of a shock (the implement phase's end), or to the end of the game. */
  private toNextDraw(from: GameState): GameState {
    let state = from;
    do {
      if (state.pendingHazard !== null || state.plannedHazards.length > 0) {
        throw new Error('shared openings are for games whose shocks are all drawn');
      }
      state = applyEvent(state, this.scenario, botEvent(state, this.scenario, this.strategyOf, noRandom));
    } while (!state.over && state.phase !== 'implement');
    return state;
  }
}

/** A kept state as this game's: the same but for its seed and where its RNG stands. */
function reseeded(state: GameState, seed: number, rng: number): GameState {
  return state.seed === seed && state.rng === rng ? state : evolve(state, { seed, rng });
}
