/**
 * The slow shimmer along rivers and shores, the map's one ambient motion
 * (still when motion is reduced or the game is paused).
 */
import type * as Phaser from 'phaser';
import { forEachDash, type Vec } from './geometry.ts';
import { css, SHIMMER } from './palette.ts';

/** Texture of the shimmer dashes: a plain square, stretched and turned along each dash. */
const DASH_TEXTURE = 'map-dash';

export interface ShimmerPath {
  pts: Vec[];
  dash: number;
  gap: number;
  /** Logical pixels per millisecond, along the line (negative: against it). */
  speed: number;
  width: number;
  alpha: number;
}

/**
 * The slow shimmer along rivers and shores: a pool of small Images placed
 * along the lines. They move only when the pattern has slid by a whole device
 * pixel, so most frames change nothing and nothing is allocated per frame.
 */
export class Shimmer {
  private readonly scene: Phaser.Scene;
  private readonly paths: ShimmerPath[];
  private readonly pool: Phaser.GameObjects.Image[] = [];
  private readonly steps: number[];
  private used = 0;
  private width = 0;
  private alpha = 0;
  private readonly place = (x1: number, y1: number, x2: number, y2: number): void => {
    const length = Math.hypot(x2 - x1, y2 - y1);
    if (length < 0.05) return;
    let dash = this.pool[this.used];
    if (!dash) {
      dash = this.scene.add.image(0, 0, DASH_TEXTURE).setDepth(this.depth);
      this.pool.push(dash);
    }
    this.used += 1;
    dash
      .setPosition((x1 + x2) / 2, (y1 + y2) / 2)
      .setRotation(Math.atan2(y2 - y1, x2 - x1))
      .setDisplaySize(length, this.width)
      .setAlpha(this.alpha)
      .setVisible(true);
  };

  constructor(
    scene: Phaser.Scene,
    paths: ShimmerPath[],
    private readonly depth: number,
  ) {
    this.scene = scene;
    this.paths = paths;
    this.steps = paths.map(() => Number.NaN);
    if (!scene.textures.exists(DASH_TEXTURE)) {
      const texture = scene.textures.createCanvas(DASH_TEXTURE, 4, 4);
      if (texture) {
        texture.context.fillStyle = css(SHIMMER);
        texture.context.fillRect(0, 0, 4, 4);
        texture.refresh();
      }
    }
  }

  private step(path: ShimmerPath, time: number, zoom: number): number {
    return Math.floor(time * path.speed * zoom);
  }

  /** Whether the shimmer at `time` would differ on screen from what is drawn. */
  due(time: number, zoom: number): boolean {
    for (let i = 0; i < this.paths.length; i++) {
      if (this.step(this.paths[i] as ShimmerPath, time, zoom) !== this.steps[i]) return true;
    }
    return false;
  }

  /** Places the dashes for `time`; returns whether anything moved. */
  update(time: number, zoom: number): boolean {
    if (!this.due(time, zoom)) return false;
    this.used = 0;
    for (let i = 0; i < this.paths.length; i++) {
      const path = this.paths[i] as ShimmerPath;
      const step = this.step(path, time, zoom);
      this.steps[i] = step;
      this.width = path.width;
      this.alpha = path.alpha;
      forEachDash(path.pts, path.dash, path.gap, step / zoom, false, this.place);
    }
    for (let i = this.used; i < this.pool.length; i++) this.pool[i]?.setVisible(false);
    return true;
  }

  clear(): void {
    for (const dash of this.pool) dash.setVisible(false);
    this.steps.fill(Number.NaN);
  }

  destroy(): void {
    for (const dash of this.pool) dash.destroy();
    this.pool.length = 0;
  }
}
