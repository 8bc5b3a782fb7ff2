import type * as Phaser from 'phaser';
import type { Vec } from './geometry.ts';

/** Graphics.fillPoints / strokePoints read only `x` and `y`; their typings ask for Vector2. */
export function asPoints(points: readonly Vec[]): Phaser.Math.Vector2[] {
  return points as unknown as Phaser.Math.Vector2[];
}
