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

/** The names' size in map units, unless a face asks for larger (see MapViewModel.minTextPx). */
export const LABEL_SIZE = 14;

export interface ZoneLabel {
  anchor: Vec;
  name: string;
  /** A second line in regular weight under the name: the team running a commune. */
  sub?: string;
  /** Longest line before wrapping, in map units. */
  wrap: number;
}

interface LaidOut {
  anchor: Vec;
  lines: string[];
  /** Lines from this index on are the `sub` line. */
  subFrom: number;
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
  private readonly font: string;
  private readonly subFont: string;
  private readonly lineHeight: number;
  /** Width of the white halo around the letters. */
  private readonly halo: number;
  /** Half the size of each label's block, in the order given, for placing markers around it. */
  readonly halves: { width: number; height: number }[];
  /** Where each label stands: its anchor, moved in where the block would stick out of the box. */
  readonly anchors: Vec[];

  constructor(
    scene: Phaser.Scene,
    box: Box,
    depth: number,
    zoom: number,
    labels: readonly ZoneLabel[],
    readonly size: number = LABEL_SIZE,
  ) {
    this.font = `bold ${size}px ${FONT}`;
    this.subFont = `${size}px ${FONT}`;
    this.lineHeight = Math.round(size * 1.25);
    this.halo = Math.max(4, Math.round(size * 0.3));
    const measure = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!measure) throw new Error('The map needs a 2D canvas context.');
    const width = (text: string, font: string) => {
      measure.font = font;
      return measure.measureText(text).width;
    };
    this.laidOut = labels.map((label) => {
      const lines = wrapWords((text) => width(text, this.font), label.name, label.wrap);
      return { anchor: label.anchor, lines: label.sub ? [...lines, label.sub] : lines, subFrom: lines.length };
    });
    this.halves = this.laidOut.map(({ lines, subFrom }) => ({
      width: (Math.max(0, ...lines.map((line, i) => width(line, i < subFrom ? this.font : this.subFont))) + this.halo) / 2,
      height: (lines.length * this.lineHeight + this.halo) / 2,
    }));
    this.anchors = this.laidOut.map((label, i) => {
      const half = this.halves[i] ?? { width: 0, height: 0 };
      const within = (v: number, low: number, high: number) => (low > high ? (low + high) / 2 : Math.min(high, Math.max(low, v)));
      label.anchor = {
        x: within(label.anchor.x, box.x + half.width, box.x + box.width - half.width),
        y: within(label.anchor.y, box.y + half.height, box.y + box.height - half.height),
      };
      return label.anchor;
    });
    this.baked = new BakedImage(scene, box, depth, zoom, (ctx) => this.paint(ctx));
  }

  private paint(ctx: CanvasRenderingContext2D): void {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = this.halo;
    ctx.strokeStyle = '#ffffff';
    ctx.fillStyle = INK;
    for (const { anchor, lines, subFrom } of this.laidOut) {
      const top = anchor.y - (lines.length * this.lineHeight) / 2;
      lines.forEach((line, i) => {
        const y = top + (i + 0.5) * this.lineHeight;
        ctx.font = i < subFrom ? this.font : this.subFont;
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
