/**
 * Layout, colours and text styles of the map. Original art: flat, calm colours
 * with a darker outline, chosen for contrast with dark text and a light halo.
 */

/** Logical size of the canvas (16:10): the map on the left, the gauge strip on the right. */
export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 800;

/** Box the territory is fitted into (its logical size is at most 1000 x 640). */
export const MAP_BOX = { x: 16, y: 80, width: 1000, height: 640 } as const;
/** Gauge strip, aligned with the map box. */
export const PANEL_BOX = { x: 1032, y: 80, width: 232, height: 640 } as const;

export const BACKGROUND = '#eef1f4';
export const SEA = 0xbcd8e8;
export const SEA_EDGE = 0x7fa9c4;

export const ZONE_COLOURS: Record<string, number> = {
  forest: 0x3f7a4c,
  farmland: 0xdfe6ad,
  vineyard: 0xb59ac6,
  wetland: 0x84c4b6,
  coast: 0xeedcaa,
  estuary: 0xa9d2ea,
  town: 0xc8b9a9,
  village: 0xdcd6ce,
  industrial: 0x8d99a8,
};
export const ZONE_FALLBACK = 0xd9d9d9;

export const FEATURE_STYLE = {
  river: { width: 6, colour: 0x3f86c0, casing: 0xe6f2fa, casingWidth: 9 },
  road: { width: 3.5, colour: 0x7b8289, casing: 0xf7f5ef, casingWidth: 6.5 },
  rail: { width: 2.5, colour: 0x2f3337, dash: 9, gap: 6 },
  coastline: { width: 2.5, colour: 0x1e4f7a },
  dune: { width: 5, colour: 0xcfa55c },
} as const;

export const SHIMMER = 0xeaf6ff;

/** A commune's outline. */
export const COMMUNE_LINE = 0x1c252d;

/** Marker fill colour per actor type (the shape carries the same information). */
export const ACTOR_COLOURS: Record<string, number> = {
  association: 0xe2704f,
  cooperative: 0x2f6fd6,
  scic: 0x2f6fd6,
  ptce: 0xf2b705,
  cress: 0xf2b705,
  tzcld: 0x9448b8,
  'social-enterprise': 0x9448b8,
  'local-authority': 0x11867a,
};
export const ACTOR_FALLBACK = 0x777777;
export const MARKER_OUTLINE = 0x1d2327;
export const HALO = 0xffffff;

export const GAUGE_RED = 0xd23f3f;
export const GAUGE_AMBER = 0xe39a1e;
export const GAUGE_GREEN = 0x3c9a5b;
export const GAUGE_TRACK = 0xe3e7eb;

export const INK = '#1c252d';
export const INK_NUM = 0x1c252d;
export const PANEL_FILL = 0xffffff;
export const PANEL_BORDER = 0xc5cdd5;

export const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Darker shade of a colour, for outlines. */
export function darken(colour: number, factor = 0.68): number {
  const r = Math.round(((colour >> 16) & 0xff) * factor);
  const g = Math.round(((colour >> 8) & 0xff) * factor);
  const b = Math.round((colour & 0xff) * factor);
  return (r << 16) | (g << 8) | b;
}

export function gaugeColour(value: number): number {
  if (value < 30) return GAUGE_RED;
  if (value < 50) return GAUGE_AMBER;
  return GAUGE_GREEN;
}

/** A colour as CSS, for the map's Canvas 2D bakes. */
export function css(colour: number, alpha = 1): string {
  const r = (colour >> 16) & 0xff;
  const g = (colour >> 8) & 0xff;
  const b = colour & 0xff;
  return alpha >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}
