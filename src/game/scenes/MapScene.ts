import * as Phaser from 'phaser';
import { GaugePanel } from '../draw/gauges.ts';
import { markerSlots, type Vec } from '../draw/geometry.ts';
import { drawMarker } from '../draw/markers.ts';
import { GAME_HEIGHT, GAME_WIDTH } from '../draw/palette.ts';
import { ShockPlayer } from '../draw/shocks.ts';
import { DEPTH, TerritoryLayer } from '../draw/territory.ts';
import type { MapProject, MapViewModel } from '../view-model.ts';
import { FIRST_FRAME_EVENT, MODEL_KEY, SCENES } from './keys.ts';

interface Marker {
  g: Phaser.GameObjects.Graphics;
  look: string;
  built: boolean;
}

const MARKER_SPACING = 44;

/**
 * The territory map. It renders the MapViewModel found in the game registry
 * and re-renders whenever startMap's update() replaces it; it holds no rule
 * and no text of its own.
 */
export class MapScene extends Phaser.Scene {
  private model: MapViewModel | null = null;
  private territory: TerritoryLayer | null = null;
  private territoryKey = '';
  private gaugePanel: GaugePanel | null = null;
  private shockPlayer: ShockPlayer | null = null;
  private veil: Phaser.GameObjects.Rectangle | null = null;
  private readonly projectMarkers = new Map<string, Marker>();
  private lastShockId: string | null = null;
  private firstFrame = false;
  private playingInMotion = false;

  constructor() {
    super(SCENES.map);
  }

  create(): void {
    this.gaugePanel = new GaugePanel(this);
    this.shockPlayer = new ShockPlayer(this);
    this.veil = this.add
      .rectangle(0, 0, GAME_WIDTH, GAME_HEIGHT, 0x101820, 0.45)
      .setOrigin(0)
      .setDepth(DEPTH.dim)
      .setVisible(false);

    const onModel = (_parent: unknown, value: MapViewModel) => this.apply(value, false);
    this.registry.events.on(`changedata-${MODEL_KEY}`, onModel);
    // A restored WebGL context comes back with empty textures: redraw the baked ground.
    const onRestore = () => {
      this.territoryKey = '';
      if (this.model) this.apply(this.model, true);
    };
    this.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, onRestore);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.renderer.off(Phaser.Renderer.Events.RESTORE_WEBGL, onRestore);
      this.registry.events.off(`changedata-${MODEL_KEY}`, onModel);
      this.shockPlayer?.stop();
    });

    const model = this.registry.get(MODEL_KEY) as MapViewModel | undefined;
    if (model) this.apply(model, true);
  }

  override update(time: number, delta: number): void {
    if (!this.firstFrame) {
      this.firstFrame = true;
      this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.game.events.emit(FIRST_FRAME_EVENT));
    }
    const model = this.model;
    if (!model) return;
    if (!model.reducedMotion && !model.paused) this.territory?.animate(time);
    this.gaugePanel?.tick(delta);
  }

  private apply(model: MapViewModel, first: boolean): void {
    this.model = model;
    const key = JSON.stringify([model.territory, model.zoneNames]);
    if (key !== this.territoryKey || !this.territory) {
      this.territoryKey = key;
      this.shockPlayer?.stop();
      this.territory?.destroy();
      for (const marker of this.projectMarkers.values()) marker.g.destroy();
      this.projectMarkers.clear();
      this.territory = new TerritoryLayer(this, model);
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

    this.gaugePanel?.set(model, first || model.reducedMotion);
    this.syncMarkers(model.projects, !first && !model.reducedMotion);
    this.veil?.setVisible(model.paused);

    const shock = model.shock;
    if (shock && shock.id !== this.lastShockId) {
      this.lastShockId = shock.id;
      this.shockPlayer?.play(shock, model.reducedMotion, this.territory);
      this.playingInMotion = !model.reducedMotion;
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
    for (const [zoneId, list] of byZone) {
      const zone = territory.zones.find((z) => z.id === zoneId);
      const centre: Vec = { x: t.ox + t.width / 2, y: t.oy + t.height / 2 };
      const slots = zone
        ? markerSlots(zone.poly, zone.anchor, zone.labelHalf, list.length, MARKER_SPACING)
        : markerSlots([], centre, { width: 0, height: 0 }, list.length, MARKER_SPACING);
      list.forEach((project, i) => {
        const slot = slots[i] ?? centre;
        seen.add(project.id);
        const look = `${project.actorType}|${project.built}|${project.pooled}`;
        let marker = this.projectMarkers.get(project.id);
        const becameBuilt = project.built && !marker?.built;
        if (!marker) {
          marker = { g: this.add.graphics().setDepth(DEPTH.markers), look: '', built: false };
          this.projectMarkers.set(project.id, marker);
        }
        if (marker.look !== look) {
          drawMarker(marker.g, project.actorType, project.built, project.pooled);
          marker.look = look;
        }
        marker.built = project.built;
        marker.g.setPosition(slot.x, slot.y);
        if (becameBuilt && animate) {
          this.tweens.killTweensOf(marker.g);
          marker.g.setScale(0.15);
          this.tweens.add({ targets: marker.g, scale: 1, duration: 450, ease: 'Back.easeOut' });
        }
      });
    }
    for (const [id, marker] of this.projectMarkers) {
      if (seen.has(id)) continue;
      this.tweens.killTweensOf(marker.g);
      marker.g.destroy();
      this.projectMarkers.delete(id);
    }
  }
}
