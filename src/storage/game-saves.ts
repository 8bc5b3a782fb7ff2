/**
 * Saved games: the persisted XState snapshot of a session, versioned, kept
 * in storage after every event, listed, exported and imported as a file.
 * An imported file is checked three ways: its shape, its scenario, and its
 * history (the seed and the log must replay to the very state it claims).
 */
// zod's mini build: a saved game is read as the game opens, and its schemas cost far less to set up.
import { z } from 'zod/mini';
import { replay } from '../engine/replay.ts';
import { applyHazard, drawHazard, implementProjects } from '../engine/round.ts';
import type { GameState, Scenario } from '../engine/types.ts';
import type { KeyValueStore, StoreResult } from './store.ts';

export const GAME_FILE_FORMAT = 'resilient-territory-kit/game';
const PREFIX = 'game:';
const CURRENT = 'current-game';

const saveSchema = z.object({
  format: z.literal(GAME_FILE_FORMAT),
  version: z.literal(1),
  id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  scenario: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  savedAt: z.string().check(z.maxLength(40)),
  /** Team names as typed, for the list of saved games. */
  teams: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(6)),
  round: z.int().check(z.gte(0), z.lte(100)),
  status: z.enum(['setup', 'playing', 'debrief', 'finished']),
  snapshot: z.record(z.string(), z.unknown()),
});

export type GameSave = z.infer<typeof saveSchema>;

export type ImportError = 'too-large' | 'not-json' | 'not-a-game' | 'unknown-scenario' | 'history-mismatch';

export function newGameId(now: number, random: number): string {
  return `${now.toString(36)}-${Math.floor(random * 1e9).toString(36)}`;
}

export function writeSave(store: KeyValueStore, save: GameSave): StoreResult {
  const result = store.set(PREFIX + save.id, JSON.stringify(save));
  store.set(CURRENT, save.id);
  return result;
}

export function readSave(store: KeyValueStore, id: string): GameSave | null {
  const raw = store.get(PREFIX + id);
  if (raw === null) return null;
  try {
    const parsed = saveSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function currentSaveId(store: KeyValueStore): string | null {
  return store.get(CURRENT);
}

export function clearCurrent(store: KeyValueStore): void {
  store.remove(CURRENT);
}

export function deleteSave(store: KeyValueStore, id: string): void {
  store.remove(PREFIX + id);
  if (store.get(CURRENT) === id) store.remove(CURRENT);
}

/** Saved games, newest first; unreadable entries are listed as such, never silently dropped. */
export function listSaves(store: KeyValueStore): { saves: GameSave[]; unreadable: string[] } {
  const saves: GameSave[] = [];
  const unreadable: string[] = [];
  for (const key of store.keys(PREFIX)) {
    const id = key.slice(PREFIX.length);
    const save = readSave(store, id);
    if (save) saves.push(save);
    else unreadable.push(id);
  }
  saves.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  return { saves, unreadable };
}

export function exportSave(save: GameSave): string {
  return JSON.stringify(save, null, 2);
}

interface SavedRound {
  value?: unknown;
  context?: { game?: GameState; injectedHazard?: string | null };
}

/** Rebuilds a game from its seed and log, then the steps of a round under way that the log does not hold yet. */
function rebuild(scenario: Scenario, game: GameState, phase: unknown, injected: string | null | undefined): GameState {
  let state = replay(scenario, { seed: game.seed, teams: game.teams.map((t) => t.name), difficulty: game.difficulty }, game.log);
  if (phase === 'implement' || phase === 'shock') state = implementProjects(state, scenario);
  if (phase === 'shock') {
    if (injected) state = applyHazard(state, scenario, injected, true);
    else {
      const drawn = drawHazard(state, scenario);
      state = applyHazard(drawn.state, scenario, drawn.hazard);
    }
  }
  return state;
}

export function checkHistory(snapshot: Record<string, unknown>, scenario: Scenario): boolean {
  try {
    const context = snapshot.context as { game?: GameState | null } | undefined;
    const children = snapshot.children as Record<string, { snapshot?: SavedRound }> | undefined;
    const round = children?.round?.snapshot;
    const games: [GameState, unknown, string | null | undefined][] = [];
    if (context?.game) games.push([context.game, undefined, undefined]);
    if (round?.context?.game) games.push([round.context.game, round.value, round.context.injectedHazard]);
    for (const [game, phase, injected] of games) {
      if (game.scenario !== scenario.id) return false;
      if (JSON.stringify(rebuild(scenario, game, phase, injected)) !== JSON.stringify(game)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

export const MAX_GAME_FILE = 5_000_000;

export function parseGameFile(
  text: string,
  scenarios: Map<string, Scenario>,
): { ok: true; save: GameSave } | { ok: false; error: ImportError } {
  if (text.length > MAX_GAME_FILE) return { ok: false, error: 'too-large' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const parsed = saveSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'not-a-game' };
  const scenario = scenarios.get(parsed.data.scenario);
  if (!scenario) return { ok: false, error: 'unknown-scenario' };
  if (!checkHistory(parsed.data.snapshot, scenario)) return { ok: false, error: 'history-mismatch' };
  return { ok: true, save: parsed.data };
}
