/** Project markers: the shape tells the actor type, the outline tells built / planned, a double ring tells pooled. */
import type * as Phaser from 'phaser';
import { dashSegments, type Vec } from './geometry.ts';
import { ACTOR_COLOURS, ACTOR_FALLBACK, darken, HALO, MARKER_OUTLINE } from './palette.ts';
import { asPoints } from './points.ts';

export type MarkerShape = 'circle' | 'hexagon' | 'star' | 'square' | 'triangle';

export const MARKER_RADIUS = 11;

/** Side of a marker texture: room for the widest look (pooled halo) and its outline. */
const MARKER_TEXTURE_SIZE = 56;

export function shapeFor(actorType: string): MarkerShape {
  switch (actorType) {
    case 'cooperative':
    case 'scic':
      return 'hexagon';
    case 'ptce':
    case 'cress':
      return 'star';
    case 'tzcld':
    case 'social-enterprise':
      return 'square';
    case 'local-authority':
      return 'triangle';
    default:
      return 'circle';
  }
}

function regular(count: number, radius: number, startDeg: number, dy = 0): Vec[] {
  const pts: Vec[] = [];
  for (let i = 0; i < count; i++) {
    const a = ((startDeg + (360 / count) * i) * Math.PI) / 180;
    pts.push({ x: Math.cos(a) * radius, y: Math.sin(a) * radius + dy });
  }
  return pts;
}

export function shapePoints(shape: MarkerShape, r: number): Vec[] {
  switch (shape) {
    case 'hexagon':
      return regular(6, r * 1.08, -90);
    case 'star': {
      const pts: Vec[] = [];
      for (let i = 0; i < 10; i++) {
        const a = ((-90 + 36 * i) * Math.PI) / 180;
        const rad = i % 2 === 0 ? r * 1.35 : r * 0.6;
        pts.push({ x: Math.cos(a) * rad, y: Math.sin(a) * rad + r * 0.08 });
      }
      return pts;
    }
    case 'square': {
      const h = r * 0.88;
      return [
        { x: -h, y: -h },
        { x: h, y: -h },
        { x: h, y: h },
        { x: -h, y: h },
      ];
    }
    case 'triangle':
      return regular(3, r * 1.3, -90, r * 0.18);
    default:
      return regular(28, r, 0);
  }
}

function dashedOutline(g: Phaser.GameObjects.Graphics, pts: Vec[], width: number, colour: number): void {
  g.lineStyle(width, colour, 1);
  for (const [x1, y1, x2, y2] of dashSegments(pts, 4, 3, 0, true))
    g.lineBetween(x1 as number, y1 as number, x2 as number, y2 as number);
}

/**
 * Key of the texture of one marker look, drawn once (with the Canvas API, so its edges are
 * antialiased) the first time a project needs it; markers are then plain Images.
 */
export function markerTexture(scene: Phaser.Scene, actorType: string, built: boolean, pooled: boolean): string {
  const colour = ACTOR_COLOURS[actorType] ?? ACTOR_FALLBACK;
  const key = `map-marker-${shapeFor(actorType)}-${colour.toString(16)}-${built ? 'built' : 'planned'}${pooled ? '-pooled' : ''}`;
  if (!scene.textures.exists(key)) {
    const g = scene.make.graphics({}, false);
    g.translateCanvas(MARKER_TEXTURE_SIZE / 2, MARKER_TEXTURE_SIZE / 2);
    drawMarker(g, actorType, built, pooled);
    g.generateTexture(key, MARKER_TEXTURE_SIZE, MARKER_TEXTURE_SIZE);
    g.destroy();
  }
  return key;
}

/** Draws one marker centred on the Graphics' origin (so it can be scaled in place). */
export function drawMarker(g: Phaser.GameObjects.Graphics, actorType: string, built: boolean, pooled: boolean): void {
  const r = MARKER_RADIUS;
  const colour = ACTOR_COLOURS[actorType] ?? ACTOR_FALLBACK;
  const pts = shapePoints(shapeFor(actorType), r);
  const ringRadius = r + 6;
  if (pooled) {
    g.fillStyle(HALO, built ? 0.9 : 0.6);
    g.fillCircle(0, 0, ringRadius + 6);
  }
  if (built) {
    g.lineStyle(5, HALO, 0.95);
    g.strokePoints(asPoints(pts), true, true);
    g.fillStyle(colour, 1);
    g.fillPoints(asPoints(pts), true, true);
    g.lineStyle(2, MARKER_OUTLINE, 1);
    g.strokePoints(asPoints(pts), true, true);
  } else {
    g.fillStyle(HALO, 0.78);
    g.fillPoints(asPoints(pts), true, true);
    dashedOutline(g, pts, 2.2, darken(colour, 0.75));
  }
  if (pooled) {
    const rings = [ringRadius, ringRadius + 3.5];
    for (const rad of rings) {
      const circle = shapePoints('circle', rad);
      if (built) {
        g.lineStyle(1.6, MARKER_OUTLINE, 1);
        g.strokePoints(asPoints(circle), true, true);
      } else {
        dashedOutline(g, circle, 1.4, MARKER_OUTLINE);
      }
    }
  }
}
