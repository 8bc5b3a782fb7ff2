/**
 * npm run simulate -- --scenario <id> --runs <n> --seed <s> [--strategy <name>...] [--teams <n>]
 *   [--rounds <n>] [--difficulty easy|normal|hard] [--json] [--export <file>]
 * Plays n seeded games per strategy (every team plays that strategy) and prints
 * the win rate, the mean final score per dimension and the mean number of rounds.
 * With --runs 1 and one --strategy, --export writes that game as the game file
 * the browser exports (npm run replay and the kit's import read it).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { STRATEGIES } from '../src/bots/strategies.ts';
import { loadScenarios } from './lib/content.ts';
import { bundleSimulationWorker } from './lib/simulate-bundle.ts';
import { exportGame, parseArgs, simulateOnCores, usesWorkers } from './lib/simulation.ts';

try {
  const args = parseArgs(process.argv.slice(2), Object.keys(STRATEGIES));
  const scenarios = loadScenarios();
  const scenario = scenarios.get(args.scenario);
  if (!scenario) {
    throw new Error(`unknown scenario "${args.scenario}" (known: ${[...scenarios.keys()].join(', ')})`);
  }
  // The bundling is timed too: it is part of what a run costs.
  const started = performance.now();
  const cores = availableParallelism();
  const bundle = usesWorkers(args, cores) ? await bundleSimulationWorker() : null;
  let strategies: Awaited<ReturnType<typeof simulateOnCores>>;
  try {
    strategies = await simulateOnCores(scenario, args, cores, bundle?.url);
  } finally {
    bundle?.dispose();
  }
  const elapsedMs = Math.round(performance.now() - started);
  if (args.export !== undefined) {
    const text = exportGame(scenario, args);
    try {
      writeFileSync(args.export, text);
    } catch (error) {
      throw new Error(`cannot write ${args.export} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (args.json) {
    const games = args.runs * Object.keys(strategies).length;
    console.log(
      JSON.stringify(
        { scenario: scenario.id, runs: args.runs, seed: args.seed, teams: args.teams, games, elapsedMs, strategies },
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
        'unspent'.padStart(8),
        'sat. %'.padStart(7),
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
          r.unspentBudgetShare.toFixed(2).padStart(8),
          (r.saturationRate * 100).toFixed(1).padStart(7),
        ].join(' '),
      );
    }
    if (args.export !== undefined) console.log(`game written to ${args.export}`);
  }
} catch (error) {
  console.error(`simulate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
