/**
 * The map's WebGL context, created ahead of the map. Creating a context is a
 * blocking round trip to the browser's GPU process, the slowest single step
 * of a map's start (tens of milliseconds, over a hundred with a software
 * GPU). On a game route the page creates it from an inline script in the
 * HTML (tools/lib/vite-game-preload.ts), while the main thread is otherwise
 * waiting for the code to download; the map then takes it instead of
 * creating its own. No DOM or Phaser import here: the build reads these
 * values too.
 */

/** What Phaser would ask for given the map's render settings (start-map.ts derives them from this). */
export const MAP_CONTEXT_ATTRIBUTES = {
  alpha: false,
  antialias: false,
  depth: true,
  stencil: true,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
  failIfMajorPerformanceCaveat: false,
  desynchronized: false,
  powerPreference: 'default',
} as const;

/** Where the inline script leaves the context for the map. */
export const WARM_CONTEXT_KEY = '__kitMapContext';

export interface WarmContext {
  canvas: HTMLCanvasElement;
  gl: WebGLRenderingContext;
}

/** The context made ahead, once: a later map (another game in the same tab) creates its own. */
export function takeWarmContext(): WarmContext | null {
  const holder = globalThis as unknown as Record<string, WarmContext | undefined>;
  const warm = holder[WARM_CONTEXT_KEY];
  delete holder[WARM_CONTEXT_KEY];
  return warm && !warm.gl.isContextLost() ? warm : null;
}

/** The inline script's source: the context for a page opened on a game route. */
export function warmContextScript(): string {
  return `try{const c=document.createElement('canvas');const g=c.getContext('webgl',${JSON.stringify(MAP_CONTEXT_ATTRIBUTES)});if(g)window.${WARM_CONTEXT_KEY}={canvas:c,gl:g}}catch(e){}`;
}
