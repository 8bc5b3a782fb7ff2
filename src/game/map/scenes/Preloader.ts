import * as Phaser from 'phaser';
import { SCENES } from './keys.ts';

/**
 * The map downloads no asset: every texture it shows is drawn in code, each
 * only when first needed (the ground and the gauge strip by the map scene,
 * a marker look when a project first has it, particles when a shock first
 * plays). So nothing is drawn or generated here before the first map frame.
 */
export class Preloader extends Phaser.Scene {
  constructor() {
    super(SCENES.preloader);
  }

  create(): void {
    this.scene.start(SCENES.map);
  }
}
