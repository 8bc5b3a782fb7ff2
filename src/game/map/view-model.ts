/**
 * What the Phaser map draws: plain, already-translated data computed by the
 * DOM layer from the session snapshot. The scenes hold no rule and no text of
 * their own; they only render this.
 */
import type { HAZARD_KINDS, IndicatorId, ScenarioFile } from '../../content/schema.ts';

export type HazardKind = (typeof HAZARD_KINDS)[number];
export type ShockAnimation = 'water' | 'fire' | 'heat' | 'closure' | 'wind';

export interface MapProject {
  id: string;
  /** Card id, and the translated card title for labels. */
  card: string;
  label: string;
  /** Zone of the territory where the project is drawn. */
  zone: string;
  built: boolean;
  pooled: boolean;
  /** Actor type of the card: decides the marker's shape. */
  actorType: string;
  /** The name of the team it is drawn for. */
  owner: string;
}

/** A commune of the territory, outlined on the map; `team` is the translated name of the team running it. */
export interface MapCommune {
  id: string;
  name: string;
  /** The team's name, or the translated words for a commune nobody plays. */
  team: string;
  played: boolean;
  zones: string[];
}

export interface MapViewModel {
  territory: ScenarioFile['territory'];
  /** Translated zone names, by zone id (territory names are { fr, en } in the data). */
  zoneNames: Record<string, string>;
  communes: MapCommune[];
  /** What the map names: each zone (the table, the seats), or each commune and its team (the projector). */
  labels: 'zones' | 'communes';
  /**
   * Smallest size, in CSS pixels as the canvas is shown, that any text on the map must reach
   * (0: the map's own sizes). The projector asks for 14, read from the back of a room.
   */
  minTextPx: number;
  /** Team whose territory is shown (teams play the same map; markers show this team's projects). */
  team: { id: string; name: string; index: number } | null;
  indicators: Record<IndicatorId, number>;
  /** Translated short labels of the gauges, in display order. */
  gauges: { id: IndicatorId; label: string }[];
  projects: MapProject[];
  /** The shock to animate; `id` changes for each new shock so it plays once. */
  /** `zones`: the zones it strikes head-on, outlined while the shock stands. */
  shock: { id: string; kind: HazardKind; animation: ShockAnimation; label: string; zones: string[] } | null;
  reducedMotion: boolean;
  paused: boolean;
}

export function animationFor(kind: HazardKind): ShockAnimation {
  switch (kind) {
    case 'flood':
    case 'erosion':
      return 'water';
    case 'fire':
      return 'fire';
    case 'heat':
    case 'drought':
      return 'heat';
    case 'storm':
      return 'wind';
    default:
      return 'closure';
  }
}

/** The map as seen by the DOM view: created once, updated with each snapshot. */
export interface MapHandle {
  update(model: MapViewModel): void;
  /** The renderer Phaser chose: 'webgl' or 'canvas'. */
  renderer(): 'webgl' | 'canvas';
  destroy(): void;
}
