import * as Phaser from 'phaser';
import { GaugePanel } from '../draw/gauges.ts';
import { markerSlots, type Vec } from '../draw/geometry.ts';
import { LABEL_SIZE } from '../draw/labels.ts';
import { markerTexture } from '../draw/markers.ts';
import { GAME_HEIGHT, GAME_WIDTH } from '../draw/palette.ts';
import { ShockPlayer } from '../draw/shocks.ts';
import { StrikeOutline } from '../draw/strike.ts';
import { DEPTH, TerritoryLayer } from '../draw/territory.ts';
import type { MapProject, MapViewModel } from '../view-model.ts';
import { OnDemandGame } from './frames.ts';
import { FIRST_FRAME_EVENT, MODEL_KEY, SCENES, TEXT_SIZE_EVENT } from './keys.ts';

interface Marker {
  image: Phaser.GameObjects.Image;
  look: string;
  built: boolean;
}

const MARKER_SPACING = 44;
/** Markers grow with the names on the projector, up to half as large again. */
const MARKER_GROWTH = 1.5;

/**
 * The territory map. It renders the MapViewModel found in the game registry
 * and re-renders whenever startMap's update() replaces it; it holds no rule
 * and no text of its own.
 *
 * The scene is laid out in logical units (GAME_WIDTH x GAME_HEIGHT); the
 * camera zooms it onto the canvas, whose size follows the size it is shown at.
 * A frame is drawn only when something on it changes (see OnDemandGame).
 */
export class MapScene extends Phaser.Scene {
  private model: MapViewModel | null = null;
  private territory: TerritoryLayer | null = null;
  private territoryKey = '';
  private gaugePanel: GaugePanel | null = null;
  private shockPlayer: ShockPlayer | null = null;
  private strike: StrikeOutline | null = null;
  /** Size of the map's names in map units: larger when the model asks for a least size on screen. */
  private textSize = LABEL_SIZE;
  private reportedText = 0;
  private veil: Phaser.GameObjects.Rectangle | null = null;
  private readonly projectMarkers = new Map<string, Marker>();
  private lastShockId: string | null = null;
  private updated = false;
  private firstFrame = false;
  private playingInMotion = false;
  /** Canvas pixels per logical pixel. */
  private zoom = 1;
  /** Something changed that the next frame must show. */
  private dirty = true;

  constructor() {
    super(SCENES.map);
  }

