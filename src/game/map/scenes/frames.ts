import * as Phaser from 'phaser';

/**
 * A Game that draws a frame only when the picture would change. Phaser
 * re-renders every object on every animation frame; the map is still most of
 * the time (and its shimmer moves by a device pixel only every few frames),
 * so while the map scene reports nothing new, a step runs the scenes' updates
 * (tweens, timers, the shimmer's clock) without rendering. The canvas then
 * keeps showing the last frame and the browser has nothing to composite.
 */
export class OnDemandGame extends Phaser.Game {
  /** Set by the map scene: whether a frame at `time` would differ from the one on screen. Unset: every frame renders. */
  frameCheck: ((time: number) => boolean) | null = null;

  override step(time: number, delta: number): void {
    const check = this.frameCheck;
    if (!check || check(time)) super.step(time, delta);
    else this.headlessStep(time, delta);
  }
}
