/** The command lines of workshop-bot and bench-server: a bad argument throws an Error with the one line to print. */
import { MAX_ROUNDS, MIN_ROUNDS } from '../../src/engine/game.ts';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../src/game/session/workshop-protocol.ts';

export interface BotArgs {
  url: string;
  code: string;
  seat: number;
  strategy: string;
  seed: number;
}

export interface BenchArgs {
  urls: string[];
  rooms: number;
  teams: number;
  rounds: number;
  strategy: string;
  scenario: string;
  json: boolean;
  /** Give up on games still running after this long. */
  timeoutSeconds: number;
  /** A device's mean time to decide a move, spread evenly from half to one and a half of it; 0: at once. */
  thinkMs: number;
}

function integer(name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`--${name} needs a whole number from ${min} to ${max}`);
  }
  return n;
}

export function httpUrl(value: string | undefined): string {
  let url: URL;
  try {
    url = new URL(value ?? '');
  } catch {
    throw new Error(`--url needs an http:// or https:// address, not "${value ?? ''}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--url needs an http:// or https:// address, not "${value}"`);
  }
  return url.origin;
}

function strategyName(value: string | undefined, known: string[]): string {
  if (value === undefined || !known.includes(value)) {
    throw new Error(`unknown strategy "${value ?? ''}" (known: ${known.join(', ')})`);
  }
  return value;
}

/** Reads `--flag value` pairs; `booleans` take no value. */
function pairs(argv: string[], booleans: string[] = []): Map<string, string | undefined> {
  const flags = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] as string;
    if (!flag.startsWith('--')) throw new Error(`unexpected argument "${flag}"`);
    const name = flag.slice(2);
    if (booleans.includes(name)) flags.set(name, 'true');
    else {
      flags.set(name, argv[i + 1]);
      i += 1;
    }
  }
  return flags;
}

function only(flags: Map<string, unknown>, known: string[]): void {
  for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`unknown option --${name}`);
}

export function parseBotArgs(argv: string[], strategies: string[]): BotArgs {
  const flags = pairs(argv);
  only(flags, ['url', 'code', 'seat', 'strategy', 'seed']);
  const code = flags.get('code') ?? '';
  if (!new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`).test(code)) {
    throw new Error(`--code needs the session's join code (${JOIN_CODE_LENGTH} letters from ${JOIN_CODE_ALPHABET})`);
  }
  return {
    url: httpUrl(flags.get('url')),
    code,
    seat: integer('seat', flags.get('seat'), 1, 6),
    strategy: strategyName(flags.get('strategy') ?? 'table', strategies),
    seed: flags.has('seed') ? integer('seed', flags.get('seed'), 0, 2 ** 31 - 1) : 1,
  };
}

export function parseBenchArgs(argv: string[], strategies: string[]): BenchArgs {
  const flags = pairs(argv, ['json']);
  only(flags, ['url', 'rooms', 'teams', 'rounds', 'strategy', 'scenario', 'json', 'timeout', 'think']);
  const urls = (flags.get('url') ?? '').split(',').map((u) => httpUrl(u.trim()));
  return {
    urls,
    rooms: integer('rooms', flags.get('rooms'), 1, 10_000),
    teams: integer('teams', flags.get('teams') ?? '5', 1, 6),
    rounds: integer('rounds', flags.get('rounds') ?? '3', MIN_ROUNDS, MAX_ROUNDS),
    strategy: strategyName(flags.get('strategy') ?? 'table', strategies),
    scenario: flags.get('scenario') ?? 'market-town-drought',
    json: flags.has('json'),
    timeoutSeconds: flags.has('timeout') ? integer('timeout', flags.get('timeout'), 1, 86_400) : 900,
    thinkMs: flags.has('think') ? integer('think', flags.get('think'), 0, 600_000) : 1000,
  };
}
