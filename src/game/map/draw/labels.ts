/**
 * Zone names, baked with the Canvas 2D API into one image above the markers.
 * Ten Phaser Text objects would each measure their font by drawing it and
 * reading the pixels back, then upload a texture of their own: the most
 * costly part of the map's first frame. Baked, the names cost one texture,
 * and stay crisp at every zoom (they are drawn at the canvas's resolution).
 */
import type * as Phaser from 'phaser';
import { BakedImage } from './bake.ts';
import type { Box, Vec } from './geometry.ts';
import { FONT, INK } from './palette.ts';

const SIZE = 14;
const LINE_HEIGHT = Math.round(SIZE * 1.25);
/** Width of the white halo around the letters, as Phaser's strokeThickness. */
const HALO = 4;
const LABEL_FONT = `bold ${SIZE}px ${FONT}`;

export interface ZoneLabel {
  anchor: Vec;
  name: string;
  /** Longest line before wrapping, in map units. */
  wrap: number;
}

interface LaidOut {
  anchor: Vec;
  lines: string[];
}

/** Greedy word wrap: as many words on a line as fit in `width`; a longer word keeps a line of its own. */
export function wrapWords(measure: (text: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export class LabelLayer {
  private readonly baked: BakedImage;
  private readonly laidOut: LaidOut[];
  /** Half the size of each label's block, in the order given, for placing markers around it. */
  readonly halves: { width: number; height: number }[];

  constructor(scene: Phaser.Scene, box: Box, depth: number, zoom: number, labels: readonly ZoneLabel[]) {
    const measure = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!measure) throw new Error('The map needs a 2D canvas context.');
    measure.font = LABEL_FONT;
    const width = (text: string) => measure.measureText(text).width;
    this.laidOut = labels.map((label) => ({ anchor: label.anchor, lines: wrapWords(width, label.name, label.wrap) }));
    this.halves = this.laidOut.map(({ lines }) => ({
      width: (Math.max(0, ...lines.map(width)) + HALO) / 2,
      height: (lines.length * LINE_HEIGHT + HALO) / 2,
    }));
    this.baked = new BakedImage(scene, box, depth, zoom, (ctx) => this.paint(ctx));
  }

  private paint(ctx: CanvasRenderingContext2D): void {
    ctx.font = LABEL_FONT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = HALO;
    ctx.strokeStyle = '#ffffff';
    ctx.fillStyle = INK;
    for (const { anchor, lines } of this.laidOut) {
      const top = anchor.y - (lines.length * LINE_HEIGHT) / 2;
      lines.forEach((line, i) => {
        const y = top + (i + 0.5) * LINE_HEIGHT;
        ctx.strokeText(line, anchor.x, y);
        ctx.fillText(line, anchor.x, y);
      });
    }
  }

  setZoom(zoom: number): void {
    this.baked.bake(zoom);
  }

  rebake(): void {
    this.baked.bake();
  }

  destroy(): void {
    this.baked.destroy();
  }
}
