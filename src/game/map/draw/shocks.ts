/**
 * Shock animations: water, fire, heat, wind and closure, each over ~3 s with the
 * shock's label as a banner. With reduced motion: a static tinted overlay and
 * the banner, removed after the same time. Nothing here is interactive, so
 * nothing can block input.
 */
import type * as Phaser from 'phaser';
import type { MapViewModel } from '../view-model.ts';
import { type Box, polygonSampler, type Vec } from './geometry.ts';
import { FONT } from './palette.ts';
import { asPoints } from './points.ts';
import { DEPTH, type TerritoryLayer } from './territory.ts';

type Shock = NonNullable<MapViewModel['shock']>;

export const SHOCK_DURATION = 3000;
export const SOFT_TEXTURE = 'map-soft';
export const STREAK_TEXTURE = 'map-streak';

const WATER = 0x2f7fc4;
const FIRE = 0xff5a0a;
const HEAT = 0xff8a1e;
const WIND = 0x35566a;
const CLOSURE = 0x4d535a;

function easeOutCubic(t: number): number {
  return 1 - (1 - t) ** 3;
}

/** 1 until `start`, then down to 0 at `end`. */
function fadeOut(elapsed: number, start: number, end: number): number {
  if (elapsed <= start) return 1;
  return Math.max(0, 1 - (elapsed - start) / (end - start));
}

/** A soft round dot, white so particles can tint it. */
function softDot(scene: Phaser.Scene): void {
  if (scene.textures.exists(SOFT_TEXTURE)) return;
  const g = scene.make.graphics({}, false);
  for (let r = 16; r >= 2; r -= 2) {
    g.fillStyle(0xffffff, 0.3);
    g.fillCircle(16, 16, r);
  }
  g.generateTexture(SOFT_TEXTURE, 32, 32);
  g.destroy();
}

/** A short streak, brighter at its head, for wind. */
function streak(scene: Phaser.Scene): void {
  if (scene.textures.exists(STREAK_TEXTURE)) return;
  const g = scene.make.graphics({}, false);
  const length = 44;
  for (let x = 0; x < length; x += 4) {
    g.fillStyle(0xffffff, 0.15 + (0.85 * x) / length);
    g.fillRect(x, 1, 4, 3);
  }
  g.generateTexture(STREAK_TEXTURE, length, 5);
  g.destroy();
}

export class ShockPlayer {
  private readonly scene: Phaser.Scene;
  private readonly onStop: () => void;
  private objects: Phaser.GameObjects.GameObject[] = [];
  private listeners: ((time: number, delta: number) => void)[] = [];
  private timer: Phaser.Time.TimerEvent | null = null;
  private inMotion = false;

  /** `onStop` is told when an animation's objects are removed, so the map can draw a frame without them. */
  constructor(scene: Phaser.Scene, onStop: () => void = () => {}) {
    this.scene = scene;
    this.onStop = onStop;
  }

  get playing(): boolean {
    return this.objects.length > 0;
  }

  /** Whether an animation is moving (a still, reduced-motion overlay changes nothing between frames). */
  get moving(): boolean {
    return this.inMotion && this.objects.length > 0;
  }

  /** `textSize`: the map's names' size, which the banner's type keeps above. */
  play(shock: Shock, reducedMotion: boolean, territory: TerritoryLayer, textSize = 14): void {
    this.stop();
    this.inMotion = !reducedMotion;
    const t = territory.transform;
    const box: Box = { x: t.ox, y: t.oy, width: t.width, height: t.height };
    if (reducedMotion) this.still(shock, box, territory);
    else this.animate(shock, box, territory);
    this.banner(shock.label, box, reducedMotion, Math.max(22, Math.round(textSize * 1.3)));
    this.timer = this.scene.time.delayedCall(SHOCK_DURATION, () => this.stop());
  }

  stop(): void {
    this.timer?.remove(false);
    this.timer = null;
    for (const fn of this.listeners) this.scene.events.off('update', fn);
    this.listeners = [];
    const had = this.objects.length > 0;
    for (const o of this.objects) {
      this.scene.tweens.killTweensOf(o);
      o.destroy();
    }
    this.objects = [];
    if (had) this.onStop();
  }

