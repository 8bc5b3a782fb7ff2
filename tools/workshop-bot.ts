/**
 * npm run workshop:bot -- --url <http-url> --code <code> --seat <n> [--strategy <name>] [--seed <s>]
 * Takes free seat n of a running workshop session and plays it with a strategy
 * bot whenever it is its team's turn, one line per move; exits 0 when the game
 * is over, 1 with one line on a bad argument, an unreachable server, an
 * unknown code, a taken seat, or a connection lost for good.
 */
import { STRATEGIES } from '../src/bots/strategies.ts';
import type { LogEntry } from '../src/machines/game.ts';
import { BotPlayer, type Move, seatDecide, seatFallback } from './lib/bot-player.ts';
import { loadScenarios } from './lib/content.ts';
import { parseBotArgs } from './lib/workshop-args.ts';
import { JoinError, WorkshopClient } from './lib/workshop-client.ts';

const JOIN_REFUSALS: Record<string, (code: string, seat: number) => string> = {
  'unknown-code': (code) => `no session has the code ${code}`,
  'seat-taken': (_code, seat) => `seat ${seat} is taken`,
  'no-such-seat': (_code, seat) => `the session has no seat ${seat}`,
};

function summary(entry: LogEntry): string {
  const { type, ...rest } = entry as { type: string } & Record<string, unknown>;
  const details = Object.entries(rest)
    .filter(([key]) => key !== 'team')
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return [type, ...details].join(' ');
}

function line(n: number, move: Move): string {
  const what = `move ${n}: ${summary(move.entry)}`;
  if (move.outcome === 'acknowledged') {
    return `${what} -> version ${move.ackVersion}, ${Math.round((move.ackAt ?? 0) - move.sentAt)} ms`;
  }
  return `${what} -> ${move.outcome}${move.error ? ` (${move.error})` : ''}`;
}

// colyseus.js warns of every refused join itself; the tool says why in its own words.
const warn = console.warn;
console.warn = (...data: unknown[]) => {
  if (!String(data[0]).startsWith('colyseus.js - onError')) warn(...data);
};

async function main(): Promise<void> {
  const args = parseBotArgs(process.argv.slice(2), Object.keys(STRATEGIES));
  const strategy = STRATEGIES[args.strategy];
  if (!strategy) throw new Error(`unknown strategy "${args.strategy}"`);
  let client: WorkshopClient;
  try {
    client = await WorkshopClient.connect({ url: args.url, join: { role: 'seat', code: args.code, seat: args.seat } });
  } catch (error) {
    if (!(error instanceof JoinError)) throw error;
    const known = JOIN_REFUSALS[error.code];
    if (known) throw new Error(known(args.code, args.seat));
    throw new Error(error.code === 'unreachable' ? `cannot reach ${args.url} (${error.message})` : `join refused: ${error.code}`);
  }
  // Read once in, so that a refused join answers at once.
  const scenarios = loadScenarios();
  await new Promise<void>((done, fail) => {
    let settled = 0;
    let player: BotPlayer | null = null;
    client.handlers.gaveUp = (reason) => fail(new Error(`lost the connection to ${args.url} for good (${reason})`));
    client.handlers.error = (error) => {
      if (error.code === 'seat-handed-over') fail(new Error(`seat ${args.seat} was handed to another device`));
    };
    client.handlers.joined = (joined) => {
      if (player) return;
      const scenario = scenarios.get(joined.scenario);
      if (!scenario) return fail(new Error(`the session plays scenario ${joined.scenario}, which this kit does not have`));
      console.log(`seat ${args.seat} (${joined.seat}) of ${args.code}, ${joined.scenario}, strategy ${args.strategy}`);
      player = new BotPlayer(
        client,
        seatDecide(client, strategy, scenario, args.seed),
        {
          settled: (move) => {
            settled += 1;
            console.log(line(settled, move));
          },
          done: (view) => {
            console.log(`game over (${view.status}) at version ${view.version}`);
            done();
          },
        },
        seatFallback(client),
      );
    };
  }).finally(() => client.close());
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(`workshop-bot: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