  create(): void {
    this.fitCamera();
    this.gaugePanel = new GaugePanel(this, this.zoom);
    this.shockPlayer = new ShockPlayer(this, () => {
      this.dirty = true;
    });
    this.strike = new StrikeOutline(this);
    this.veil = this.add
      .rectangle(0, 0, GAME_WIDTH, GAME_HEIGHT, 0x101820, 0.45)
      .setOrigin(0)
      .setDepth(DEPTH.dim)
      .setVisible(false);

    const onModel = (_parent: unknown, value: MapViewModel) => this.apply(value, false);
    this.registry.events.on(`changedata-${MODEL_KEY}`, onModel);
    // A restored WebGL context: draw the baked textures again and everything on them.
    const onRestore = () => {
      this.territoryKey = '';
      this.gaugePanel?.rebake();
      if (this.model) this.apply(this.model, true);
      this.dirty = true;
    };
    this.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, onRestore);
    const onResize = () => this.fitCamera();
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    const onRendered = (renderer: unknown) => {
      // Headless steps (no frame drawn) report a null renderer.
      if (!renderer || !this.updated) return;
      this.dirty = false;
      if (!this.firstFrame) {
        this.firstFrame = true;
        this.game.events.emit(FIRST_FRAME_EVENT);
      }
    };
    this.game.events.on(Phaser.Core.Events.POST_RENDER, onRendered);
    const game = this.game;
    if (game instanceof OnDemandGame) game.frameCheck = (time) => this.needsFrame(time);

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      if (game instanceof OnDemandGame) game.frameCheck = null;
      this.game.events.off(Phaser.Core.Events.POST_RENDER, onRendered);
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      this.renderer.off(Phaser.Renderer.Events.RESTORE_WEBGL, onRestore);
      this.registry.events.off(`changedata-${MODEL_KEY}`, onModel);
      this.shockPlayer?.stop();
      this.strike?.hide();
    });

    const model = this.registry.get(MODEL_KEY) as MapViewModel | undefined;
    if (model) this.apply(model, true);
  }

  /** Zooms the camera so the logical layout fills the canvas, and redraws the baked textures at that zoom. */
  private fitCamera(): void {
    const width = this.scale.width;
    const height = this.scale.height;
    const zoom = Math.min(width / GAME_WIDTH, height / GAME_HEIGHT);
    const camera = this.cameras.main;
    camera
      .setSize(width, height)
      .setZoom(zoom)
      .centerOn(GAME_WIDTH / 2, GAME_HEIGHT / 2);
    if (zoom !== this.zoom) {
      this.zoom = zoom;
      this.territory?.setZoom(zoom);
      this.gaugePanel?.setZoom(zoom);
    }
    this.dirty = true;
    // Shown at another size, the names may need another size to stay as large on screen.
    if (this.model && this.territory && this.wantedTextSize(this.model) !== this.textSize) {
      this.territoryKey = '';
      this.apply(this.model, false);
    } else {
      this.reportText();
    }
  }

  /** CSS pixels per map unit, as the canvas is shown on the page. */
  private cssPerUnit(): number {
    const shown = this.scale.displaySize.width;
    const width = this.scale.width;
    return shown > 0 && width > 0 ? this.zoom * (shown / width) : this.zoom;
  }

  /** The names' size in map units for the model's least size on screen, rounded up to a quarter unit. */
  private wantedTextSize(model: MapViewModel): number {
    if (model.minTextPx <= 0) return LABEL_SIZE;
    return Math.max(LABEL_SIZE, Math.ceil((model.minTextPx / this.cssPerUnit()) * 4) / 4);
  }

  /** Tells the page the smallest text on the map, in CSS pixels as shown (what a test or an audit reads). */
  private reportText(): void {
    if (!this.territory || !this.gaugePanel) return;
    const px = Math.min(this.territory.textSize, this.gaugePanel.smallestText) * this.cssPerUnit();
    if (Math.abs(px - this.reportedText) < 0.01) return;
    this.reportedText = px;
    this.game.events.emit(TEXT_SIZE_EVENT, px);
  }

  /** Whether a frame at `time` would differ from the one on screen. */
  private needsFrame(time: number): boolean {
    if (this.dirty || !this.updated) return true;
    if (this.shockPlayer?.moving || this.tweens.tweens.length > 0 || this.gaugePanel?.moving) return true;
    const model = this.model;
    return !!model && !model.reducedMotion && !model.paused && !!this.territory?.ambientDue(time, this.zoom);
  }

  override update(time: number, delta: number): void {
    this.updated = true;
    const model = this.model;
    if (!model) return;
    let changed = false;
    if (!model.reducedMotion && !model.paused && this.territory?.animate(time, this.zoom)) changed = true;
    if (this.gaugePanel?.tick(delta)) changed = true;
    // Normally foreseen by needsFrame; if not, the next step draws it.
    if (changed) this.dirty = true;
  }

  private apply(model: MapViewModel, first: boolean): void {
    this.model = model;
    this.dirty = true;
    this.textSize = this.wantedTextSize(model);
    const key = JSON.stringify([model.territory, model.zoneNames, model.communes, model.labels, this.textSize]);
    if (key !== this.territoryKey || !this.territory) {
      this.territoryKey = key;
      this.shockPlayer?.stop();
      this.territory?.destroy();
      for (const marker of this.projectMarkers.values()) marker.image.destroy();
      this.projectMarkers.clear();
      this.territory = new TerritoryLayer(this, model, this.zoom, this.textSize);
      first = true;
    }
    if (model.reducedMotion) {
      this.territory.clearAmbient();
      // Motion switched off mid-shock: stop moving at once rather than finish the animation.
      if (this.playingInMotion) {
        this.shockPlayer?.stop();
        this.playingInMotion = false;
      }
    }

    this.gaugePanel?.setTextSize(model.minTextPx > 0 ? this.textSize : 0);
    this.gaugePanel?.set(model, first || model.reducedMotion);
    this.reportText();
    this.syncMarkers(model.projects, !first && !model.reducedMotion);
    this.veil?.setVisible(model.paused);

    const shock = model.shock;
    if (shock && shock.id !== this.lastShockId) {
      this.lastShockId = shock.id;
      this.shockPlayer?.play(shock, model.reducedMotion, this.territory, this.textSize);
      this.playingInMotion = !model.reducedMotion;
    }
    if (shock) {
      const struck = this.territory.zones.filter((z) => shock.zones.includes(z.id)).map((z) => z.poly);
      this.strike?.show(shock.id, struck, model.reducedMotion);
      if (model.reducedMotion) this.strike?.still();
    } else {
      this.strike?.hide();
    }
  }

  private syncMarkers(projects: MapProject[], animate: boolean): void {
    const territory = this.territory;
    if (!territory) return;
    const byZone = new Map<string, MapProject[]>();
    for (const p of projects) {
      const list = byZone.get(p.zone) ?? [];
      list.push(p);
      byZone.set(p.zone, list);
    }
    const seen = new Set<string>();
    const t = territory.transform;
    const scale = Math.min(MARKER_GROWTH, this.textSize / LABEL_SIZE);
    for (const [zoneId, list] of byZone) {
      const zone = territory.zones.find((z) => z.id === zoneId);
      const centre: Vec = { x: t.ox + t.width / 2, y: t.oy + t.height / 2 };
      const slots = zone
        ? markerSlots(zone.poly, zone.anchor, zone.labelHalf, list.length, MARKER_SPACING * scale)
        : markerSlots([], centre, { width: 0, height: 0 }, list.length, MARKER_SPACING * scale);
      list.forEach((project, i) => {
        const slot = slots[i] ?? centre;
        seen.add(project.id);
        const look = markerTexture(this, project.actorType, project.built, project.pooled);
        let marker = this.projectMarkers.get(project.id);
        const becameBuilt = project.built && !marker?.built;
        if (!marker) {
          marker = { image: this.add.image(slot.x, slot.y, look).setDepth(DEPTH.markers).setScale(scale), look, built: false };
          this.projectMarkers.set(project.id, marker);
        }
        if (marker.look !== look) {
          marker.image.setTexture(look);
          marker.look = look;
        }
        marker.built = project.built;
        marker.image.setPosition(slot.x, slot.y);
        if (becameBuilt && animate) {
          this.tweens.killTweensOf(marker.image);
          marker.image.setScale(0.15 * scale);
          this.tweens.add({ targets: marker.image, scale, duration: 450, ease: 'Back.easeOut' });
        } else if (!this.tweens.isTweening(marker.image)) {
          marker.image.setScale(scale);
        }
      });
    }
    for (const [id, marker] of this.projectMarkers) {
      if (seen.has(id)) continue;
      this.tweens.killTweensOf(marker.image);
      marker.image.destroy();
      this.projectMarkers.delete(id);
    }
  }
}
