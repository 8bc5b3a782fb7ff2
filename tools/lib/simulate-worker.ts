/** A worker of npm run simulate: plays the stretches of games it is sent and answers their tallies. */
import { parentPort } from 'node:worker_threads';
import { loadScenarios } from './content.ts';
import { type SimulationArgs, tally } from './simulation.ts';

export interface SimulationJob {
  scenario: string;
  args: Omit<SimulationArgs, 'json' | 'scenario'>;
  strategy: string;
  from: number;
  to: number;
}

const scenarios = loadScenarios();
parentPort?.on('message', (job: SimulationJob) => {
  const scenario = scenarios.get(job.scenario);
  if (!scenario) throw new Error(`unknown scenario ${job.scenario}`);
  parentPort?.postMessage(tally(scenario, job.args, job.strategy, job.from, job.to));
});
