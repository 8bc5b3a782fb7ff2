/** Zones, linear features, zone names and the ambient river shimmer. */
import type * as Phaser from 'phaser';
import type { MapViewModel } from '../view-model.ts';
import { BakedImage } from './bake.ts';
import { bounds, fitTransform, forEachDash, labelPoint, type MapTransform, spanWidthAt, toWorld, type Vec } from './geometry.ts';
import { LabelLayer } from './labels.ts';
import {
  BACKGROUND,
  css,
  darken,
  FEATURE_STYLE,
  MAP_BOX,
  SEA,
  SEA_EDGE,
  SHIMMER,
  ZONE_COLOURS,
  ZONE_FALLBACK,
} from './palette.ts';

export interface ZoneShape {
  id: string;
  kind: string;
  poly: Vec[];
  anchor: Vec;
  labelHalf: { width: number; height: number };
}

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

/** Texture of the shimmer dashes: a plain square, stretched and turned along each dash. */
const DASH_TEXTURE = 'map-dash';

function tracePolyline(ctx: CanvasRenderingContext2D, pts: readonly Vec[], closed: boolean): void {
  ctx.beginPath();
  pts.forEach((p, i) => {
    if (i === 0) ctx.moveTo(p.x, p.y);
    else ctx.lineTo(p.x, p.y);
  });
  if (closed) ctx.closePath();
}

/** A line with round joins and ends (the look of strokePoints plus a disc on each point). */
function strokeRound(ctx: CanvasRenderingContext2D, pts: readonly Vec[], width: number, colour: number): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.lineWidth = width;
  ctx.strokeStyle = css(colour);
  tracePolyline(ctx, pts, false);
  ctx.stroke();
}

/** Dashes with square-cut ends, the pattern running on round the corners. */
function strokeDashed(
  ctx: CanvasRenderingContext2D,
  pts: readonly Vec[],
  width: number,
  colour: number,
  dash: number,
  gap: number,
): void {
  ctx.lineWidth = width;
  ctx.strokeStyle = css(colour);
  ctx.lineCap = 'butt';
  ctx.beginPath();
  forEachDash(pts, dash, gap, 0, false, (x1, y1, x2, y2) => {
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
  });
  ctx.stroke();
}

interface ShimmerPath {
  pts: Vec[];
  dash: number;
  gap: number;
  /** Logical pixels per millisecond, along the line (negative: against it). */
  speed: number;
  width: number;
  alpha: number;
}

/**
 * The slow shimmer along rivers and shores: a pool of small Images placed
 * along the lines. They move only when the pattern has slid by a whole device
 * pixel, so most frames change nothing and nothing is allocated per frame.
 */
class Shimmer {
  private readonly scene: Phaser.Scene;
  private readonly paths: ShimmerPath[];
  private readonly pool: Phaser.GameObjects.Image[] = [];
  private readonly steps: number[];
  private used = 0;
  private width = 0;
  private alpha = 0;
  private readonly place = (x1: number, y1: number, x2: number, y2: number): void => {
    const length = Math.hypot(x2 - x1, y2 - y1);
    if (length < 0.05) return;
    let dash = this.pool[this.used];
    if (!dash) {
      dash = this.scene.add.image(0, 0, DASH_TEXTURE).setDepth(DEPTH.ambient);
      this.pool.push(dash);
    }
    this.used += 1;
    dash
      .setPosition((x1 + x2) / 2, (y1 + y2) / 2)
      .setRotation(Math.atan2(y2 - y1, x2 - x1))
      .setDisplaySize(length, this.width)
      .setAlpha(this.alpha)
      .setVisible(true);
  };

  constructor(scene: Phaser.Scene, paths: ShimmerPath[]) {
    this.scene = scene;
    this.paths = paths;
    this.steps = paths.map(() => Number.NaN);
    if (!scene.textures.exists(DASH_TEXTURE)) {
      const texture = scene.textures.createCanvas(DASH_TEXTURE, 4, 4);
      if (texture) {
        texture.context.fillStyle = css(SHIMMER);
        texture.context.fillRect(0, 0, 4, 4);
        texture.refresh();
      }
    }
  }

  private step(path: ShimmerPath, time: number, zoom: number): number {
    return Math.floor(time * path.speed * zoom);
  }

  /** Whether the shimmer at `time` would differ on screen from what is drawn. */
  due(time: number, zoom: number): boolean {
    for (let i = 0; i < this.paths.length; i++) {
      if (this.step(this.paths[i] as ShimmerPath, time, zoom) !== this.steps[i]) return true;
    }
    return false;
  }

  /** Places the dashes for `time`; returns whether anything moved. */
  update(time: number, zoom: number): boolean {
    if (!this.due(time, zoom)) return false;
    this.used = 0;
    for (let i = 0; i < this.paths.length; i++) {
      const path = this.paths[i] as ShimmerPath;
      const step = this.step(path, time, zoom);
      this.steps[i] = step;
      this.width = path.width;
      this.alpha = path.alpha;
      forEachDash(path.pts, path.dash, path.gap, step / zoom, false, this.place);
    }
    for (let i = this.used; i < this.pool.length; i++) this.pool[i]?.setVisible(false);
    return true;
  }

  clear(): void {
    for (const dash of this.pool) dash.setVisible(false);
    this.steps.fill(Number.NaN);
  }

  destroy(): void {
    for (const dash of this.pool) dash.destroy();
    this.pool.length = 0;
  }
}

export class TerritoryLayer {
  readonly transform: MapTransform;
  readonly zones: ZoneShape[] = [];
  private readonly ground: BakedImage;
  private readonly labels: LabelLayer;
  private readonly shimmer: Shimmer;

