import { Worker } from 'node:worker_threads';
import { playRecorded, teamNames } from '../../src/bots/autoplay.ts';
import { STRATEGIES } from '../../src/bots/strategies.ts';
import { MAX_ROUNDS, MIN_ROUNDS } from '../../src/engine/game.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { GAME_FILE_FORMAT, GAME_FILE_VERSION, type GameFile, scenarioHash } from '../../src/game/session/game-saves.ts';
import type { SimulationJob } from './simulate-worker.ts';
import { addTallies, gameSeed, type Tally, type TallyArgs, tally } from './tally.ts';

export { gameSeed, type Tally, tally } from './tally.ts';

export interface SimulationArgs extends TallyArgs {
  scenario: string;
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

export function result(t: Tally): StrategyResult {
  const round4 = (n: number) => Math.round(n * 10000) / 10000;
  return {
    winRate: round4(t.wins / t.teamsScored),
    collapseRate: round4(t.collapses / t.teamsScored),
    meanScore: Object.fromEntries(Object.entries(t.sums).map(([k, v]) => [k, round4(v / t.teamsScored)])),
    meanRounds: round4(t.rounds / t.games),
    unspentBudgetShare: round4(t.unspent / t.teamsScored),
    saturationRate: round4(t.saturatedGames / t.games),
    games: t.games,
  };
}

/**
 * Games are tallied in stretches of this many runs, added in order, whether one
 * core plays them all or workers share them: the sums (and so every figure, to
 * the last decimal) do not depend on the machine's cores.
 */
export const STRETCH = 250;

function stretches(args: TallyArgs): SimulationJobRange[] {
  const out: SimulationJobRange[] = [];
  for (const strategy of args.strategies) {
    for (let from = 0; from < args.runs; from += STRETCH) out.push({ strategy, from, to: Math.min(args.runs, from + STRETCH) });
  }
  return out;
}

function results(ranges: SimulationJobRange[], tallies: Tally[], strategies: string[]): Record<string, StrategyResult> {
  const out: Record<string, StrategyResult> = {};
  for (const strategy of strategies) {
    let sum: Tally | null = null;
    ranges.forEach((range, i) => {
      if (range.strategy === strategy) sum = sum ? addTallies(sum, tallies[i] as Tally) : (tallies[i] as Tally);
    });
    if (sum) out[strategy] = result(sum);
  }
  return out;
}

interface SimulationJobRange {
  strategy: string;
  from: number;
  to: number;
}

/** One process, one core: what the tests call. */
export function simulate(scenario: Scenario, args: TallyArgs): Record<string, StrategyResult> {
  const ranges = stretches(args).filter((r) => STRATEGIES[r.strategy]);
  const tallies = ranges.map((r) => tally(scenario, args, r.strategy, r.from, r.to));
  return results(ranges, tallies, args.strategies);
}

/**
 * The first game of a simulation (run 0, its seed) played by one strategy, as
 * the game file the browser exports: it replays in the kit and in npm run replay.
 */
export function exportGame(scenario: Scenario, args: TallyArgs): string {
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

/** Whether simulateOnCores starts workers: a few games are played sooner on the main thread. */
export function usesWorkers(args: TallyArgs, cores: number): boolean {
  return cores > 1 && args.runs * args.strategies.length >= 200;
}

/**
 * Every core of the machine: workers play the stretches, which add up in the
 * same order as on one core. `worker` is the worker's script: the bundled one
 * (simulate-bundle.ts) for speed, else the TypeScript one through tsx.
 */
export async function simulateOnCores(
  scenario: Scenario,
  args: TallyArgs,
  cores: number,
  worker: URL = new URL('./simulate-worker.mjs', import.meta.url),
): Promise<Record<string, StrategyResult>> {
  if (!usesWorkers(args, cores)) return simulate(scenario, args);
  const ranges = stretches(args).filter((r) => STRATEGIES[r.strategy]);
  const jobs: SimulationJob[] = ranges.map((r) => ({ args, ...r }));
  const tallies: Tally[] = new Array(jobs.length);
  // Jobs come one strategy after another. Half the workers take them from the
  // front, half from the back: a worker then plays most of a strategy's games
  // and shares more of their openings (openings.ts); the figures do not change.
  let front = 0;
  let back = jobs.length - 1;
  const workers = Array.from({ length: Math.min(cores, jobs.length) }, () => new Worker(worker, { workerData: scenario }));
  try {
    await Promise.all(
      workers.map(
        (worker, w) =>
          new Promise<void>((done, fail) => {
            let current = -1;
            const give = () => {
              if (front > back) return done();
              if (w % 2 === 0) {
                current = front;
                front += 1;
              } else {
                current = back;
                back -= 1;
              }
              worker.postMessage(jobs[current]);
            };
            worker.on('message', (t: Tally) => {
              tallies[current] = t;
              give();
            });
            worker.once('error', fail);
            give();
          }),
      ),
    );
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return results(ranges, tallies, args.strategies);
}
