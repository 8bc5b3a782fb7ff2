import { playGame, playRecorded, teamNames } from '../../src/engine/autoplay.ts';
import { MAX_ROUNDS, MIN_ROUNDS } from '../../src/engine/game.ts';
import { INDICATOR_MAX } from '../../src/engine/rules.ts';
import { scoreGame } from '../../src/engine/scoring.ts';
import { STRATEGIES } from '../../src/engine/strategies.ts';
import type { Difficulty, GameState, Scenario } from '../../src/engine/types.ts';
import { GAME_FILE_FORMAT, GAME_FILE_VERSION, type GameFile, scenarioHash } from '../../src/storage/game-saves.ts';

export interface SimulationArgs {
  scenario: string;
  runs: number;
  seed: number;
  teams: number;
  difficulty: Difficulty;
  /** Game length; the scenario's when absent. */
  rounds?: number;
  strategies: string[];
  json: boolean;
  /** Where to write the one game played (--runs 1, one --strategy) as a game file. */
  export?: string;
}

export interface StrategyResult {
  winRate: number;
  collapseRate: number;
  meanScore: Record<string, number>;
  meanRounds: number;
  /** Mean over teams of the money left at the end over all the money the team received. */
  unspentBudgetShare: number;
  /** Share of games in which an indicator of a team reached its maximum at some point. */
  saturationRate: number;
  games: number;
}

/** The largest seed a game file holds. */
export const MAX_FILE_SEED = 2 ** 31 - 1;

function integer(name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`--${name} needs a whole number from ${min} to ${max}`);
  }
  return n;
}

/** The seed of game `run` of a simulation: the same for every strategy, so that they meet the same shocks. */
export function gameSeed(seed: number, run: number): number {
  return seed * 1_000_003 + run;
}

export function parseArgs(argv: string[], known: string[]): SimulationArgs {
  const args: SimulationArgs = { scenario: '', runs: 1000, seed: 1, teams: 3, difficulty: 'normal', strategies: [], json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--scenario':
        args.scenario = value ?? '';
        i += 1;
        break;
      case '--runs':
        args.runs = integer('runs', value, 1, 10_000_000);
        i += 1;
        break;
      case '--seed':
        args.seed = integer('seed', value, 0, 2 ** 31 - 1);
        i += 1;
        break;
      case '--teams':
        args.teams = integer('teams', value, 1, 6);
        i += 1;
        break;
      case '--rounds':
        args.rounds = integer('rounds', value, MIN_ROUNDS, MAX_ROUNDS);
        i += 1;
        break;
      case '--difficulty':
        if (value !== 'easy' && value !== 'normal' && value !== 'hard') throw new Error('--difficulty is easy, normal or hard');
        args.difficulty = value;
        i += 1;
        break;
      case '--strategy':
        if (!value || !known.includes(value)) throw new Error(`--strategy is one of: ${known.join(', ')}`);
        args.strategies.push(value);
        i += 1;
        break;
      case '--export':
        if (!value || value.startsWith('--')) throw new Error('--export needs a file name');
        args.export = value;
        i += 1;
        break;
      case '--json':
        args.json = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (!args.scenario) throw new Error('--scenario <id> is required');
  if (args.export !== undefined) {
    if (args.runs !== 1 || args.strategies.length !== 1) {
      throw new Error('--export writes one game: it needs --runs 1 and exactly one --strategy');
    }
    if (gameSeed(args.seed, 0) > MAX_FILE_SEED) {
      throw new Error(
        `--export needs --seed ${Math.floor(MAX_FILE_SEED / gameSeed(1, 0))} or less (the game's seed, seed x 1000003, must fit a game file)`,
      );
    }
  }
  if (args.strategies.length === 0) args.strategies = [...known];
  return args;
}

/** Money left at the end over all the money received (start budget and every income): left + paid for projects. */
function unspentShare(game: GameState, team: string, budget: number): number {
  let paid = 0;
  for (const project of game.projects) paid += project.paid[team] ?? 0;
  const received = budget + paid;
  return received > 0 ? budget / received : 0;
}

/** An indicator of a team at its maximum, at the end of a round or of the game. */
function saturated(game: GameState, scenario: Scenario): boolean {
  return game.teams.some((team) =>
    [...team.trajectory, team.indicators].some((indicators) =>
      scenario.indicatorIds.some((id) => indicators[id] >= INDICATOR_MAX),
    ),
  );
}

export function simulate(scenario: Scenario, args: Omit<SimulationArgs, 'json' | 'scenario'>): Record<string, StrategyResult> {
  const out: Record<string, StrategyResult> = {};
  for (const name of args.strategies) {
    const strategy = STRATEGIES[name];
    if (!strategy) continue;
    let wins = 0;
    let collapses = 0;
    let teamsScored = 0;
    let rounds = 0;
    let unspent = 0;
    let saturatedGames = 0;
    const sums: Record<string, number> = { overall: 0 };
    for (const id of scenario.indicatorIds) sums[id] = 0;
    for (let run = 0; run < args.runs; run += 1) {
      // The same seeds for every strategy: they meet the same shocks.
      const game = playGame(scenario, {
        seed: gameSeed(args.seed, run),
        teams: args.teams,
        difficulty: args.difficulty,
        ...(args.rounds === undefined ? {} : { rounds: args.rounds }),
        strategies: strategy,
      });
      rounds += Math.min(game.round - 1, game.rounds);
      for (const score of scoreGame(game, scenario)) {
        teamsScored += 1;
        if (score.succeeded) wins += 1;
        sums.overall = (sums.overall ?? 0) + score.overall;
        for (const id of scenario.indicatorIds) sums[id] = (sums[id] ?? 0) + score.dimensions[id];
      }
      for (const team of game.teams) unspent += unspentShare(game, team.id, team.budget);
      if (saturated(game, scenario)) saturatedGames += 1;
      collapses += game.teams.filter((t) => t.collapsed).length;
    }
    const round2 = (n: number) => Math.round(n * 10000) / 10000;
    out[name] = {
      winRate: round2(wins / teamsScored),
      collapseRate: round2(collapses / teamsScored),
      meanScore: Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, round2(v / teamsScored)])),
      meanRounds: round2(rounds / args.runs),
      unspentBudgetShare: round2(unspent / teamsScored),
      saturationRate: round2(saturatedGames / args.runs),
      games: args.runs,
    };
  }
  return out;
}

/**
 * The first game of a simulation (run 0, its seed) played by one strategy, as
 * the game file the browser exports: it replays in the kit and in npm run replay.
 */
export function exportGame(scenario: Scenario, args: Omit<SimulationArgs, 'json' | 'scenario'>): string {
  const name = args.strategies[0] ?? '';
  const strategy = STRATEGIES[name];
  if (!strategy) throw new Error(`unknown strategy ${name}`);
  const seed = gameSeed(args.seed, 0);
  const rounds = args.rounds ?? scenario.rounds;
  const played = playRecorded(scenario, {
    seed,
    teams: args.teams,
    difficulty: args.difficulty,
    rounds,
    strategies: strategy,
    record: true,
  });
  const file: GameFile = {
    format: GAME_FILE_FORMAT,
    version: GAME_FILE_VERSION,
    scenario: scenario.id,
    scenarioHash: scenarioHash(scenario),
    options: { seed, teams: teamNames(args.teams), difficulty: args.difficulty, rounds },
    log: played.events,
  };
  return JSON.stringify(file, null, 2);
}
