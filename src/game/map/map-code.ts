/**
 * The map's code (Phaser and the scenes, their own chunk), loaded once. A game
 * view asks for it synchronously when it is already there, so the map starts
 * in the same task as the page around it: an `await import()` of a loaded
 * module still yields, and lets the browser paint a frame in between.
 */
type MapCode = typeof import('./start-map.ts');

let loading: Promise<MapCode> | null = null;
let loaded: MapCode | null = null;

export function loadMapCode(): Promise<MapCode> {
  loading ??= import('./start-map.ts').then((code) => {
    loaded = code;
    return code;
  });
  return loading;
}

/** The map's code if it has loaded, without waiting. */
export function loadedMapCode(): MapCode | null {
  return loaded;
}
