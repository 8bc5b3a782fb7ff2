/**
 * Starting a game (from the set-up or a deep link) and the words for a game
 * file that cannot be read. Apart from the set-up form, so a deep link loads
 * neither the form nor every scenario.
 */
import type { Difficulty, Scenario } from '../../engine/types.ts';
import { t } from '../../i18n/index.ts';
import type { SessionOptions } from '../../machines/game.ts';
import type { AppContext } from '../../ui/app-context.ts';
import { confirmDialog } from '../../ui/dialog.ts';
import { GameController } from '../session/controller.ts';
import { currentSaveId, type GameSave, newGameId, type ParsedGame, readSave, writeSave } from '../session/game-saves.ts';

export interface NewGame {
  scenario: Scenario;
  teams: string[];
  seed: number;
  difficulty: Difficulty;
  /** Game length; the scenario's own when absent. */
  rounds?: number;
  /** The team (`team-<n>`) holding the Department seat; the facilitator's when absent. */
  departmentSeat?: string;
  facilitator: boolean;
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647);
}

/** The game file's options for a new game: a local one, or a networked workshop's (the server gets the same). */
export function gameOptions(game: NewGame): SessionOptions {
  return {
    seed: game.seed,
    teams: game.teams.map((name) => name.trim()),
    difficulty: game.difficulty,
    rounds: game.rounds ?? game.scenario.rounds,
    ...(game.departmentSeat ? { departmentSeat: game.departmentSeat } : {}),
  };
}

/** Creates and saves a new game; returns its save (null if the user kept the running game). */
export async function createGame(ctx: AppContext, game: NewGame): Promise<GameSave | null> {
  const current = currentSaveId(ctx.store);
  const running = current ? readSave(ctx.store, current) : null;
  if (running && running.status === 'playing' && !(await confirmDialog(t('game:setup.confirmNew')))) return null;
  const id = newGameId(Date.now(), Math.random());
  const options = gameOptions(game);
  // The controller writes the new game's first save as it starts.
  const controller = new GameController(
    game.scenario,
    id,
    (save) => writeSave(ctx.store, save),
    (r) => ctx.reportStore(r),
    { options },
    game.facilitator,
  );
  const save = controller.save();
  controller.dispose();
  return save;
}

/** A translated sentence for a game file that cannot be imported or resumed. */
export function gameFileError(result: Extract<ParsedGame, { ok: false }>): string {
  if (result.error === 'refused-event' && result.event) {
    return t('game:import.refused-event', {
      number: result.event.number,
      type: result.event.type,
      reason: t(`game:errors.${result.event.reason}`),
    });
  }
  return t(`game:import.${result.error}`);
}
