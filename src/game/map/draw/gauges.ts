/**
 * The gauge strip: the team's name over one bar per indicator, each with its
 * label and its value written out. The whole strip is drawn with the Canvas 2D
 * API into one texture, again only when a value, a label or the zoom changes
 * (and on each frame of a bar's glide), so a still strip costs one image.
 */
import type * as Phaser from 'phaser';
import type { MapViewModel } from '../view-model.ts';
import { BakedImage, roundedRect } from './bake.ts';
import { css, FONT, GAUGE_TRACK, gaugeColour, INK, INK_NUM, PANEL_BORDER, PANEL_BOX, PANEL_FILL } from './palette.ts';
import { DEPTH } from './territory.ts';

interface GaugeRow {
  id: string;
  label: string;
  value: string;
  y: number;
  barY: number;
  shown: number;
  target: number;
}

interface Font {
  font: string;
  /** Ascent and descent of the font's test string, as Phaser's Text measures them. */
  ascent: number;
  height: number;
}

const PAD = 16;
const BAR_HEIGHT = 14;
/** Room for a value at the regular size (16): it grows with the type. */
const VALUE_WIDTH = 40;
/** Bars glide at this many points per second. */
const GLIDE_SPEED = 80;

function makeFont(ctx: CanvasRenderingContext2D, weight: string, size: number): Font {
  const font = `${weight} ${size}px ${FONT}`;
  ctx.font = font;
  const m = ctx.measureText('|MÉqgy');
  const ascent = m.actualBoundingBoxAscent;
  return { font, ascent, height: ascent + m.actualBoundingBoxDescent };
}

