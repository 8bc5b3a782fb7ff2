/**
 * bench-server's core: creates `rooms` sessions through `POST /api/sessions`,
 * seats a facilitator, a screen and one bot per team in each (devices spread
 * round-robin over the URLs, each with an X-Forwarded-For address of its own,
 * which a server started with TRUST_PROXY=1 counts apart for its rate limits),
 * plays every game to its end and measures: each move's latency from its send
 * to the first view of its version at the last device of its room, moves lost
 * (acknowledged, then not in the room's final log), moves refused or failed,
 * and the server's memory per room from /metrics.
 */
import { STRATEGIES } from '../../src/bots/strategies.ts';
import type { Scenario } from '../../src/engine/types.ts';
import type { CreatedSession, JoinOptions, ViewMessage } from '../../src/game/session/workshop-protocol.ts';
import type { LogEntry, SessionOptions } from '../../src/machines/game.ts';
import { replayLog } from '../../src/machines/replay.ts';
import { BotPlayer, canonical, facilitatorDecide, type Move, seatDecide, seatFallback } from './bot-player.ts';
import type { BenchArgs } from './workshop-args.ts';
import { WorkshopClient } from './workshop-client.ts';

export interface BenchResult {
  rooms: number;
  clients: number;
  moves: number;
  acknowledged: number;
  lost: number;
  errors: number;
  /** Sent just before the server went away: no view told whether they were applied. */
  unconfirmed: number;
  completedRooms: number;
  /** Rooms whose log, as their devices saw it, is whole and replays to the server's final game (the facilitator's view). */
  verifiedLogs: number;
  reconnections: number;
  latencyMs: { p50: number; p95: number; p99: number };
  serverMemoryPerRoomKB: number;
  serverHeapPerRoomKB: number;
  elapsedMs: number;
  /** The mean think time the devices were given, and the moves the whole bench made per second. */
  thinkMs: number;
  movesPerSecond: number;
}

interface Device {
  client: WorkshopClient;
  player: BotPlayer | null;
  /** Each view taken: its version and when it came. */
  versions: number[];
  times: number[];
  over: boolean;
}

interface BenchRoom {
  code: string;
  options: SessionOptions;
  devices: Device[];
  /** The log as the room's devices saw it, entry by version, the last seen kept (a restart that lost entries would overwrite them). */
  log: Map<number, LogEntry>;
  last: ViewMessage | null;
  finished: Promise<void>;
  settle: () => void;
}

/** Rooms created and joined at once: enough to keep the server busy, few enough not to queue joins past their reservation. */
const OPENING = 16;

/** A made-up address per device (10.x.y.z), for a server that trusts X-Forwarded-For. */
const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

export async function memoryOf(urls: string[]): Promise<{ rss: number; heap: number }> {
  let rss = 0;
  let heap = 0;
  for (const url of urls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    rss += Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
    heap += Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
  }
  return { rss, heap };
}

/** Retried while the server is away (a restart mid-bench), for up to a minute. */
async function post(url: string, body: unknown, from: string): Promise<Response> {
  const until = Date.now() + 60_000;
  for (let wait = 100; ; wait = Math.min(2000, wait * 2)) {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
        body: JSON.stringify(body),
      });
    } catch (error) {
      if (Date.now() > until) throw new Error(`cannot reach ${url} (${(error as Error).message})`);
      await new Promise((done) => setTimeout(done, wait));
    }
  }
}

