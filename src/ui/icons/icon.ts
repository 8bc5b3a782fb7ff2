/**
 * icon(kind, id) draws one of the kit's pictograms as an inline <svg>. Beside a
 * text that says the same thing it is decorative (aria-hidden); with a label it
 * is an image with that name. An id without a drawing gets a neutral square,
 * never an error: a scenario may bring a hazard the kit has not drawn yet.
 */
import { svg } from '../svg.ts';
import { ACTOR_ICONS } from './actors.ts';
import { HAZARD_ICONS } from './hazards.ts';
import { LEVER_ICONS } from './levers.ts';
import { NEED_ICONS } from './needs.ts';
import { GENERIC, type IconDrawing } from './shapes.ts';

export type IconKind = 'need' | 'hazard' | 'actor' | 'lever';

const DRAWINGS: Readonly<Record<IconKind, Readonly<Record<string, IconDrawing>>>> = {
  need: NEED_ICONS,
  hazard: HAZARD_ICONS,
  actor: ACTOR_ICONS,
  lever: LEVER_ICONS,
};

export interface IconOptions {
  /** The icon's accessible name, when it stands for a word that is not written next to it. */
  label?: string;
  /** Width and height in CSS pixels (20 unless told); a stylesheet may set it instead. */
  size?: number;
}

/** The drawing of an id, or undefined when the kit has none for it. */
export function iconDrawing(kind: IconKind, id: string): IconDrawing | undefined {
  const drawings = DRAWINGS[kind];
  return drawings && Object.hasOwn(drawings, id) ? drawings[id] : undefined;
}

export function icon(kind: IconKind, id: string, options: IconOptions = {}): SVGSVGElement {
  const drawing = iconDrawing(kind, id);
  const size = options.size ?? 20;
  const label = options.label?.trim();
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: '0 0 24 24',
    width: size,
    height: size,
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    class: `icon icon-${kind}`,
    'data-icon': drawing ? `${kind}:${id}` : `${kind}:generic`,
    focusable: 'false',
  });
  if (label) {
    root.setAttribute('role', 'img');
    root.append(svg('title', {}, label));
  } else {
    root.setAttribute('aria-hidden', 'true');
  }
  for (const [tag, attrs] of drawing ?? GENERIC) root.append(svg(tag, attrs));
  return root;
}
