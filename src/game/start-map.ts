/**
 * Starts the Phaser map inside `parent` and returns the handle the DOM view
 * drives. WebGL is required; Canvas is used only if a WebGL context cannot be
 * created at all, and renderer() then says so.
 */
import * as Phaser from 'phaser';
import { BACKGROUND, GAME_HEIGHT, GAME_WIDTH } from './draw/palette.ts';
import { Boot } from './scenes/Boot.ts';
import { FIRST_FRAME_EVENT, MODEL_KEY } from './scenes/keys.ts';
import { MapScene } from './scenes/MapScene.ts';
import { Preloader } from './scenes/Preloader.ts';
import type { MapHandle, MapViewModel } from './view-model.ts';

function gameConfig(type: number, parent: HTMLElement, model: MapViewModel): Phaser.Types.Core.GameConfig {
  return {
    type,
    parent,
    backgroundColor: BACKGROUND,
    banner: false,
    autoFocus: false,
    // Sound is handled elsewhere; all keyboard input is DOM, and the map has nothing to click or touch.
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: GAME_WIDTH,
      height: GAME_HEIGHT,
    },
    render: { antialias: true, antialiasGL: false, powerPreference: 'default' },
    callbacks: { preBoot: (game) => game.registry.set(MODEL_KEY, model) },
    scene: [Boot, Preloader, MapScene],
  };
}

function createGame(parent: HTMLElement, model: MapViewModel): Phaser.Game {
  try {
    return new Phaser.Game(gameConfig(Phaser.WEBGL, parent, model));
  } catch (error) {
    console.warn('The map could not create a WebGL context; it falls back to the Canvas renderer.', error);
    return new Phaser.Game(gameConfig(Phaser.CANVAS, parent, model));
  }
}

function booted(game: Phaser.Game): Promise<void> {
  if (game.isBooted) return Promise.resolve();
  return new Promise((resolve) => game.events.once(Phaser.Core.Events.BOOT, () => resolve()));
}

export async function startMap(parent: HTMLElement, model: MapViewModel, onFirstFrame: () => void): Promise<MapHandle> {
  const game = createGame(parent, model);
  (globalThis as unknown as { __game: Phaser.Game }).__game = game;
  game.events.once(FIRST_FRAME_EVENT, () => onFirstFrame());
  await booted(game);

  const kind: 'webgl' | 'canvas' = game.renderer?.type === Phaser.WEBGL ? 'webgl' : 'canvas';
  let destroyed = false;

  return {
    update(next: MapViewModel): void {
      if (!destroyed) game.registry.set(MODEL_KEY, next);
    },
    renderer(): 'webgl' | 'canvas' {
      return kind;
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      const renderer = game.renderer;
      if (renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer) {
        // Phaser does not release the context itself; browsers cap how many live at once.
        const gl = renderer.gl;
        game.events.once(Phaser.Core.Events.DESTROY, () => {
          setTimeout(() => gl.getExtension('WEBGL_lose_context')?.loseContext(), 0);
        });
      }
      game.destroy(true);
    },
  };
}
