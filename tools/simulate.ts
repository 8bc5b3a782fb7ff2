/**
 * npm run simulate -- --scenario <id> --runs <n> --seed <s> [--strategy <name>...] [--teams <n>] [--json]
 * Plays n seeded games per strategy (every team plays that strategy) and prints
 * the win rate, the mean final score per dimension and the mean number of rounds.
 */
import { STRATEGIES } from '../src/engine/strategies.ts';
import { loadScenarios } from './lib/content.ts';
import { parseArgs, simulate } from './lib/simulation.ts';

try {
  const args = parseArgs(process.argv.slice(2), Object.keys(STRATEGIES));
  const scenarios = loadScenarios();
  const scenario = scenarios.get(args.scenario);
  if (!scenario) {
    throw new Error(`unknown scenario "${args.scenario}" (known: ${[...scenarios.keys()].join(', ')})`);
  }
  const started = performance.now();
  const strategies = simulate(scenario, args);
  const elapsedMs = Math.round(performance.now() - started);
  if (args.json) {
    console.log(
      JSON.stringify(
        { scenario: scenario.id, runs: args.runs, seed: args.seed, teams: args.teams, strategies, elapsedMs },
        null,
        2,
      ),
    );
  } else {
    const dims = scenario.indicatorIds;
    console.log(`${scenario.id}: ${args.runs} games per strategy, seed ${args.seed}, ${args.teams} team(s), ${elapsedMs} ms`);
    console.log(
      [
        'strategy'.padEnd(13),
        'win %'.padStart(6),
        'overall'.padStart(8),
        ...dims.map((d) => d.slice(0, 6).padStart(7)),
        'rounds'.padStart(7),
      ].join(' '),
    );
    for (const [name, r] of Object.entries(strategies)) {
      console.log(
        [
          name.padEnd(13),
          (r.winRate * 100).toFixed(1).padStart(6),
          (r.meanScore.overall ?? 0).toFixed(1).padStart(8),
          ...dims.map((d) => (r.meanScore[d] ?? 0).toFixed(1).padStart(7)),
          r.meanRounds.toFixed(2).padStart(7),
        ].join(' '),
      );
    }
  }
} catch (error) {
  console.error(`simulate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
