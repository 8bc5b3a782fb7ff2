/**
 * The zones a hazard strikes, outlined for as long as the shock stands: a
 * thick warm line over a light wash, flashing a few times as the hazard is
 * revealed, still when motion is reduced. It sits under the markers and the
 * names, so both stay readable.
 */
import type * as Phaser from 'phaser';
import type { Vec } from './geometry.ts';
import { asPoints } from './points.ts';
import { DEPTH } from './territory.ts';

const LINE = 0xb3261e;
const WASH = 0xff8a3d;

export class StrikeOutline {
  private graphics: Phaser.GameObjects.Graphics | null = null;
  private key = '';

  constructor(private readonly scene: Phaser.Scene) {}

  /** Outlines `polys` (once per `key`: a redraw of the same shock changes nothing). */
  show(key: string, polys: readonly Vec[][], reducedMotion: boolean): void {
    if (key === this.key && this.graphics) return;
    this.hide();
    this.key = key;
    if (polys.length === 0) return;
    const g = this.scene.add.graphics().setDepth(DEPTH.shockUnder);
    g.fillStyle(WASH, 0.28);
    for (const poly of polys) g.fillPoints(asPoints(poly), true, true);
    g.lineStyle(9, 0xffffff, 0.9);
    for (const poly of polys) g.strokePoints(asPoints(poly), true, true);
    g.lineStyle(5, LINE, 1);
    for (const poly of polys) g.strokePoints(asPoints(poly), true, true);
    this.graphics = g;
    if (!reducedMotion) {
      g.setAlpha(0);
      this.scene.tweens.add({ targets: g, alpha: 1, duration: 350, yoyo: true, repeat: 3, ease: 'Sine.easeInOut' });
      this.scene.tweens.add({ targets: g, alpha: 1, delay: 2800, duration: 200 });
    }
  }

  hide(): void {
    if (this.graphics) {
      this.scene.tweens.killTweensOf(this.graphics);
      this.graphics.destroy();
    }
    this.graphics = null;
    this.key = '';
  }

  /** Motion switched off mid-flash: stand still, outlined. */
  still(): void {
    if (!this.graphics) return;
    this.scene.tweens.killTweensOf(this.graphics);
    this.graphics.setAlpha(1);
  }
}
