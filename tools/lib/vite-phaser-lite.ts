/**
 * Vite plugin for building Phaser from its sources (src/game/map/phaser/lite.ts).
 *
 * Phaser's own build sets compile-time flags with webpack's DefinePlugin, as
 * `typeof FLAG` expressions; they get the values of the published bundle, so
 * the debug and sound code falls away.
 *
 * A few source lines are changed (PATCHES), each a probe Phaser runs at load
 * that the map does not need. The main one: Phaser creates a WebGL context
 * only to learn whether WebGL exists, then drops it. A context is the
 * slowest thing a page can ask of the GPU process (tens of milliseconds,
 * well over a hundred with a software GPU), and the map asks for its own
 * straight after: if that one fails, Phaser throws and start-map.ts falls
 * back to Canvas. So the test only checks that the browser has WebGL at all.
 */
import type { Plugin } from 'vite';

const FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const FLAG_PATTERN = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

const PATCHES: { file: string; find: string; replace: string }[] = [
  {
    file: '/device/Features.js',
    find: "var ctx = canvas.getContext('webgl') || canvas.getContext('experimental-webgl');",
    replace: 'var ctx = true;',
  },
  {
    file: '/renderer/webgl/index.js',
    find: "Shaders: require('./shaders'),",
    replace: 'Shaders: {},',
  },
  {
    file: '/renderer/webgl/index.js',
    find: "RenderNodes: require('./renderNodes'),",
    replace: 'RenderNodes: {},',
  },
  {
    // The map uses no compressed texture; enabling each format's extension is another GPU round trip.
    file: '/renderer/webgl/WebGLRenderer.js',
    find: 'var results = gl.getExtension(extString + format) || gl.getExtension(wkExtString + format) || gl.getExtension(extEXTString + format);',
    replace: 'var results = null;',
  },
  {
    // A pixel read-back test whose result nothing in Phaser reads: it stalls on the GPU at load.
    file: '/device/CanvasFeatures.js',
    find: 'CanvasFeatures.supportInverseAlpha = checkInverseAlpha();',
    replace: 'CanvasFeatures.supportInverseAlpha = false;',
  },
  {
    // Decodes two images and reads pixels back to learn whether Canvas 2D has blend modes, which
    // only the Canvas fallback uses and every browser that runs the kit has.
    file: '/device/CanvasFeatures.js',
    find: 'CanvasFeatures.supportNewBlendModes = checkBlendMode();',
    replace: 'CanvasFeatures.supportNewBlendModes = true;',
  },
];

/**
 * Render nodes the map never asks for: the filters (blur, glow, bokeh and the
 * rest, with their shaders), lights, tile sprites, ropes and tilemaps. The
 * renderer builds a node the first time something asks for it by name, so a
 * node that nothing on the map asks for can go; its require becomes null.
 * The webgl namespace's Shaders and RenderNodes indexes, which require every
 * shader and node for Phaser's public API, go too (the map does not read them).
 */
const UNUSED_NODES =
  /require\('\.\/(filters\/Filter\w+|BatchHandlerPointLight|BatchHandlerTileSprite|BatchHandlerStrip|submitter\/SubmitterTile|submitter\/SubmitterTilemapGPULayer|submitter\/SubmitterTileSprite|texturer\/TexturerTileSprite|transformer\/TransformerTile|transformer\/TransformerTileSprite)'\)/g;
/** How many requires the pattern must find in RenderNodeManager.js: fewer means Phaser changed. */
const UNUSED_NODE_COUNT = 35;

const SOURCES = '/node_modules/phaser/src/';

export function phaserLite(): Plugin {
  return {
    name: 'kit:phaser-lite',
    transform(code, id) {
      if (!id.includes(SOURCES)) return null;
      let out = code.includes('typeof ') ? code.replace(FLAG_PATTERN, (_, flag: string) => String(FLAGS[flag])) : code;
      for (const patch of PATCHES) {
        if (!id.endsWith(patch.file)) continue;
        // A Phaser update that moves the line must be noticed, not shipped unpatched.
        if (!out.includes(patch.find)) throw new Error(`phaser-lite: ${patch.file} no longer contains: ${patch.find}`);
        out = out.replace(patch.find, patch.replace);
      }
      if (id.endsWith('/renderer/webgl/renderNodes/RenderNodeManager.js')) {
        const found = out.match(UNUSED_NODES)?.length ?? 0;
        if (found !== UNUSED_NODE_COUNT) {
          throw new Error(`phaser-lite: RenderNodeManager.js has ${found} of the ${UNUSED_NODE_COUNT} unused nodes' requires`);
        }
        out = out.replace(UNUSED_NODES, 'null');
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
