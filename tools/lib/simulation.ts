import { playGame } from '../../src/engine/autoplay.ts';
import { scoreGame } from '../../src/engine/scoring.ts';
import { STRATEGIES } from '../../src/engine/strategies.ts';
import type { Difficulty, Scenario } from '../../src/engine/types.ts';

export interface SimulationArgs {
  scenario: string;
  runs: number;
  seed: number;
  teams: number;
  difficulty: Difficulty;
  strategies: string[];
  json: boolean;
}

export interface StrategyResult {
  winRate: number;
  collapseRate: number;
  meanScore: Record<string, number>;
  meanRounds: number;
  games: number;
}

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
      case '--json':
        args.json = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if (!args.scenario) throw new Error('--scenario <id> is required');
  if (args.strategies.length === 0) args.strategies = [...known];
  return args;
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
    const sums: Record<string, number> = { overall: 0 };
    for (const id of scenario.indicatorIds) sums[id] = 0;
    for (let run = 0; run < args.runs; run += 1) {
      // The same seeds for every strategy: they meet the same shocks.
      const game = playGame(scenario, {
        seed: args.seed * 1_000_003 + run,
        teams: args.teams,
        difficulty: args.difficulty,
        strategies: strategy,
      });
      rounds += Math.min(game.round - 1, game.rounds);
      for (const score of scoreGame(game, scenario)) {
        teamsScored += 1;
        if (score.succeeded) wins += 1;
        sums.overall = (sums.overall ?? 0) + score.overall;
        for (const id of scenario.indicatorIds) sums[id] = (sums[id] ?? 0) + score.dimensions[id];
      }
      collapses += game.teams.filter((t) => t.collapsed).length;
    }
    const round2 = (n: number) => Math.round(n * 10000) / 10000;
    out[name] = {
      winRate: round2(wins / teamsScored),
      collapseRate: round2(collapses / teamsScored),
      meanScore: Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, round2(v / teamsScored)])),
      meanRounds: round2(rounds / args.runs),
      games: args.runs,
    };
  }
  return out;
}
