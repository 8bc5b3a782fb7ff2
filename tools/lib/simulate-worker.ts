/**
 * A worker of npm run simulate: plays the stretches of games it is sent and
 * answers their tallies. Its scenario comes resolved and checked from the main
 * thread (workerData), so the worker loads no content nor its validation.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../src/engine/types.ts';
import { type TallyArgs, tally } from './tally.ts';

export interface SimulationJob {
  args: TallyArgs;
  strategy: string;
  from: number;
  to: number;
}

const scenario = workerData as Scenario;
parentPort?.on('message', (job: SimulationJob) => {
  parentPort?.postMessage(tally(scenario, job.args, job.strategy, job.from, job.to));
});
