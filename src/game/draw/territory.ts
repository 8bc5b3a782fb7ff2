/** Zones, linear features, zone names and the ambient river shimmer. */
import type * as Phaser from 'phaser';
import type { MapViewModel } from '../view-model.ts';
import { bounds, dashSegments, fitTransform, labelPoint, type MapTransform, spanWidthAt, toWorld, type Vec } from './geometry.ts';
import { darken, FEATURE_STYLE, FONT, INK, MAP_BOX, SEA, SEA_EDGE, SHIMMER, ZONE_COLOURS, ZONE_FALLBACK } from './palette.ts';
import { asPoints } from './points.ts';

export interface ZoneShape {
  id: string;
  kind: string;
  poly: Vec[];
  anchor: Vec;
  labelHalf: { width: number; height: number };
}

/** Supersampling factor of the baked ground. */
const BAKE = 2;

export const DEPTH = {
  zones: 0,
  features: 1,
  ambient: 2,
  shockUnder: 3,
  markers: 4,
  labels: 5,
  shockOver: 6,
  panel: 7,
  banner: 8,
  dim: 9,
} as const;

function strokePolyline(g: Phaser.GameObjects.Graphics, pts: Vec[], width: number, colour: number, rounded: boolean): void {
  g.lineStyle(width, colour, 1);
  g.strokePoints(asPoints(pts), false, false);
  if (rounded) {
    g.fillStyle(colour, 1);
    for (const p of pts) g.fillCircle(p.x, p.y, width / 2);
  }
}

function dashed(g: Phaser.GameObjects.Graphics, pts: Vec[], dash: number, gap: number, offset: number): void {
  for (const [x1, y1, x2, y2] of dashSegments(pts, dash, gap, offset))
    g.lineBetween(x1 as number, y1 as number, x2 as number, y2 as number);
}

export class TerritoryLayer {
  readonly transform: MapTransform;
  readonly zones: ZoneShape[] = [];
  private readonly objects: Phaser.GameObjects.GameObject[] = [];
  private readonly ambient: Phaser.GameObjects.Graphics;
  private readonly rivers: Vec[][] = [];
  private readonly coasts: Vec[][] = [];

