/**
 * Static parts of the map drawn once with the Canvas 2D API and shown as one
 * Image: the renderer then draws a single textured quad per frame instead of
 * re-running and re-tessellating Graphics commands. The bake is made at the
 * camera's zoom and aligned on device pixels, so the texture maps 1:1 onto the
 * canvas and the edges keep Canvas 2D's antialiasing.
 */
import type * as Phaser from 'phaser';
import type { Box } from './geometry.ts';

let serial = 0;

export class BakedImage {
  readonly image: Phaser.GameObjects.Image;
  private readonly scene: Phaser.Scene;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly box: Box;
  private readonly paint: (ctx: CanvasRenderingContext2D) => void;
  private texture: Phaser.Textures.CanvasTexture | null = null;
  private zoom = 0;

  /**
   * `paint` draws in the map's logical coordinates; only what lies inside `box` is kept. With
   * `later`, nothing is drawn until the first bake(): for content that is set straight after.
   */
  constructor(
    scene: Phaser.Scene,
    box: Box,
    depth: number,
    zoom: number,
    paint: (ctx: CanvasRenderingContext2D) => void,
    later = false,
  ) {
    this.scene = scene;
    this.box = box;
    this.paint = paint;
    this.canvas = document.createElement('canvas');
    // A CPU-backed canvas: Phaser reads it back once when it makes the texture.
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('The map needs a 2D canvas context.');
    this.ctx = ctx;
    this.image = scene.add.image(0, 0, '__DEFAULT').setOrigin(0).setDepth(depth);
    if (later) this.zoom = zoom;
    else this.bake(zoom);
  }

  /** Draws again at `zoom` (backing pixels per logical pixel), or at the current zoom if omitted. */
  bake(zoom = this.zoom): void {
    const b = this.box;
    const left = Math.floor(b.x * zoom);
    const top = Math.floor(b.y * zoom);
    const width = Math.max(1, Math.ceil((b.x + b.width) * zoom) - left);
    const height = Math.max(1, Math.ceil((b.y + b.height) * zoom) - top);
    const resized = width !== this.canvas.width || height !== this.canvas.height || !this.texture;
    if (resized) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(zoom, 0, 0, zoom, -left, -top);
    this.paint(ctx);
    ctx.setTransform(1, 0, 0, 1, 0, 0);

    if (resized) {
      const old = this.texture;
      serial += 1;
      const key = `map-baked-${serial}`;
      this.texture = this.scene.textures.addCanvas(key, this.canvas);
      this.image.setTexture(key);
      if (old) this.scene.textures.remove(old);
    } else {
      this.texture?.refresh();
    }
    this.zoom = zoom;
    this.image.setPosition(left / zoom, top / zoom).setScale(1 / zoom);
  }

  destroy(): void {
    this.image.destroy();
    if (this.texture) this.scene.textures.remove(this.texture);
    this.texture = null;
  }
}

/** Traces a rounded rectangle as the current path. */
export function roundedRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  const radius = Math.max(0, Math.min(r, w / 2, h / 2));
  ctx.beginPath();
  ctx.moveTo(x + radius, y);
  ctx.arcTo(x + w, y, x + w, y + h, radius);
  ctx.arcTo(x + w, y + h, x, y + h, radius);
  ctx.arcTo(x, y + h, x, y, radius);
  ctx.arcTo(x, y, x + w, y, radius);
  ctx.closePath();
}
