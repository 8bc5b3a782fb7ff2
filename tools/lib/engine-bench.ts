/** Engine and machine throughput, measured in-process (one core) or in workers (all cores). */
import { type AnyActorRef, createActor } from 'xstate';
import { botRandom, playGame } from '../../src/engine/autoplay.ts';
import { replay } from '../../src/engine/replay.ts';
import { STRATEGIES } from '../../src/engine/strategies.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { currentTeam } from '../../src/machines/round.ts';
import { createSessionMachine } from '../../src/machines/session.ts';

export function engineGames(scenario: Scenario, strategy: string, games: number, seed: number, teams = 3): number {
  const bot = STRATEGIES[strategy];
  if (!bot) throw new Error(`unknown strategy ${strategy}`);
  let checksum = 0;
  for (let i = 0; i < games; i += 1) {
    checksum += playGame(scenario, { seed: seed + i, teams, strategies: bot }).teams[0]?.budget ?? 0;
  }
  return checksum;
}

/** Plays whole sessions through the XState machines, as the browser does, with a bot choosing. */
export function machineGames(scenario: Scenario, games: number, seed: number, teams = 3): number {
  const machine = createSessionMachine(scenario);
  const bot = STRATEGIES.cooperative;
  if (!bot) throw new Error('no cooperative strategy');
  let checksum = 0;
  for (let i = 0; i < games; i += 1) {
    const actor = createActor(machine, { input: {} }).start();
    const random = botRandom(seed + i);
    actor.send({ type: 'START', teams: Array.from({ length: teams }, (_, t) => `T${t + 1}`), seed: seed + i });
    while (actor.getSnapshot().value !== 'debrief') {
      const round = actor.getSnapshot().children.round as AnyActorRef | undefined;
      if (!round) break;
      const rs = round.getSnapshot() as { value: string; context: { game: Parameters<typeof currentTeam>[0] } };
      if (rs.value === 'plan') {
        const action = bot(rs.context.game, scenario, currentTeam(rs.context.game) as string, random);
        if (action.type === 'pass') actor.send({ type: 'PASS' });
        else {
          actor.send({ type: 'CHOOSE_PROJECT', card: action.card, partners: action.partners ?? [] });
          actor.send({ type: 'FUND', levers: action.levers });
        }
      } else actor.send({ type: 'CONTINUE' });
    }
    checksum += actor.getSnapshot().context.game?.round ?? 0;
    actor.stop();
  }
  return checksum;
}

/** Records games played by a bot, to time the rules alone by replaying their logs. */
export function recordGames(scenario: Scenario, strategy: string, games: number, seed: number, teams = 3) {
  const bot = STRATEGIES[strategy];
  if (!bot) throw new Error(`unknown strategy ${strategy}`);
  return Array.from({ length: games }, (_, i) => ({
    options: { seed: seed + i, teams: Array.from({ length: teams }, (_, t) => `Team ${t + 1}`) },
    log: playGame(scenario, { seed: seed + i, teams, strategies: bot }).log,
  }));
}

export function replayGames(scenario: Scenario, recorded: ReturnType<typeof recordGames>): number {
  let checksum = 0;
  for (const game of recorded) checksum += replay(scenario, game.options, game.log).round;
  return checksum;
}

export { loadScenarios } from './content.ts';
