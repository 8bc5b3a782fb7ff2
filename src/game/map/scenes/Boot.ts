import * as Phaser from 'phaser';
import { SCENES } from './keys.ts';

/** First scene: nothing to set up beyond the config, so it hands over to the preloader. */
export class Boot extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    this.scene.start(SCENES.preloader);
  }
}
