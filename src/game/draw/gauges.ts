/** The gauge strip: the team's name over one bar per indicator, each with its label and its value written out. */
import type * as Phaser from 'phaser';
import type { MapViewModel } from '../view-model.ts';
import { FONT, GAUGE_TRACK, gaugeColour, INK, INK_NUM, PANEL_BORDER, PANEL_BOX, PANEL_FILL } from './palette.ts';
import { DEPTH } from './territory.ts';

interface GaugeRow {
  id: string;
  label: Phaser.GameObjects.Text;
  value: Phaser.GameObjects.Text;
  barY: number;
  shown: number;
  target: number;
}

const PAD = 16;
const BAR_HEIGHT = 14;
const VALUE_WIDTH = 40;

export class GaugePanel {
  private readonly scene: Phaser.Scene;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly bars: Phaser.GameObjects.Graphics;
  private readonly heading: Phaser.GameObjects.Text;
  private rows: GaugeRow[] = [];
  private signature = '';
  private dirty = true;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    const p = PANEL_BOX;
    this.bg = scene.add.graphics().setDepth(DEPTH.panel);
    this.bg.fillStyle(PANEL_FILL, 1);
    this.bg.fillRoundedRect(p.x, p.y, p.width, p.height, 10);
    this.bg.lineStyle(1.5, PANEL_BORDER, 1);
    this.bg.strokeRoundedRect(p.x, p.y, p.width, p.height, 10);
    this.bars = scene.add.graphics().setDepth(DEPTH.panel);
    this.heading = scene.add
      .text(p.x + PAD, p.y + PAD, '', {
        fontFamily: FONT,
        fontSize: '20px',
        fontStyle: 'bold',
        color: INK,
        wordWrap: { width: p.width - 2 * PAD, useAdvancedWrap: true },
        maxLines: 2,
      })
      .setDepth(DEPTH.panel);
  }

  /** Applies a model; bars glide to their new value unless `instant`. */
  set(model: MapViewModel, instant: boolean): void {
    const heading = model.team?.name ?? '';
    if (this.heading.text !== heading) {
      this.heading.setText(heading);
      this.signature = '';
    }
    const signature = `${heading}|${model.gauges.map((g) => `${g.id}:${g.label}`).join('|')}`;
    if (signature !== this.signature) this.layout(model);
    for (const row of this.rows) {
      const raw = model.indicators[row.id as keyof MapViewModel['indicators']];
      const value = Number.isFinite(raw) ? Math.max(0, Math.min(100, raw)) : 0;
      row.target = value;
      if (instant) row.shown = value;
      const text = String(Math.round(value));
      if (row.value.text !== text) row.value.setText(text);
    }
    this.dirty = true;
    this.draw();
  }

  private layout(model: MapViewModel): void {
    const p = PANEL_BOX;
    const previous = new Map(this.rows.map((r) => [r.id, r.shown]));
    for (const row of this.rows) {
      row.label.destroy();
      row.value.destroy();
    }
    this.rows = [];
    const top = this.heading.text ? p.y + PAD + this.heading.height + 14 : p.y + PAD;
    const count = Math.max(model.gauges.length, 1);
    const rowHeight = Math.min(66, (p.y + p.height - PAD - top) / count);
    model.gauges.forEach((gauge, i) => {
      const y = top + i * rowHeight;
      const label = this.scene.add
        .text(p.x + PAD, y, gauge.label, {
          fontFamily: FONT,
          fontSize: '15px',
          color: INK,
          wordWrap: { width: p.width - 2 * PAD },
          maxLines: 1,
        })
        .setDepth(DEPTH.panel);
      const barY = y + 24;
      const value = this.scene.add
        .text(p.x + p.width - PAD, barY + BAR_HEIGHT / 2, '', {
          fontFamily: FONT,
          fontSize: '16px',
          fontStyle: 'bold',
          color: INK,
        })
        .setOrigin(1, 0.5)
        .setDepth(DEPTH.panel);
      const shown = previous.get(gauge.id) ?? 0;
      this.rows.push({ id: gauge.id, label, value, barY, shown, target: shown });
    });
    this.signature = `${this.heading.text}|${model.gauges.map((g) => `${g.id}:${g.label}`).join('|')}`;
  }

  /** Moves the bars a step towards their targets; returns quickly when nothing changes. */
  tick(delta: number): void {
    let moving = false;
    for (const row of this.rows) {
      if (row.shown === row.target) continue;
      const step = (delta / 1000) * 80;
      const diff = row.target - row.shown;
      row.shown = Math.abs(diff) <= step ? row.target : row.shown + Math.sign(diff) * step;
      moving = true;
    }
    if (moving) this.dirty = true;
    this.draw();
  }

  private draw(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const p = PANEL_BOX;
    const g = this.bars;
    const x = p.x + PAD;
    const width = p.width - 2 * PAD - VALUE_WIDTH - 6;
    g.clear();
    for (const row of this.rows) {
      g.fillStyle(GAUGE_TRACK, 1);
      g.fillRoundedRect(x, row.barY, width, BAR_HEIGHT, 4);
      const w = (width * row.shown) / 100;
      if (w > 0.5) {
        g.fillStyle(gaugeColour(row.target), 1);
        g.fillRoundedRect(x, row.barY, Math.max(w, 8), BAR_HEIGHT, 4);
      }
      g.lineStyle(1, INK_NUM, 0.35);
      for (const mark of [30, 50]) {
        const mx = x + (width * mark) / 100;
        g.lineBetween(mx, row.barY - 2, mx, row.barY + BAR_HEIGHT + 2);
      }
      g.lineStyle(1, INK_NUM, 0.5);
      g.strokeRoundedRect(x, row.barY, width, BAR_HEIGHT, 4);
    }
  }

  destroy(): void {
    for (const row of this.rows) {
      row.label.destroy();
      row.value.destroy();
    }
    this.rows = [];
    this.bg.destroy();
    this.bars.destroy();
    this.heading.destroy();
  }
}