  constructor(scene: Phaser.Scene, model: MapViewModel, zoom: number) {
    const territory = model.territory;
    const t = fitTransform(territory.width, territory.height, MAP_BOX);
    this.transform = t;

    for (const zone of territory.zones) {
      const poly = toWorld(t, zone.polygon);
      this.zones.push({ id: zone.id, kind: zone.kind, poly, anchor: labelPoint(poly), labelHalf: { width: 0, height: 0 } });
    }
    const features = territory.features.map((f) => ({ kind: f.kind, pts: toWorld(t, f.points) }));

    // The ground never changes while the territory stays: it is baked once into a texture, so
    // each frame draws one image instead of re-tessellating every polygon and dash.
    const pad = 4;
    const box = { x: t.ox - pad, y: t.oy - pad, width: t.width + 2 * pad, height: t.height + 2 * pad };
    this.ground = new BakedImage(scene, box, DEPTH.zones, zoom, (ctx) => {
      ctx.fillStyle = BACKGROUND;
      ctx.fillRect(box.x, box.y, box.width, box.height);
      ctx.fillStyle = css(SEA);
      ctx.fillRect(t.ox, t.oy, t.width, t.height);
      ctx.lineJoin = 'round';
      for (const zone of this.zones) {
        const fill = ZONE_COLOURS[zone.kind] ?? ZONE_FALLBACK;
        tracePolyline(ctx, zone.poly, true);
        ctx.fillStyle = css(fill);
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = css(darken(fill));
        ctx.stroke();
      }
      ctx.lineWidth = 2;
      ctx.strokeStyle = css(SEA_EDGE);
      ctx.strokeRect(t.ox, t.oy, t.width, t.height);

      for (const kind of ['dune', 'coastline', 'river', 'road', 'rail'] as const) {
        for (const { pts } of features.filter((f) => f.kind === kind)) {
          switch (kind) {
            case 'dune':
              strokeRound(ctx, pts, FEATURE_STYLE.dune.width, FEATURE_STYLE.dune.colour);
              strokeDashed(ctx, pts, 1.5, darken(FEATURE_STYLE.dune.colour, 0.8), 3, 7);
              break;
            case 'coastline':
              strokeRound(ctx, pts, FEATURE_STYLE.coastline.width, FEATURE_STYLE.coastline.colour);
              break;
            case 'river':
              strokeRound(ctx, pts, FEATURE_STYLE.river.casingWidth, FEATURE_STYLE.river.casing);
              strokeRound(ctx, pts, FEATURE_STYLE.river.width, FEATURE_STYLE.river.colour);
              break;
            case 'road':
              strokeRound(ctx, pts, FEATURE_STYLE.road.casingWidth, FEATURE_STYLE.road.casing);
              strokeRound(ctx, pts, FEATURE_STYLE.road.width, FEATURE_STYLE.road.colour);
              break;
            case 'rail':
              ctx.lineJoin = 'miter';
              ctx.lineCap = 'butt';
              ctx.lineWidth = FEATURE_STYLE.rail.width + 2;
              ctx.strokeStyle = css(0xffffff, 0.7);
              tracePolyline(ctx, pts, false);
              ctx.stroke();
              strokeDashed(
                ctx,
                pts,
                FEATURE_STYLE.rail.width,
                FEATURE_STYLE.rail.colour,
                FEATURE_STYLE.rail.dash,
                FEATURE_STYLE.rail.gap,
              );
              break;
          }
        }
      }
    });

    const paths: ShimmerPath[] = [];
    for (const f of features) {
      if (f.kind === 'river') paths.push({ pts: f.pts, dash: 7, gap: 26, speed: 0.018, width: 2, alpha: 0.9 });
    }
    for (const f of features) {
      if (f.kind === 'coastline') paths.push({ pts: f.pts, dash: 5, gap: 30, speed: -0.008, width: 1, alpha: 0.55 });
    }
    this.shimmer = new Shimmer(scene, paths);

    const named = this.zones.filter((zone) => model.zoneNames[zone.id]);
    this.labels = new LabelLayer(
      scene,
      box,
      DEPTH.labels,
      zoom,
      named.map((zone) => ({
        anchor: zone.anchor,
        name: model.zoneNames[zone.id] ?? '',
        wrap: Math.max(80, Math.min(200, spanWidthAt(zone.poly, zone.anchor) * 0.85, bounds(zone.poly).width * 0.9)),
      })),
    );
    named.forEach((zone, i) => {
      zone.labelHalf = this.labels.halves[i] ?? zone.labelHalf;
    });
  }

  /** Bakes the ground again for a new camera zoom. */
  setZoom(zoom: number): void {
    this.ground.bake(zoom);
    this.labels.setZoom(zoom);
    this.shimmer.clear();
  }

  /** Redraws the ground texture (after a lost WebGL context came back). */
  rebake(): void {
    this.ground.bake();
    this.labels.rebake();
  }

  /** Whether the shimmer would move on screen at `time`. */
  ambientDue(time: number, zoom: number): boolean {
    return this.shimmer.due(time, zoom);
  }

  /** Slow shimmer moving down the rivers and along the shore; returns whether it moved. */
  animate(time: number, zoom: number): boolean {
    return this.shimmer.update(time, zoom);
  }

  clearAmbient(): void {
    this.shimmer.clear();
  }

  zonesOf(kinds: readonly string[]): ZoneShape[] {
    return this.zones.filter((z) => kinds.includes(z.kind));
  }

  destroy(): void {
    this.ground.destroy();
    this.shimmer.destroy();
    this.labels.destroy();
    this.zones.length = 0;
  }
}