/** Word wrap at `width`, breaking words longer than a line; at most `maxLines` lines are kept. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (ctx.measureText(candidate).width <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (ctx.measureText(rest).width > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && ctx.measureText(rest.slice(0, cut)).width > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.slice(0, maxLines);
}

export class GaugePanel {
  private readonly baked: BakedImage;
  private readonly measure: CanvasRenderingContext2D;
  private fonts: { heading: Font; label: Font; value: Font };
  /** The labels' and values' size in map units: 15 and 16, or `least` when a face asks for larger. */
  private sizes = { heading: 20, label: 15, value: 16 };
  private heading: string[] = [];
  private rows: GaugeRow[] = [];
  private signature = '';

  constructor(scene: Phaser.Scene, zoom: number) {
    // Only measures text: a software canvas, so the browser sets up no GPU context for it.
    const measure = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!measure) throw new Error('The map needs a 2D canvas context.');
    this.measure = measure;
    this.fonts = this.makeFonts();
    const p = PANEL_BOX;
    const box = { x: p.x - 2, y: p.y - 2, width: p.width + 4, height: p.height + 4 };
    // Drawn by the first set(), which follows at once: baking the empty strip first would upload
    // a texture only to replace it.
    this.baked = new BakedImage(scene, box, DEPTH.panel, zoom, (ctx) => this.paint(ctx), true);
  }

  private makeFonts(): { heading: Font; label: Font; value: Font } {
    return {
      heading: makeFont(this.measure, 'bold', this.sizes.heading),
      label: makeFont(this.measure, 'normal', this.sizes.label),
      value: makeFont(this.measure, 'bold', this.sizes.value),
    };
  }

  /** No text of the strip smaller than `least` map units (0: its own sizes); lays it out again when that changes it. */
  setTextSize(least: number): void {
    const sizes = { heading: Math.max(20, least * 1.25), label: Math.max(15, least), value: Math.max(16, least) };
    if (sizes.label === this.sizes.label && sizes.value === this.sizes.value) return;
    this.sizes = sizes;
    this.fonts = this.makeFonts();
    this.signature = '';
  }

  /** Its smallest text, in map units. */
  get smallestText(): number {
    return Math.min(this.sizes.label, this.sizes.value, this.sizes.heading);
  }

  /** Whether a bar is still gliding towards its value. */
  get moving(): boolean {
    for (const row of this.rows) if (row.shown !== row.target) return true;
    return false;
  }

  /** Applies a model; bars glide to their new value unless `instant`. Returns whether anything changed. */
  set(model: MapViewModel, instant: boolean): boolean {
    const heading = model.team?.name ?? '';
    const signature = `${heading}|${model.gauges.map((g) => `${g.id}:${g.label}`).join('|')}`;
    let changed = false;
    if (signature !== this.signature) {
      this.layout(model, heading);
      this.signature = signature;
      changed = true;
    }
    for (const row of this.rows) {
      const raw = model.indicators[row.id as keyof MapViewModel['indicators']];
      const value = Number.isFinite(raw) ? Math.max(0, Math.min(100, raw)) : 0;
      const text = String(Math.round(value));
      if (row.target !== value || row.value !== text || (instant && row.shown !== value)) changed = true;
      row.target = value;
      if (instant) row.shown = value;
      row.value = text;
    }
    if (changed) this.baked.bake();
    return changed;
  }

  /** Draws the strip again for a new camera zoom. */
  setZoom(zoom: number): void {
    this.baked.bake(zoom);
  }

  /** Redraws the strip's texture (after a lost WebGL context came back). */
  rebake(): void {
    this.baked.bake();
  }

  private layout(model: MapViewModel, heading: string): void {
    const p = PANEL_BOX;
    const previous = new Map(this.rows.map((r) => [r.id, r.shown]));
    const ctx = this.measure;
    ctx.font = this.fonts.heading.font;
    this.heading = heading ? wrap(ctx, heading, p.width - 2 * PAD, 2) : [];
    const top = this.heading.length > 0 ? p.y + PAD + this.heading.length * this.fonts.heading.height + 14 : p.y + PAD;
    const count = Math.max(model.gauges.length, 1);
    const rowHeight = Math.min(66, (p.y + p.height - PAD - top) / count);
    ctx.font = this.fonts.label.font;
    this.rows = model.gauges.map((gauge, i) => {
      const y = top + i * rowHeight;
      const shown = previous.get(gauge.id) ?? 0;
      const label = wrap(ctx, gauge.label, p.width - 2 * PAD, 1)[0] ?? '';
      return { id: gauge.id, label, value: '', y, barY: y + Math.max(24, this.fonts.label.height + 8), shown, target: shown };
    });
  }

  /** Moves the bars a step towards their targets; returns whether they moved. */
  tick(delta: number): boolean {
    let moving = false;
    const step = (delta / 1000) * GLIDE_SPEED;
    for (const row of this.rows) {
      if (row.shown === row.target) continue;
      const diff = row.target - row.shown;
      row.shown = Math.abs(diff) <= step ? row.target : row.shown + Math.sign(diff) * step;
      moving = true;
    }
    if (moving) this.baked.bake();
    return moving;
  }

  private text(ctx: CanvasRenderingContext2D, font: Font, text: string, x: number, top: number): void {
    ctx.font = font.font;
    ctx.fillText(text, x, top + font.ascent);
  }

  private paint(ctx: CanvasRenderingContext2D): void {
    const p = PANEL_BOX;
    roundedRect(ctx, p.x, p.y, p.width, p.height, 10);
    ctx.fillStyle = css(PANEL_FILL);
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = css(PANEL_BORDER);
    ctx.stroke();

    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = INK;
    ctx.textAlign = 'left';
    this.heading.forEach((line, i) => {
      this.text(ctx, this.fonts.heading, line, p.x + PAD, p.y + PAD + i * this.fonts.heading.height);
    });

    const x = p.x + PAD;
    const width = p.width - 2 * PAD - (VALUE_WIDTH * this.sizes.value) / 16 - 6;
    for (const row of this.rows) {
      ctx.fillStyle = INK;
      ctx.textAlign = 'left';
      this.text(ctx, this.fonts.label, row.label, x, row.y);
      ctx.textAlign = 'right';
      this.text(ctx, this.fonts.value, row.value, p.x + p.width - PAD, row.barY + BAR_HEIGHT / 2 - this.fonts.value.height / 2);

      roundedRect(ctx, x, row.barY, width, BAR_HEIGHT, 4);
      ctx.fillStyle = css(GAUGE_TRACK);
      ctx.fill();
      const w = (width * row.shown) / 100;
      if (w > 0.5) {
        roundedRect(ctx, x, row.barY, Math.max(w, 8), BAR_HEIGHT, 4);
        ctx.fillStyle = css(gaugeColour(row.target));
        ctx.fill();
      }
      ctx.lineWidth = 1;
      ctx.strokeStyle = css(INK_NUM, 0.35);
      ctx.beginPath();
      for (const mark of [30, 50]) {
        const mx = x + (width * mark) / 100;
        ctx.moveTo(mx, row.barY - 2);
        ctx.lineTo(mx, row.barY + BAR_HEIGHT + 2);
      }
      ctx.stroke();
      ctx.strokeStyle = css(INK_NUM, 0.5);
      roundedRect(ctx, x, row.barY, width, BAR_HEIGHT, 4);
      ctx.stroke();
    }
    ctx.textAlign = 'left';
  }

  destroy(): void {
    this.baked.destroy();
    this.rows = [];
  }
}
