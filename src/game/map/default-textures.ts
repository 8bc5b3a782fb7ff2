/**
 * Phaser's three built-in textures, made at once. Phaser decodes them from
 * base64 PNGs, which completes a task later: its game loop then asks for its
 * first animation frame only after the page's first frame has been
 * scheduled, and the map's first picture waits a whole frame more (with a
 * software GPU, the longest wait of the map's start). Drawn on canvases here,
 * they are ready in the same task as the map's set-up; Phaser is told of them
 * in a microtask, after its boot has finished, exactly as the image decoder
 * would tell it.
 */
import type * as Phaser from 'phaser';

function canvas(size: number, draw?: (ctx: CanvasRenderingContext2D) => void): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (ctx && draw) draw(ctx);
  return c;
}

const DRAWN: Record<string, () => HTMLCanvasElement> = {
  // Transparent, as Phaser's.
  __DEFAULT: () => canvas(32),
  // Never shown by the map (it has no missing texture): a plain marker in case.
  __MISSING: () =>
    canvas(32, (ctx) => {
      ctx.strokeStyle = '#00ff00';
      ctx.strokeRect(0.5, 0.5, 31, 31);
    }),
  // Solid white, used by Phaser for tinted fills.
  __WHITE: () =>
    canvas(4, (ctx) => {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, 4, 4);
    }),
};

/** Call from the game's preBoot callback, before the Texture Manager boots. */
export function drawDefaultTextures(textures: Phaser.Textures.TextureManager): void {
  const decode = textures.addBase64.bind(textures);
  textures.addBase64 = (key: string, data: unknown) => {
    const draw = DRAWN[key];
    if (!draw) return decode(key, data);
    // addCanvas announces the texture itself; 'onload' (Phaser.Textures.Events.LOAD) is what the
    // Texture Manager counts down to its ready event.
    const texture = textures.addCanvas(key, draw());
    queueMicrotask(() => textures.emit('onload', key, texture));
    return textures;
  };
}