async function createRoom(url: string, body: unknown, from: string): Promise<CreatedSession> {
  const response = await post(`${url}/api/sessions`, body, from);
  if (response.status === 429) {
    throw new Error(`${url} refused to create more sessions (rate-limited): start it with TRUST_PROXY=1 for the bench`);
  }
  if (response.status !== 201) throw new Error(`${url} refused a session: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedSession;
}

export async function runBench(args: BenchArgs, scenarios: Map<string, Scenario>): Promise<BenchResult> {
  const scenario = scenarios.get(args.scenario);
  if (!scenario) throw new Error(`unknown scenario "${args.scenario}" (known: ${[...scenarios.keys()].join(', ')})`);
  const strategy = STRATEGIES[args.strategy];
  if (!strategy) throw new Error(`unknown strategy "${args.strategy}"`);
  // People at a table take their time; spread evenly, so rooms do not move in step.
  const think = () => (args.thinkMs > 0 ? args.thinkMs * (0.5 + Math.random()) : 0);
  const started = performance.now();
  const before = await memoryOf(args.urls);
  const rooms: BenchRoom[] = [];
  let clients = 0;
  const nextUrl = () => args.urls[clients % args.urls.length] as string;

  const device = async (room: BenchRoom, join: JoinOptions): Promise<Device> => {
    const headers = { 'X-Forwarded-For': address(clients + 1) };
    const url = nextUrl();
    clients += 1;
    const client = await WorkshopClient.connect({ url, join, headers, retryFirstJoin: true });
    const d: Device = { client, player: null, versions: [], times: [], over: false };
    client.handlers.view = (view, at) => {
      d.versions.push(view.version);
      d.times.push(at);
      // Any device's entry for a version: the mover always saw its own; a later one (after a restart) replaces it.
      if (view.entry) room.log.set(view.version, view.entry);
      if (join.role === 'facilitator') room.last = view;
      if (view.status !== 'playing') d.over = true;
      if (room.devices.length > 0 && room.devices.every((other) => other.over)) room.settle();
    };
    return d;
  };

  const open = async (index: number): Promise<BenchRoom> => {
    const options: SessionOptions = {
      seed: 1000 + index,
      teams: Array.from({ length: args.teams }, (_, i) => `Team ${i + 1}`),
      difficulty: 'normal',
      rounds: args.rounds,
    };
    const created = await createRoom(
      args.urls[index % args.urls.length] as string,
      { scenario: scenario.id, options },
      address(index + 1),
    );
    let settle = () => {};
    const finished = new Promise<void>((done) => {
      settle = done;
    });
    const room: BenchRoom = { code: created.code, options, devices: [], log: new Map(), last: null, finished, settle };
    const { code, facilitatorToken } = created;
    const joins: JoinOptions[] = [
      { role: 'facilitator', code, token: facilitatorToken },
      { role: 'screen', code },
    ];
    for (let seat = 1; seat <= args.teams; seat += 1) joins.push({ role: 'seat', code, seat });
    // Every device in before the first move: a late joiner's sync would pass for a slow delivery.
    room.devices = await Promise.all(joins.map((join) => device(room, join)));
    for (const [i, d] of room.devices.entries()) {
      const join = joins[i] as JoinOptions;
      if (join.role === 'screen') continue;
      d.player =
        join.role === 'facilitator'
          ? new BotPlayer(d.client, facilitatorDecide, { think })
          : new BotPlayer(d.client, seatDecide(d.client, strategy, scenario, index), { think }, seatFallback(d.client));
    }
    return room;
  };

  let nextRoom = 0;
  const openers = Array.from({ length: Math.min(OPENING, args.rooms) }, async () => {
    while (nextRoom < args.rooms) {
      const index = nextRoom;
      nextRoom += 1;
      rooms.push(await open(index));
    }
  });
  await Promise.all(openers);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all(rooms.map((r) => r.finished)),
    new Promise((done) => {
      timer = setTimeout(done, args.timeoutSeconds * 1000);
    }),
  ]);
  clearTimeout(timer);
  const elapsedMs = Math.round(performance.now() - started);
  const after = await memoryOf(args.urls);
  const result = tally(rooms, scenario, clients);
  for (const d of rooms.flatMap((r) => r.devices)) d.player?.stop();
  await Promise.all(rooms.flatMap((r) => r.devices.map((d) => d.client.close())));
  return {
    ...result,
    serverMemoryPerRoomKB: Math.round((after.rss - before.rss) / args.rooms / 1024),
    serverHeapPerRoomKB: Math.round((after.heap - before.heap) / args.rooms / 1024),
    elapsedMs,
    thinkMs: args.thinkMs,
    movesPerSecond: Math.round((result.moves / elapsedMs) * 1000 * 10) / 10,
  };
}

function tally(rooms: BenchRoom[], scenario: Scenario, clients: number) {
  const latencies: number[] = [];
  let moves = 0;
  let acknowledged = 0;
  let lost = 0;
  let errors = 0;
  let unconfirmed = 0;
  let completedRooms = 0;
  let verifiedLogs = 0;
  let reconnections = 0;
  for (const room of rooms) {
    const final = room.last?.version ?? 0;
    if (room.devices.every((d) => d.over)) completedRooms += 1;
    if (verified(room, scenario)) verifiedLogs += 1;
    for (const d of room.devices) {
      reconnections += d.client.reconnections;
      for (const move of d.player?.moves ?? []) {
        moves += 1;
        if (move.outcome === 'error' || move.outcome === 'pending') errors += 1;
        if (move.outcome === 'unconfirmed') unconfirmed += 1;
        if (move.outcome !== 'acknowledged') continue;
        acknowledged += 1;
        const kept = room.log.get(move.ackVersion ?? 0);
        if ((move.ackVersion ?? 0) > final || !kept || canonical(kept) !== canonical(move.entry)) lost += 1;
        latencies.push(delivered(room, move));
      }
    }
  }
  latencies.sort((a, b) => a - b);
  const rank = (p: number) => Math.round((latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] ?? 0) * 10) / 10;
  return {
    rooms: rooms.length,
    clients,
    moves,
    acknowledged,
    lost,
    errors,
    unconfirmed,
    completedRooms,
    verifiedLogs,
    reconnections,
    latencyMs: { p50: rank(0.5), p95: rank(0.95), p99: rank(0.99) },
  };
}

/** From the move's send to the moment the last device of its room had a view of its version (or later). */
function delivered(room: BenchRoom, move: Move): number {
  let last = move.sentAt;
  for (const d of room.devices) {
    for (let i = 0; i < d.versions.length; i += 1) {
      if ((d.versions[i] as number) >= (move.ackVersion ?? 0) && (d.times[i] as number) >= move.sentAt) {
        last = Math.max(last, d.times[i] as number);
        break;
      }
    }
  }
  return last - move.sentAt;
}

/** The devices' log is whole (an entry for each version) and replays to the game the server ended with. */
function verified(room: BenchRoom, scenario: Scenario): boolean {
  const final = room.last;
  if (!final || final.status === 'playing') return false;
  const entries: LogEntry[] = [];
  for (let v = 1; v <= final.version; v += 1) {
    const entry = room.log.get(v);
    if (!entry) return false;
    entries.push(entry);
  }
  const replayed = replayLog(scenario, room.options, entries);
  if (!replayed.ok) return false;
  const { viewer: _viewer, ...game } = final.view as unknown as Record<string, unknown>;
  return canonical(replayed.snapshot.context.game) === canonical(game);
}
