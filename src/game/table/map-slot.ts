/**
 * The map's place on a face: it loads the Phaser chunk, starts the map on
 * the view as it stands, says when the first frame is drawn, and passes every
 * later view on. Until the map is there a line says it is loading.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { loadedMapCode, loadMapCode } from '../map/map-code.ts';
import type { MapHandle, MapViewModel } from '../map/view-model.ts';

export class MapSlot {
  readonly box = h('div', { class: 'map-canvas', role: 'img' });
  private map: MapHandle | null = null;
  private destroyed = false;
  /** Set once the map's first frame is drawn. */
  drawn = false;

  /** `model` gives the map's model for the view as it stands now. */
  async start(model: () => MapViewModel, onFirstFrame: () => void): Promise<void> {
    this.box.append(h('p', { class: 'map-loading' }, t('game:map.loading')));
    const { startMap } = loadedMapCode() ?? (await loadMapCode());
    if (this.destroyed) return;
    this.box.replaceChildren();
    const map = await startMap(this.box, model(), () => {
      this.drawn = true;
      onFirstFrame();
    });
    if (this.destroyed) {
      map.destroy();
      return;
    }
    this.map = map;
    this.box.dataset.renderer = map.renderer();
    // What changed while the map was starting.
    map.update(model());
  }

  update(model: MapViewModel): void {
    this.map?.update(model);
  }

  destroy(): void {
    this.destroyed = true;
    this.map?.destroy();
  }
}
