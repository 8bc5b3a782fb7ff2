/**
 * npm run replay -- <file> [--accept-changed-scenario]
 * Replays a game file (as the kit exports it, or npm run simulate -- --export)
 * through the scenario machine and prints one JSON line: the scenario, the
 * seed, the game's length and each team's final score. A file that does not
 * replay gives one line `ERROR <file>: <reason>` on stderr and exit code 1.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scoreGame } from '../src/engine/scoring.ts';
import type { Scenario } from '../src/engine/types.ts';
import {
  GAME_FILE_VERSION,
  type ImportError,
  MAX_GAME_FILE,
  type ParsedGame,
  parseGameFile,
  scenarioHash,
} from '../src/game/session/game-saves.ts';
import { loadScenarios } from './lib/content.ts';

const USAGE = 'usage: npm run replay -- <file> [--accept-changed-scenario]';

class ReplayError extends Error {}

interface Args {
  file: string;
  acceptChangedScenario: boolean;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let acceptChangedScenario = false;
  for (const arg of argv) {
    if (arg === '--accept-changed-scenario') acceptChangedScenario = true;
    else if (arg.startsWith('--')) throw new ReplayError(`unknown option ${arg} (${USAGE})`);
    else if (file === undefined) file = arg;
    else throw new ReplayError(`one file at a time (${USAGE})`);
  }
  if (file === undefined) throw new ReplayError(USAGE);
  return { file, acceptChangedScenario };
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const TOO_LARGE = (bytes: number) =>
  `the file is too large (${megabytes(bytes)}; a game file is at most ${megabytes(MAX_GAME_FILE)})`;

/** The file's text, its size checked before it is read. */
function readGameFile(file: string): string {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReplayError('the file does not exist');
    throw new ReplayError(`the file cannot be read (${code ?? 'error'})`);
  }
  if (stat.isDirectory()) throw new ReplayError('this is a folder, not a file');
  if (!stat.isFile()) throw new ReplayError('this is not a regular file');
  if (stat.size > MAX_GAME_FILE) throw new ReplayError(TOO_LARGE(stat.size));
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new ReplayError(`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    // Read at most one byte past the limit, in case the file grew since it was looked at.
    const size = Math.min(fstatSync(fd).size, MAX_GAME_FILE) + 1;
    const buffer = Buffer.alloc(size);
    let length = 0;
    for (let n = 1; n > 0 && length < size; length += n) n = readSync(fd, buffer, length, size - length, null);
    if (length > MAX_GAME_FILE) throw new ReplayError(TOO_LARGE(length));
    // As the browser reads a file: UTF-8, a byte order mark dropped.
    return new TextDecoder('utf-8').decode(buffer.subarray(0, length));
  } catch (error) {
    if (error instanceof ReplayError) throw error;
    throw new ReplayError(`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

/** What the rules' reason codes mean, for a refused event. */
const REASONS: Record<string, string> = {
  'game-over': 'the game is already over',
  'not-now': 'not possible at this point of the game',
  paused: 'the game is paused',
  'not-your-turn': "it is not this team's turn",
  'unknown-hazard': 'this hazard is not in the scenario',
  'unknown-team': 'there is no such team',
  'team-collapsed': 'the team has collapsed',
  'already-acted': 'the team has already played this round',
  'unknown-card': 'there is no such project card',
  'card-not-in-deck': 'the card is not in this scenario',
  'already-started': 'the project is already started',
  'missing-prerequisite': 'a prerequisite project is not built',
  'needs-engineering': 'the project needs departmental engineering',
  'unknown-lever': 'there is no such funding lever',
  'lever-not-eligible': 'the lever does not apply to this project',
  'duplicate-lever': 'the same lever is used twice',
  'not-poolable': 'the project cannot be pooled',
  'bad-partner': 'a partner team cannot join',
  'partner-already-acted': 'a partner team has already played this round',
  'pooling-needs-partner': 'pooling needs a partner team',
  budget: 'the team cannot afford it',
};

/** A field of the file read leniently, for the message only. */
function field(text: string, read: (json: Record<string, unknown>) => unknown): string {
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json !== 'object' || json === null) return '?';
    const value = read(json as Record<string, unknown>);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
  } catch {
    return '?';
  }
}

