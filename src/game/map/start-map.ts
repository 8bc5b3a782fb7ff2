/**
 * Starts the Phaser map inside `parent` and returns the handle the DOM view
 * drives. WebGL is required; Canvas is used only if a WebGL context cannot be
 * created at all, and renderer() then says so.
 *
 * The canvas has as many pixels as it is shown with (CSS size x device pixel
 * ratio), never more than the logical GAME_WIDTH x GAME_HEIGHT: the scenes
 * lay out in logical units and the camera zooms them onto it. Drawing
 * 1280 x 800 pixels for a map shown at 736 x 460 would triple the fill work
 * of every frame for the browser to throw it away when scaling down.
 */
import * as Phaser from 'phaser';
import { drawDefaultTextures } from './default-textures.ts';
import { BACKGROUND, GAME_HEIGHT, GAME_WIDTH } from './draw/palette.ts';
import { OnDemandGame } from './scenes/frames.ts';
import { FIRST_FRAME_EVENT, MODEL_KEY, TEXT_SIZE_EVENT } from './scenes/keys.ts';
import { MapScene } from './scenes/MapScene.ts';
import type { MapHandle, MapViewModel } from './view-model.ts';

/**
 * Canvas size for a map shown `cssWidth` CSS pixels wide: its device pixels, at most the logical
 * size, 16:10 like the layout (so the camera zoom is the same both ways, give or take a pixel).
 */
function canvasSize(cssWidth: number): { width: number; height: number } {
  const ratio = typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
  const width = cssWidth > 0 ? Math.max(160, Math.min(GAME_WIDTH, Math.round(cssWidth * ratio))) : GAME_WIDTH;
  return { width, height: Math.round((width * GAME_HEIGHT) / GAME_WIDTH) };
}

function gameConfig(type: number, parent: HTMLElement, model: MapViewModel): Phaser.Types.Core.GameConfig {
  const size = canvasSize(parent.getBoundingClientRect().width);
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
      width: size.width,
      height: size.height,
    },
    // One texture per batch: a single shader program to compile (a slow step with a software GPU),
    // and the cheapest fragment shader; the map draws few textured quads.
    render: { antialias: true, antialiasGL: false, powerPreference: 'default', maxTextures: 1 },
    callbacks: {
      preBoot: (game) => {
        game.registry.set(MODEL_KEY, model);
        drawDefaultTextures(game.textures);
      },
    },
    // One scene: the map downloads no asset (every texture is drawn in code, each when first
    // needed), and each scene handed over to costs a frame before the map's first one.
    scene: [MapScene],
  };
}

function createGame(parent: HTMLElement, model: MapViewModel): Phaser.Game {
  try {
    return new OnDemandGame(gameConfig(Phaser.WEBGL, parent, model));
  } catch (error) {
    console.warn('The map could not create a WebGL context; it falls back to the Canvas renderer.', error);
    return new OnDemandGame(gameConfig(Phaser.CANVAS, parent, model));
  }
}

/** Keeps the canvas resolution matched to the size it is shown at, as the page is resized. */
function followDisplaySize(game: Phaser.Game): void {
  let pending = false;
  game.scale.on(Phaser.Scale.Events.RESIZE, () => {
    if (pending) return;
    pending = true;
    // Resize between steps, not from inside the Scale Manager's own event.
    game.events.once(Phaser.Core.Events.PRE_STEP, () => {
      pending = false;
      const next = canvasSize(game.scale.displaySize.width);
      if (next.width !== game.scale.width || next.height !== game.scale.height) game.scale.setGameSize(next.width, next.height);
    });
  });
}

function booted(game: Phaser.Game): Promise<void> {
  if (game.isBooted) return Promise.resolve();
  return new Promise((resolve) => game.events.once(Phaser.Core.Events.BOOT, () => resolve()));
}

/**
 * Graphics.generateTexture draws through one camera shared by every game, which keeps the last
 * scene it drew for: that would hold a destroyed map (its game, canvas and page) until the next one.
 */
function releaseSharedCamera(): void {
  // Phaser creates it as a BaseCamera too; its typings say Camera.
  Phaser.GameObjects.Graphics.TargetCamera = new Phaser.Cameras.Scene2D.BaseCamera(0, 0, 0, 0) as Phaser.Cameras.Scene2D.Camera;
}

export async function startMap(parent: HTMLElement, model: MapViewModel, onFirstFrame: () => void): Promise<MapHandle> {
  const game = createGame(parent, model);
  game.events.once(FIRST_FRAME_EVENT, () => onFirstFrame());
  // The smallest text on the map as shown, in CSS pixels: the projector's legibility, checkable from outside.
  game.events.on(TEXT_SIZE_EVENT, (px: number) => {
    parent.dataset.minTextPx = (Math.floor(px * 10) / 10).toFixed(1);
  });
  await booted(game);
  followDisplaySize(game);

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
      releaseSharedCamera();
    },
  };
}
