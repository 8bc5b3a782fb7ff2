/**
 * What the faces read and send: a game's source. The controller is one (it
 * runs the scenario machine in this browser); a networked device's is another
 * (it follows the server's views and sends its events there). The views
 * render what a source gives and never know which they hold.
 */
import type { GameView, ViewEvent } from './controller.ts';
import type { GameSave } from './game-saves.ts';

export interface GameSource {
  readonly id: string;
  /** In this browser: the faces link to each other's windows. */
  readonly local: boolean;
  /** `save` gives the game file: a local game, and a networked workshop's facilitator. */
  readonly exportable: boolean;
  view(): GameView;
  subscribe(listener: (view: GameView) => void): () => void;
  send(event: ViewEvent): void;
  /** The game file (its log), when this source holds it whole. */
  save(): GameSave | null;
  dispose(): void;
}