  private keep<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.objects.push(o);
    return o;
  }

  /** Runs `fn(elapsed)` each frame until the shock ends. */
  private eachFrame(fn: (elapsed: number) => void): void {
    const start = this.scene.time.now;
    const listener = (time: number) => fn(time - start);
    this.listeners.push(listener);
    this.scene.events.on('update', listener);
    fn(0);
  }

  private areas(territory: TerritoryLayer, kinds: readonly string[]): Vec[][] {
    const zones = territory.zonesOf(kinds);
    return (zones.length > 0 ? zones : territory.zones).map((z) => z.poly);
  }

  private fillAreas(polys: Vec[][], colour: number, alpha: number, depth: number): Phaser.GameObjects.Graphics {
    const g = this.keep(this.scene.add.graphics().setDepth(depth));
    g.fillStyle(colour, alpha);
    for (const poly of polys) g.fillPoints(asPoints(poly), true, true);
    return g;
  }

  private still(shock: Shock, box: Box, territory: TerritoryLayer): void {
    const g = this.keep(this.scene.add.graphics().setDepth(DEPTH.shockUnder));
    switch (shock.animation) {
      case 'water': {
        const top = box.y + box.height * 0.55;
        g.fillStyle(WATER, 0.38);
        g.fillRect(box.x, top, box.width, box.y + box.height - top);
        g.lineStyle(2, 0xe8f4ff, 0.9);
        g.lineBetween(box.x, top, box.x + box.width, top);
        break;
      }
      case 'fire':
        this.fillAreas(this.areas(territory, ['forest']), FIRE, 0.5, DEPTH.shockUnder);
        break;
      case 'heat':
        g.fillStyle(HEAT, 0.22);
        g.fillRect(box.x, box.y, box.width, box.height);
        break;
      case 'wind':
        g.fillStyle(WIND, 0.12);
        g.fillRect(box.x, box.y, box.width, box.height);
        g.lineStyle(2.5, WIND, 0.55);
        for (let i = 0; i < 18; i++) {
          const x = box.x + 30 + ((i * 173) % (box.width - 120));
          const y = box.y + 25 + ((i * 97) % (box.height - 50));
          g.lineBetween(x, y, x + 46, y + 7);
        }
        break;
      default:
        this.fillAreas(this.areas(territory, ['town', 'industrial']), CLOSURE, 0.55, DEPTH.shockUnder);
        break;
    }
  }

  private animate(shock: Shock, box: Box, territory: TerritoryLayer): void {
    switch (shock.animation) {
      case 'water':
        this.water(box);
        break;
      case 'fire':
        this.fire(box, this.areas(territory, ['forest']));
        break;
      case 'heat':
        this.heat(box);
        break;
      case 'wind':
        this.wind(box);
        break;
      default:
        this.closure(this.areas(territory, ['town', 'industrial']));
        break;
    }
  }

  private water(box: Box): void {
    const g = this.keep(this.scene.add.graphics().setDepth(DEPTH.shockUnder));
    const bottom = box.y + box.height;
    // Two wave fronts, their points reused from frame to frame.
    const fronts = [
      { phase: 1.7, alpha: 0.22 },
      { phase: 0, alpha: 0.36 },
    ].map(({ phase, alpha }) => {
      const crest: Vec[] = [];
      for (let i = 0; i <= 64; i++) crest.push({ x: box.x + (box.width * i) / 64, y: bottom });
      const area = [...crest, { x: box.x + box.width, y: bottom }, { x: box.x, y: bottom }];
      return { phase, alpha, crest, area };
    });
    this.eachFrame((elapsed) => {
      const rise = easeOutCubic(Math.min(elapsed / 1300, 1));
      const fade = fadeOut(elapsed, 2300, SHOCK_DURATION - 50);
      const level = box.height * 0.45 * rise;
      g.clear();
      for (const { phase, alpha, crest, area } of fronts) {
        for (let i = 0; i <= 64; i++) {
          const x = (box.width * i) / 64;
          const y = bottom - level + Math.sin(x * 0.03 + elapsed * 0.005 + phase) * 6 * rise + phase * 4;
          (crest[i] as Vec).y = Math.min(y, bottom);
        }
        g.fillStyle(WATER, alpha * fade);
        g.fillPoints(asPoints(area), true, true);
        g.lineStyle(2, 0xeef7ff, 0.85 * fade);
        g.strokePoints(asPoints(crest), false, false);
      }
    });
  }

  private fire(box: Box, polys: Vec[][]): void {
    softDot(this.scene);
    const glow = this.fillAreas(polys, FIRE, 1, DEPTH.shockUnder);
    const sample = polygonSampler(polys);
    const flames = this.keep(
      this.scene.add.particles(0, 0, SOFT_TEXTURE, {
        emitZone: { type: 'random', source: { getRandomPoint: (p) => sample(p) } },
        lifespan: { min: 600, max: 1100 },
        speedX: { min: -12, max: 12 },
        speedY: { min: -90, max: -35 },
        scale: { start: 1.1, end: 0.25 },
        alpha: { start: 0.95, end: 0.15 },
        color: [0xffb52e, 0xff6a14, 0xd8301a, 0x8a2012],
        colorEase: 'linear',
        frequency: 24,
        quantity: 4,
        duration: 2200,
        deathZone: { type: 'onLeave', source: { contains: (x, y) => x >= box.x && x <= box.x + box.width && y >= box.y } },
      }),
    );
    flames.setDepth(DEPTH.shockOver);
    this.eachFrame((elapsed) => {
      const fade = fadeOut(elapsed, 2200, SHOCK_DURATION - 50);
      glow.setAlpha(
        (0.3 + 0.1 * Math.sin(elapsed * 0.025) + 0.06 * Math.sin(elapsed * 0.061)) * Math.min(elapsed / 300, 1) * fade,
      );
    });
  }

  private heat(box: Box): void {
    const g = this.keep(this.scene.add.graphics().setDepth(DEPTH.shockUnder));
    g.fillStyle(HEAT, 1);
    g.fillRect(box.x, box.y, box.width, box.height);
    this.eachFrame((elapsed) => {
      const pulse = Math.sin((Math.PI * elapsed) / 1000) ** 2;
      const rampIn = Math.min(elapsed / 400, 1);
      g.setAlpha((0.12 + 0.16 * pulse) * rampIn * fadeOut(elapsed, 2500, SHOCK_DURATION - 50));
    });
  }

  private wind(box: Box): void {
    streak(this.scene);
    const streaks = this.keep(
      this.scene.add.particles(0, 0, STREAK_TEXTURE, {
        emitZone: {
          type: 'random',
          source: {
            getRandomPoint: (p) => {
              p.x = box.x + Math.random() * box.width * 0.6;
              p.y = box.y + Math.random() * box.height;
            },
          },
        },
        speedX: { min: 420, max: 650 },
        speedY: { min: 50, max: 90 },
        rotate: 9,
        lifespan: { min: 700, max: 1300 },
        alpha: { start: 0.8, end: 0 },
        scaleX: { min: 0.8, max: 1.4 },
        scaleY: 1.3,
        tint: WIND,
        frequency: 30,
        quantity: 3,
        duration: 2300,
        deathZone: {
          type: 'onLeave',
          source: { contains: (x, y) => x >= box.x && x <= box.x + box.width - 40 && y >= box.y && y <= box.y + box.height },
        },
      }),
    );
    streaks.setDepth(DEPTH.shockOver);
  }

  private closure(polys: Vec[][]): void {
    const veil = this.fillAreas(polys, CLOSURE, 1, DEPTH.shockUnder).setAlpha(0);
    this.scene.tweens.add({ targets: veil, alpha: 0.6, duration: 800, hold: 1300, yoyo: true, ease: 'Sine.easeInOut' });
  }

  private banner(label: string, box: Box, still: boolean, size: number): void {
    if (!label) return;
    const text = this.scene.add
      .text(0, 0, label, {
        fontFamily: FONT,
        fontSize: `${size}px`,
        fontStyle: 'bold',
        color: '#ffffff',
        align: 'center',
        wordWrap: { width: box.width * 0.8, useAdvancedWrap: true },
      })
      .setOrigin(0.5);
    const w = text.width + 36;
    const h = text.height + 18;
    const bg = this.scene.add.graphics();
    bg.fillStyle(0x1c252d, 0.9);
    bg.fillRoundedRect(-w / 2, -h / 2, w, h, 8);
    bg.lineStyle(2, 0xffffff, 0.9);
    bg.strokeRoundedRect(-w / 2, -h / 2, w, h, 8);
    const banner = this.keep(
      this.scene.add.container(box.x + box.width / 2, box.y + 18 + h / 2, [bg, text]).setDepth(DEPTH.banner),
    );
    if (still) return;
    banner.setAlpha(0);
    this.scene.tweens.add({ targets: banner, alpha: 1, duration: 250 });
    this.scene.tweens.add({ targets: banner, alpha: 0, delay: 2550, duration: 400 });
  }
}
