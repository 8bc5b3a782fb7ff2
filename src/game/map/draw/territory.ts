/** Zones, linear features, zone names and the ambient river shimmer. */
import type * as Phaser from 'phaser';
import type { MapViewModel } from '../view-model.ts';
import { BakedImage } from './bake.ts';
import {
  bounds,
  fitTransform,
  forEachDash,
  labelPoint,
  type MapTransform,
  polygonArea,
  spanWidthAt,
  toWorld,
  type Vec,
} from './geometry.ts';
import { LABEL_SIZE, LabelLayer, type ZoneLabel } from './labels.ts';
import { groupOutline } from './outline.ts';
import {
  BACKGROUND,
  COMMUNE_LINE,
  css,
  darken,
  FEATURE_STYLE,
  MAP_BOX,
  SEA,
  SEA_EDGE,
  ZONE_COLOURS,
  ZONE_FALLBACK,
} from './palette.ts';
import { Shimmer, type ShimmerPath } from './shimmer.ts';

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

export class TerritoryLayer {
  readonly transform: MapTransform;
  readonly zones: ZoneShape[] = [];
  private readonly ground: BakedImage;
  private readonly labels: LabelLayer;
  private readonly shimmer: Shimmer;

  /** The names' size, in map units. */
  readonly textSize: number;

  constructor(scene: Phaser.Scene, model: MapViewModel, zoom: number, textSize = LABEL_SIZE) {
    this.textSize = textSize;
    const territory = model.territory;
    const t = fitTransform(territory.width, territory.height, MAP_BOX);
    this.transform = t;

    for (const zone of territory.zones) {
      const poly = toWorld(t, zone.polygon);
      this.zones.push({ id: zone.id, kind: zone.kind, poly, anchor: labelPoint(poly), labelHalf: { width: 0, height: 0 } });
    }
    const features = territory.features.map((f) => ({ kind: f.kind, pts: toWorld(t, f.points) }));
    const outlines = model.communes.map((commune) => ({
      played: commune.played,
      segments: groupOutline(this.zones.filter((z) => commune.zones.includes(z.id)).map((z) => z.poly)),
    }));

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
      // Each commune outlined over the roads and rivers: a team's in a solid line, a neutral one dashed.
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      for (const { played, segments } of outlines) {
        const trace = () => {
          ctx.beginPath();
          for (const [x1, y1, x2, y2] of segments) {
            ctx.moveTo(x1 as number, y1 as number);
            ctx.lineTo(x2 as number, y2 as number);
          }
        };
        ctx.setLineDash([]);
        ctx.lineWidth = played ? 7 : 5;
        ctx.strokeStyle = css(0xffffff, 0.85);
        trace();
        ctx.stroke();
        ctx.setLineDash(played ? [] : [8, 6]);
        ctx.lineWidth = played ? 3.5 : 2;
        ctx.strokeStyle = css(COMMUNE_LINE);
        trace();
        ctx.stroke();
      }
      ctx.setLineDash([]);
    });

    const paths: ShimmerPath[] = [];
    for (const f of features) {
      if (f.kind === 'river') paths.push({ pts: f.pts, dash: 7, gap: 26, speed: 0.018, width: 2, alpha: 0.9 });
    }
    for (const f of features) {
      if (f.kind === 'coastline') paths.push({ pts: f.pts, dash: 5, gap: 30, speed: -0.008, width: 1, alpha: 0.55 });
    }
    this.shimmer = new Shimmer(scene, paths, DEPTH.ambient);

    // Larger names get room to match: wrapping widths grow with the type.
    const grow = textSize / LABEL_SIZE;
    const wrapIn = (zone: ZoneShape, least: number, most: number) =>
      Math.max(least, Math.min(most, spanWidthAt(zone.poly, zone.anchor) * 0.85, bounds(zone.poly).width * 0.9)) * grow;
    // The projector names each commune (and its team) in its largest zone; the other faces name every zone.
    const named: { zone: ZoneShape; label: ZoneLabel }[] =
      model.labels === 'communes'
        ? model.communes.flatMap((commune) => {
            const zone = this.zones
              .filter((z) => commune.zones.includes(z.id))
              .sort((a, b) => Math.abs(polygonArea(b.poly)) - Math.abs(polygonArea(a.poly)))[0];
            return zone
              ? [{ zone, label: { anchor: zone.anchor, name: commune.name, sub: commune.team, wrap: wrapIn(zone, 100, 240) } }]
              : [];
          })
        : this.zones
            .filter((zone) => model.zoneNames[zone.id])
            .map((zone) => ({
              zone,
              label: { anchor: zone.anchor, name: model.zoneNames[zone.id] ?? '', wrap: wrapIn(zone, 80, 200) },
            }));
    this.labels = new LabelLayer(
      scene,
      box,
      DEPTH.labels,
      zoom,
      named.map((n) => n.label),
      textSize,
    );
    named.forEach(({ zone }, i) => {
      zone.labelHalf = this.labels.halves[i] ?? zone.labelHalf;
      zone.anchor = this.labels.anchors[i] ?? zone.anchor;
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
