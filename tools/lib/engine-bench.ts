/** Engine and machine throughput, measured in-process (one core) or in workers (all cores). */
import { createActor } from 'xstate';
import { playGame, playRecorded, teamNames } from '../../src/bots/autoplay.ts';
import { STRATEGIES } from '../../src/bots/strategies.ts';
import { replay } from '../../src/engine/replay.ts';
import type { GameEvent, Scenario } from '../../src/engine/types.ts';
import type { SessionOptions } from '../../src/machines/game.ts';
import { replayLog, sessionMachineFor } from '../../src/machines/replay.ts';
import { SharedOpenings } from './openings.ts';

export function engineGames(scenario: Scenario, strategy: string, games: number, seed: number, teams = 3): number {
  const bot = STRATEGIES[strategy];
  if (!bot) throw new Error(`unknown strategy ${strategy}`);
  let checksum = 0;
  for (let i = 0; i < games; i += 1) {
    checksum += playGame(scenario, { seed: seed + i, teams, strategies: bot }).teams[0]?.budget ?? 0;
  }
  return checksum;
}

/** The same games as engineGames, as npm run simulate plays them: sharing the openings of games that drew the same shocks. */
export function sharedOpeningGames(scenario: Scenario, strategy: string, games: number, seed: number, teams = 3): number {
  const bot = STRATEGIES[strategy];
  if (!bot) throw new Error(`unknown strategy ${strategy}`);
  const openings = new SharedOpenings(scenario, bot, { teams, difficulty: 'normal' });
  let checksum = 0;
  for (let i = 0; i < games; i += 1) checksum += openings.play(seed + i).teams[0]?.budget ?? 0;
  return checksum;
}

export interface RecordedGame {
  options: SessionOptions;
  log: GameEvent[];
}

/** Records games played by a bot: their logs time the rules alone, and the scenario machine. */
export function recordGames(scenario: Scenario, strategy: string, games: number, seed: number, teams = 3): RecordedGame[] {
  const bot = STRATEGIES[strategy];
  if (!bot) throw new Error(`unknown strategy ${strategy}`);
  return Array.from({ length: games }, (_, i) => ({
    options: { seed: seed + i, teams: teamNames(teams), difficulty: 'normal', rounds: scenario.rounds },
    log: playRecorded(scenario, { seed: seed + i, teams, strategies: bot, record: true }).events,
  }));
}

/** The rules alone: each log folded through the engine. */
export function replayGames(scenario: Scenario, recorded: readonly RecordedGame[]): number {
  let checksum = 0;
  for (const game of recorded) checksum += replay(scenario, game.options, game.log).round;
  return checksum;
}

/** The scenario machine as the browser runs it: an actor per game, sent each event of the log. */
export function machineGames(scenario: Scenario, recorded: readonly RecordedGame[]): number {
  const machine = sessionMachineFor(scenario);
  let checksum = 0;
  for (const game of recorded) {
    const actor = createActor(machine, { input: { options: game.options } }).start();
    for (const event of game.log) actor.send(event);
    const snapshot = actor.getSnapshot();
    if (snapshot.context.log.length !== game.log.length) throw new Error('the scenario machine refused a recorded event');
    checksum += snapshot.context.game.round;
    actor.stop();
  }
  return checksum;
}

/** A game file's replay, as on resume and import: the log through the machine's pure transition. */
export function machineReplays(scenario: Scenario, recorded: readonly RecordedGame[]): number {
  let checksum = 0;
  for (const game of recorded) {
    const result = replayLog(scenario, game.options, game.log);
    if (!result.ok) throw new Error(`replayLog refused event ${result.index + 1}: ${result.reason}`);
    checksum += result.snapshot.context.game.round;
  }
  return checksum;
}

export { loadScenarios } from './content.ts';
