import * as Phaser from 'phaser';
import { BACKGROUND, GAME_HEIGHT, GAME_WIDTH, PANEL_BORDER } from '../draw/palette.ts';
import { SOFT_TEXTURE, STREAK_TEXTURE } from '../draw/shocks.ts';
import { SCENES } from './keys.ts';

const BAR_WIDTH = 360;
const BAR_HEIGHT = 16;

/**
 * Draws a progress bar while anything loads, then generates the few textures
 * the map needs (particles) in code: no asset file is fetched.
 */
export class Preloader extends Phaser.Scene {
  private bar: Phaser.GameObjects.Graphics | null = null;

  constructor() {
    super(SCENES.preloader);
  }

  preload(): void {
    this.cameras.main.setBackgroundColor(BACKGROUND);
    const box = this.add.graphics();
    box.lineStyle(2, PANEL_BORDER, 1);
    box.strokeRoundedRect(
      (GAME_WIDTH - BAR_WIDTH) / 2 - 4,
      GAME_HEIGHT / 2 - BAR_HEIGHT / 2 - 4,
      BAR_WIDTH + 8,
      BAR_HEIGHT + 8,
      6,
    );
    this.bar = this.add.graphics();
    this.progress(0);
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => this.progress(value * 0.5));
  }

  create(): void {
    const makers = [() => this.softDot(), () => this.streak()];
    makers.forEach((make, i) => {
      make();
      this.progress(0.5 + ((i + 1) / makers.length) * 0.5);
    });
    this.scene.start(SCENES.map);
  }

  private progress(value: number): void {
    const g = this.bar;
    if (!g) return;
    g.clear();
    g.fillStyle(0x2f6fd6, 1);
    g.fillRect(
      (GAME_WIDTH - BAR_WIDTH) / 2,
      GAME_HEIGHT / 2 - BAR_HEIGHT / 2,
      BAR_WIDTH * Math.max(0, Math.min(1, value)),
      BAR_HEIGHT,
    );
  }

  /** A soft round dot, white so particles can tint it. */
  private softDot(): void {
    if (this.textures.exists(SOFT_TEXTURE)) return;
    const g = this.make.graphics({}, false);
    for (let r = 16; r >= 2; r -= 2) {
      g.fillStyle(0xffffff, 0.3);
      g.fillCircle(16, 16, r);
    }
    g.generateTexture(SOFT_TEXTURE, 32, 32);
    g.destroy();
  }

  /** A short streak, brighter at its head, for wind. */
  private streak(): void {
    if (this.textures.exists(STREAK_TEXTURE)) return;
    const g = this.make.graphics({}, false);
    const length = 44;
    for (let x = 0; x < length; x += 4) {
      g.fillStyle(0xffffff, 0.15 + (0.85 * x) / length);
      g.fillRect(x, 1, 4, 3);
    }
    g.generateTexture(STREAK_TEXTURE, length, 5);
    g.destroy();
  }
}