function reason(failure: Extract<ParsedGame, { ok: false }>, text: string, scenarios: Map<string, Scenario>): string {
  const error: ImportError = failure.error;
  switch (error) {
    case 'too-large':
      return TOO_LARGE(text.length);
    case 'not-json':
      return text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON (truncated, or not a game file)';
    case 'not-a-game':
      return 'this is not a game file of the kit (a field is missing, unknown or of the wrong type)';
    case 'old-version':
      return `the file is of an older format (version ${field(text, (j) => j.version)}); this kit reads version ${GAME_FILE_VERSION}`;
    case 'future-version':
      return `the file was written by a newer version of the kit (version ${field(text, (j) => j.version)}); this kit reads version ${GAME_FILE_VERSION}`;
    case 'unknown-scenario':
      return `unknown scenario "${field(text, (j) => j.scenario)}" (known: ${[...scenarios.keys()].join(', ')})`;
    case 'changed-scenario': {
      const id = field(text, (j) => j.scenario);
      const scenario = scenarios.get(id);
      const now = scenario ? scenarioHash(scenario) : '?';
      return `the scenario "${id}" has changed since this game was played (content ${field(text, (j) => j.scenarioHash)}, now ${now}); pass --accept-changed-scenario to replay it on today's version`;
    }
    case 'bad-options':
      return 'the game options are outside the rules (number of teams or of rounds)';
    case 'refused-event': {
      const event = failure.event;
      if (!event) return 'an event is refused by the rules';
      const gloss = REASONS[event.reason];
      return `event ${event.number} (${event.type}) is refused by the rules: ${event.reason}${gloss ? ` (${gloss})` : ''}`;
    }
  }
  return `the file cannot be replayed (${String(error)})`;
}

export interface ReplayOutcome {
  code: 0 | 1;
  /** The JSON line, or nothing. */
  stdout: string;
  /** The ERROR line (or a note), or nothing. */
  stderr: string;
}

/** The command, without touching the process: the entry point below prints what it returns. */
export function replayCommand(argv: string[]): ReplayOutcome {
  let file = '';
  try {
    const args = parseArgs(argv);
    file = args.file;
    const text = readGameFile(file);
    const scenarios = loadScenarios();
    const parsed = parseGameFile(text, scenarios, { acceptChangedScenario: args.acceptChangedScenario });
    if (!parsed.ok) throw new ReplayError(reason(parsed, text, scenarios));
    const scenario = scenarios.get(parsed.file.scenario);
    if (!scenario) throw new ReplayError(`unknown scenario "${parsed.file.scenario}"`);
    const game = parsed.snapshot.context.game;
    const scores = new Map(scoreGame(game, scenario).map((s) => [s.team, s]));
    const line = JSON.stringify({
      scenario: parsed.file.scenario,
      seed: parsed.file.options.seed,
      rounds: game.rounds,
      teams: game.teams.map((t) => ({
        id: t.id,
        name: t.name,
        overall: scores.get(t.id)?.overall ?? 0,
        succeeded: scores.get(t.id)?.succeeded ?? false,
        collapsed: t.collapsed,
      })),
    });
    const note = parsed.changedScenario
      ? `note ${file}: replayed on today's version of the scenario "${scenario.id}", whose content changed\n`
      : '';
    return { code: 0, stdout: `${line}\n`, stderr: note };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: 1, stdout: '', stderr: `ERROR ${file || '(no file)'}: ${message.replace(/\s+/g, ' ')}\n` };
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) {
  try {
    const outcome = replayCommand(process.argv.slice(2));
    process.stdout.write(outcome.stdout);
    process.stderr.write(outcome.stderr);
    process.exitCode = outcome.code;
  } catch {
    process.stderr.write('ERROR: the replay failed unexpectedly\n');
    process.exitCode = 1;
  }
}
