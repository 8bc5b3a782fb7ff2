/**
 * npm run bench:server -- --url <url>[,<url>...] --rooms <n> [--teams <t>] [--rounds <r>] [--strategy <name>]
 *   [--scenario <id>] [--think <ms>] [--timeout <seconds>] [--json]
 * Creates n sessions on running workshop servers (start them with TRUST_PROXY=1:
 * each bench device then counts as its own address for the rate limits), seats
 * a facilitator, a screen and a bot per team in each, plays the games to the end
 * and prints moves, losses, errors, latency and the server's memory per room.
 * Each device thinks --think ms on average before a move (default 1000, spread
 * from half to one and a half of it); --think 0 plays as fast as the server
 * answers, which measures the server saturated, not a workshop.
 */
import { STRATEGIES } from '../src/bots/strategies.ts';
import { type BenchResult, runBench } from './lib/bench.ts';
import { loadScenarios } from './lib/content.ts';
import { parseBenchArgs } from './lib/workshop-args.ts';

// colyseus.js warns of every refused join itself; the tool says why in its own words.
const warn = console.warn;
console.warn = (...data: unknown[]) => {
  if (!String(data[0]).startsWith('colyseus.js - onError')) warn(...data);
};

function table(r: BenchResult): string {
  const rows: [string, string][] = [
    ['rooms (completed)', `${r.rooms} (${r.completedRooms})`],
    ['clients', String(r.clients)],
    ['moves', String(r.moves)],
    ['acknowledged', String(r.acknowledged)],
    ['lost', String(r.lost)],
    ['errors', String(r.errors)],
    ['unconfirmed', String(r.unconfirmed)],
    ['logs verified by replay', String(r.verifiedLogs)],
    ['reconnections', String(r.reconnections)],
    ['latency p50 / p95 / p99', `${r.latencyMs.p50} / ${r.latencyMs.p95} / ${r.latencyMs.p99} ms`],
    ['server memory per room', `${r.serverMemoryPerRoomKB} KB resident, ${r.serverHeapPerRoomKB} KB heap`],
    ['think time (mean)', `${r.thinkMs} ms`],
    ['moves per second', String(r.movesPerSecond)],
    ['elapsed', `${r.elapsedMs} ms`],
  ];
  return rows.map(([name, value]) => `${name.padEnd(26)} ${value}`).join('\n');
}

try {
  const args = parseBenchArgs(process.argv.slice(2), Object.keys(STRATEGIES));
  const result = await runBench(args, loadScenarios());
  console.log(args.json ? JSON.stringify(result, null, 2) : table(result));
  process.exit(result.completedRooms === result.rooms ? 0 : 1);
} catch (error) {
  console.error(`bench-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
