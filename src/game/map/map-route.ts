/**
 * The routes that show a map: the page starts loading the map's code as soon as it opens on one.
 * Its own module, without imports: the build reads it too (tools/lib/vite-game-preload.ts).
 */
export const MAP_ROUTE = /^#\/game\/(session|play)\b/;
