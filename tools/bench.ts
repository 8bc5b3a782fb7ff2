/**
 * npm run bench: games per second for the pure engine (one core, then every
 * core with worker threads) and for the scenario machine (XState) fed recorded games.
 * The engine is timed as the kit ships it: bundled by Vite, as in the browser.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bundleForNode } from './lib/simulate-bundle.ts';

const SCENARIO = 'periurban-brownfield';
const TEAMS = 3;

type EngineBench = typeof import('./lib/engine-bench.ts');

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function inWorkers(bundle: string, strategy: string, games: number, cores: number, replayOnly = false): Promise<number[]> {
  return Promise.all(
    Array.from(
      { length: cores },
      (_, w) =>
        new Promise<number>((done, fail) => {
          const worker = new Worker(new URL('./lib/bench-worker.mjs', import.meta.url), {
            workerData: { bundle, scenario: SCENARIO, strategy, games, seed: 100_000 * (w + 1), teams: TEAMS, replayOnly },
          });
          worker.once('message', done);
          worker.once('error', fail);
        }),
    ),
  );
}

const bundled = await bundleForNode('tools/lib/engine-bench.ts');
process.once('exit', bundled.dispose);
const bundle = bundled.url.href;
const engine = (await import(bundle)) as EngineBench;
const scenario = engine.loadScenarios().get(SCENARIO);
if (!scenario) throw new Error(`no scenario ${SCENARIO}`);
const cores = availableParallelism();
console.log(`Engine: scenario ${SCENARIO}, ${TEAMS} teams, ${scenario.rounds} rounds; Node ${process.version}; ${cores} cores\n`);

const rows: string[][] = [['what is timed', 'players', 'games', 'ms', 'games/s']];
const add = (what: string, who: string, games: number, ms: number) =>
  rows.push([what, who, String(games), ms.toFixed(0), Math.round((games / ms) * 1000).toLocaleString('en')]);

// The rules alone: replaying recorded games (no decision-making).
const recorded = engine.recordGames(scenario, 'random', 3000, 1000, TEAMS);
engine.replayGames(scenario, recorded); // warm-up so the JIT has settled
add(
  'rules only (replay of logs), 1 core',
  'random log',
  recorded.length,
  timed(() => engine.replayGames(scenario, recorded)),
);

for (const strategy of ['random', 'greedy', 'hazard-aware', 'cooperative', 'table', 'table-solo']) {
  engine.engineGames(scenario, strategy, 1000, 1, TEAMS); // warm-up
  add(
    'engine + bots, 1 core',
    strategy,
    2000,
    timed(() => engine.engineGames(scenario, strategy, 2000, 1000, TEAMS)),
  );
}

for (const strategy of ['cooperative', 'table']) {
  // Fresh openings each time: the first games of a simulation share little, its later games much.
  engine.sharedOpeningGames(scenario, strategy, 1000, 1, TEAMS); // warm-up
  add(
    'simulator (shared openings), 1 core',
    strategy,
    5000,
    timed(() => engine.sharedOpeningGames(scenario, strategy, 5000, 1000, TEAMS)),
  );
}

{
  const perWorker = 4000;
  const times = await inWorkers(bundle, 'random', perWorker, cores, true);
  add(`rules only (replay of logs), ${cores} cores`, 'random log', perWorker * cores, Math.max(...times));
}
for (const strategy of ['random', 'cooperative', 'table']) {
  const perWorker = 4000;
  // Each worker times its own games; the figure is the total over the slowest worker's time.
  const times = await inWorkers(bundle, strategy, perWorker, cores);
  add(`engine + bots, ${cores} cores (workers)`, strategy, perWorker * cores, Math.max(...times));
}

{
  // The scenario machine fed the logs of recorded bot games: as an actor (play in the browser), then by
  // XState's pure transition (resume and import of a game file).
  const logs = engine.recordGames(scenario, 'cooperative', 400, 500, TEAMS);
  engine.machineGames(scenario, logs.slice(0, 30)); // warm-up
  add(
    'XState scenario machine (actor), 1 core',
    'cooperative log',
    logs.length,
    timed(() => engine.machineGames(scenario, logs)),
  );
  engine.machineReplays(scenario, logs.slice(0, 30)); // warm-up
  add(
    'game file replay (replayLog), 1 core',
    'cooperative log',
    logs.length,
    timed(() => engine.machineReplays(scenario, logs)),
  );
}

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
