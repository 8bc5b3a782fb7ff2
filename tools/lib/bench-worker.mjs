// Worker thread for npm run bench: plays (or replays) games with the production build of the engine.
import { parentPort, workerData } from 'node:worker_threads';

const { bundle, scenario, strategy, games, seed, teams, replayOnly } = workerData;
const engine = await import(bundle);
const played = engine.loadScenarios().get(scenario);
let run;
if (replayOnly) {
  const recorded = engine.recordGames(played, strategy, games, seed, teams);
  engine.replayGames(played, recorded); // warm-up so the JIT has settled
  run = () => engine.replayGames(played, recorded);
} else {
  engine.engineGames(played, strategy, 1000, 1, teams); // warm-up
  run = () => engine.engineGames(played, strategy, games, seed, teams);
}
const start = performance.now();
run();
parentPort.postMessage(performance.now() - start);
