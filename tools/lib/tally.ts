/**
 * The games of a simulation and their raw counts: what the workers of npm run
 * simulate run, apart from the command line and the game files (and so from
 * their parsing and validation code, which a worker need not load).
 */
import { playGame } from '../../src/bots/autoplay.ts';
import { STATE_ONLY, STRATEGIES, type Strategy } from '../../src/bots/strategies.ts';
import { INDICATOR_MAX } from '../../src/engine/rules.ts';
import { scoreGame } from '../../src/engine/scoring.ts';
import type { Difficulty, GameState, Indicators, Scenario } from '../../src/engine/types.ts';
import { SharedOpenings } from './openings.ts';

/** How a simulation plays its games. */
export interface TallyArgs {
  runs: number;
  seed: number;
  teams: number;
  difficulty: Difficulty;
  /** Game length; the scenario's when absent. */
  rounds?: number;
  strategies: string[];
}

/** The seed of game `run` of a simulation: the same for every strategy, so that they meet the same shocks. */
export function gameSeed(seed: number, run: number): number {
  return seed * 1_000_003 + run;
}

/** An indicator of a team at its maximum, at the end of a round or of the game. */
function saturated(game: GameState, scenario: Scenario): boolean {
  const ids = scenario.indicatorIds;
  const atMax = (indicators: Indicators) => {
    for (const id of ids) if (indicators[id] >= INDICATOR_MAX) return true;
    return false;
  };
  for (const team of game.teams) {
    if (atMax(team.indicators)) return true;
    for (const indicators of team.trajectory) if (atMax(indicators)) return true;
  }
  return false;
}

/** Raw counts of a stretch of games of one strategy: stretches add up, so workers can share a simulation. */
export interface Tally {
  wins: number;
  collapses: number;
  teamsScored: number;
  rounds: number;
  unspent: number;
  saturatedGames: number;
  games: number;
  sums: Record<string, number>;
}

export function tally(scenario: Scenario, args: TallyArgs, name: string, fromRun: number, toRun: number): Tally {
  const strategy = STRATEGIES[name];
  if (!strategy) throw new Error(`unknown strategy ${name}`);
  const out: Tally = {
    wins: 0,
    collapses: 0,
    teamsScored: 0,
    rounds: 0,
    unspent: 0,
    saturatedGames: 0,
    games: 0,
    sums: { overall: 0 },
  };
  for (const id of scenario.indicatorIds) out.sums[id] = 0;
  const openings = STATE_ONLY.has(name) ? sharedOpenings(scenario, args, name, strategy) : null;
  for (let run = fromRun; run < toRun; run += 1) {
    // The same seeds for every strategy: they meet the same shocks.
    const seed = gameSeed(args.seed, run);
    const game = openings
      ? openings.play(seed)
      : playGame(scenario, {
          seed,
          teams: args.teams,
          difficulty: args.difficulty,
          ...(args.rounds === undefined ? {} : { rounds: args.rounds }),
          strategies: strategy,
        });
    out.games += 1;
    out.rounds += Math.min(game.round - 1, game.rounds);
    for (const score of scoreGame(game, scenario)) {
      out.teamsScored += 1;
      if (score.succeeded) out.wins += 1;
      out.sums.overall = (out.sums.overall ?? 0) + score.overall;
      for (const id of scenario.indicatorIds) out.sums[id] = (out.sums[id] ?? 0) + score.dimensions[id];
    }
    for (const team of game.teams) out.unspent += team.received > 0 ? team.budget / team.received : 0;
    if (saturated(game, scenario)) out.saturatedGames += 1;
    out.collapses += game.teams.filter((t) => t.collapsed).length;
  }
  return out;
}

/**
 * The openings of the strategy being tallied: a worker is sent one strategy's
 * stretches after another's, so it keeps one strategy's openings at a time.
 */
let openings: { key: string; scenario: Scenario; shared: SharedOpenings } | null = null;

function sharedOpenings(scenario: Scenario, args: TallyArgs, name: string, strategy: Strategy): SharedOpenings {
  const key = JSON.stringify([name, args.teams, args.difficulty, args.rounds ?? null]);
  if (openings?.key !== key || openings.scenario !== scenario) {
    openings = { key, scenario, shared: new SharedOpenings(scenario, strategy, args) };
  }
  return openings.shared;
}

export function addTallies(a: Tally, b: Tally): Tally {
  const sums: Record<string, number> = { ...a.sums };
  for (const [k, v] of Object.entries(b.sums)) sums[k] = (sums[k] ?? 0) + v;
  return {
    wins: a.wins + b.wins,
    collapses: a.collapses + b.collapses,
    teamsScored: a.teamsScored + b.teamsScored,
    rounds: a.rounds + b.rounds,
    unspent: a.unspent + b.unspent,
    saturatedGames: a.saturatedGames + b.saturatedGames,
    games: a.games + b.games,
    sums,
  };
}
