import { spawn } from 'node:child_process';
import type { GameEvent, GameState, Scenario } from '../../src/engine/types.ts';
import type { GameView } from '../../src/game/session/controller.ts';
import type { LogEntry, SessionOptions } from '../../src/machines/game.ts';
import { loadScenarios } from '../../tools/lib/content.ts';

let cache: Map<string, Scenario> | null = null;

export function scenarios(): Map<string, Scenario> {
  cache ??= loadScenarios();
  return cache;
}

export function scenario(id: string): Scenario {
  const s = scenarios().get(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

export const SCENARIO_IDS = ['market-town-drought', 'forest-commune-wildfire', 'coastal-estuary', 'periurban-brownfield'];

/** Options of a game as the scenario machine takes them. */
export function sessionOptions(teams: number, seed = 1, rounds = 7): SessionOptions {
  return { seed, teams: Array.from({ length: teams }, (_, i) => `Team ${i + 1}`), difficulty: 'normal', rounds };
}

export const start = (team: string, card: string, levers: string[] = [], partners?: string[]) =>
  ({ type: 'start-project', team, card, levers, ...(partners ? { partners } : {}) }) as Extract<
    GameEvent,
    { type: 'start-project' }
  >;

export const pass = (team: string) => ({ type: 'pass', team }) as const;

/** A view of a game in play, as the controller gives it: no card chosen, the clock off unless `remainingSeconds` is given. */
export function playingView(game: GameState, log: LogEntry[] = [], remainingSeconds = 0): GameView {
  return {
    status: 'playing',
    paused: false,
    phase: game.phase,
    game,
    round: { selection: null, refusal: null, levers: [], pendingHazard: null },
    timer: {
      enabled: remainingSeconds > 0,
      limitSeconds: remainingSeconds > 0 ? 120 : 0,
      remainingSeconds,
      forceOnExpiry: false,
    },
    facilitator: false,
    log,
  };
}

/** The two levers that pay money to a card on its own: the solidarity territory contract and the call for projects. */
export const MONEY = ['solidarity-territory-contract', 'call-for-projects'];
export const CONTINUE: GameEvent = { type: 'continue' };

/** A game with every team's budget set, for rules that depend on money. */
export function withBudget(state: GameState, budget: number): GameState {
  return { ...state, teams: state.teams.map((t) => ({ ...t, budget })) };
}

/** The reason applyEvent gives for refusing an event (and checkEvent agrees); null when it is accepted. */
export { refusalOf } from '../mutation/fixture.ts';

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs one of the command-line tools as a child process, as a user would. */
export function runTool(script: string, ...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.once('error', fail);
    child.once('close', (code) => done({ code, out, err }));
  });
}

const FUEL: GameEvent = { type: 'inject-hazard', hazard: 'fuel-price-spike' };

/**
 * periurban-brownfield, two teams: three injected fuel price spikes bring team-1's move to 10 (see
 * flow.test.ts), team-2's solidarity-garage keeps it at 18. Ends in round 3's evaluation.
 */
export function fuelToCollapse(): GameEvent[] {
  const round: GameEvent[] = [CONTINUE, FUEL, CONTINUE, { type: 'skip-phase' }, CONTINUE, CONTINUE];
  return [
    FUEL,
    CONTINUE,
    pass('team-1'),
    start('team-2', 'solidarity-garage'),
    pass('team-2'),
    CONTINUE,
    CONTINUE,
    ...round,
    ...round,
  ];
}