  constructor(scene: Phaser.Scene, model: MapViewModel) {
    const territory = model.territory;
    const t = fitTransform(territory.width, territory.height, MAP_BOX);
    this.transform = t;

    const base = scene.add.graphics().setDepth(DEPTH.zones);
    this.objects.push(base);
    base.fillStyle(SEA, 1);
    base.fillRect(t.ox, t.oy, t.width, t.height);

    for (const zone of territory.zones) {
      const poly = toWorld(t, zone.polygon);
      const fill = ZONE_COLOURS[zone.kind] ?? ZONE_FALLBACK;
      base.fillStyle(fill, 1);
      base.fillPoints(asPoints(poly), true, true);
      base.lineStyle(1.5, darken(fill), 1);
      base.strokePoints(asPoints(poly), true, true);
      this.zones.push({ id: zone.id, kind: zone.kind, poly, anchor: labelPoint(poly), labelHalf: { width: 0, height: 0 } });
    }
    base.lineStyle(2, SEA_EDGE, 1);
    base.strokeRect(t.ox, t.oy, t.width, t.height);

    const lines = scene.add.graphics().setDepth(DEPTH.features);
    this.objects.push(lines);
    const order = ['dune', 'coastline', 'river', 'road', 'rail'] as const;
    for (const kind of order) {
      for (const feature of territory.features.filter((f) => f.kind === kind)) {
        const pts = toWorld(t, feature.points);
        switch (kind) {
          case 'dune':
            strokePolyline(lines, pts, FEATURE_STYLE.dune.width, FEATURE_STYLE.dune.colour, true);
            lines.lineStyle(1.5, darken(FEATURE_STYLE.dune.colour, 0.8), 1);
            dashed(lines, pts, 3, 7, 0);
            break;
          case 'coastline':
            strokePolyline(lines, pts, FEATURE_STYLE.coastline.width, FEATURE_STYLE.coastline.colour, true);
            this.coasts.push(pts);
            break;
          case 'river':
            strokePolyline(lines, pts, FEATURE_STYLE.river.casingWidth, FEATURE_STYLE.river.casing, true);
            strokePolyline(lines, pts, FEATURE_STYLE.river.width, FEATURE_STYLE.river.colour, true);
            this.rivers.push(pts);
            break;
          case 'road':
            strokePolyline(lines, pts, FEATURE_STYLE.road.casingWidth, FEATURE_STYLE.road.casing, true);
            strokePolyline(lines, pts, FEATURE_STYLE.road.width, FEATURE_STYLE.road.colour, true);
            break;
          case 'rail':
            lines.lineStyle(FEATURE_STYLE.rail.width + 2, 0xffffff, 0.7);
            lines.strokePoints(asPoints(pts), false, false);
            lines.lineStyle(FEATURE_STYLE.rail.width, FEATURE_STYLE.rail.colour, 1);
            dashed(lines, pts, FEATURE_STYLE.rail.dash, FEATURE_STYLE.rail.gap, 0);
            break;
        }
      }
    }

    // The ground never changes while the territory stays: bake it once into a texture, so each
    // frame draws one image instead of re-tessellating every polygon and dash. It is baked at
    // twice the size and shown at half, which smooths the edges like antialiasing would.
    const pad = 4;
    const x0 = t.ox - pad;
    const y0 = t.oy - pad;
    const baked = scene.add
      .renderTexture(x0, y0, (Math.ceil(t.width) + 2 * pad) * BAKE, (Math.ceil(t.height) + 2 * pad) * BAKE)
      .setOrigin(0)
      .setScale(1 / BAKE)
      .setDepth(DEPTH.zones);
    base.setScale(BAKE);
    lines.setScale(BAKE);
    baked.draw([base, lines], -x0 * BAKE, -y0 * BAKE);
    baked.render();
    base.setVisible(false);
    lines.setVisible(false);
    this.objects.push(baked);

    this.ambient = scene.add.graphics().setDepth(DEPTH.ambient);
    this.objects.push(this.ambient);

    for (const zone of this.zones) {
      const name = model.zoneNames[zone.id] ?? '';
      if (!name) continue;
      const span = spanWidthAt(zone.poly, zone.anchor);
      const wrap = Math.max(80, Math.min(200, span * 0.85, bounds(zone.poly).width * 0.9));
      const label = scene.add
        .text(zone.anchor.x, zone.anchor.y, name, {
          fontFamily: FONT,
          fontSize: '14px',
          fontStyle: 'bold',
          color: INK,
          stroke: '#ffffff',
          strokeThickness: 4,
          align: 'center',
          wordWrap: { width: wrap, useAdvancedWrap: true },
        })
        .setOrigin(0.5)
        .setDepth(DEPTH.labels);
      zone.labelHalf = { width: label.width / 2, height: label.height / 2 };
      this.objects.push(label);
    }
  }

  /** Slow shimmer moving down the rivers and along the shore. */
  animate(time: number): void {
    const g = this.ambient;
    g.clear();
    g.lineStyle(2, SHIMMER, 0.9);
    for (const river of this.rivers) dashed(g, river, 7, 26, time * 0.018);
    g.lineStyle(1, SHIMMER, 0.55);
    for (const coast of this.coasts) dashed(g, coast, 5, 30, -time * 0.008);
  }

  clearAmbient(): void {
    this.ambient.clear();
  }

  zonesOf(kinds: readonly string[]): ZoneShape[] {
    return this.zones.filter((z) => kinds.includes(z.kind));
  }

  destroy(): void {
    for (const o of this.objects) o.destroy();
    this.objects.length = 0;
    this.zones.length = 0;
  }
}
