/**
 * The reference for npm run bench: a bare Phaser page with one scene, built and
 * served like the kit, so the kit's load and frame times can be compared to it.
 * It marks `bare:ready` when its scene's first frame has been drawn, the same
 * moment the kit's map reports (after the render, not at the first update).
 */
import * as Phaser from 'phaser';

class OneScene extends Phaser.Scene {
  private ring!: Phaser.GameObjects.Graphics;
  create(): void {
    const g = this.add.graphics();
    g.fillStyle(0x9bc59d, 1).fillRect(0, 0, 1000, 640);
    this.ring = this.add.graphics();
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => performance.mark('bare:ready'));
  }
  override update(time: number): void {
    this.ring.clear();
    this.ring.lineStyle(3, 0x0a5a8c, 1).strokeCircle(500 + Math.cos(time / 500) * 200, 320, 40);
  }
}

new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'game',
  width: 1000,
  height: 720,
  banner: false,
  audio: { noAudio: true },
  input: { keyboard: false },
  scene: [OneScene],
});
