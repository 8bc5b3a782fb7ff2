/**
 * Vite plugin: when the page opens on a game route (a shared deep link, a
 * reload mid-game), the browser starts fetching and compiling the game's
 * chunks from the first line of the HTML, alongside the app's entry, instead
 * of after the entry has run. Other routes load none of it: the decision is
 * a test of the URL's hash in a few bytes of inline script. (Creating the
 * map's WebGL context from this script too was tried: measured slower, as
 * it blocks the page while the GPU process is busy with its first frames.)
 */
import type { Plugin, Rolldown } from 'vite';
import { MAP_ROUTE } from '../../src/game/map/map-route.ts';

const ENTRIES = ['/src/game/map/start-map.ts', '/src/game/game-view.ts'];
/** The module of one scenario's chunk (tools/lib/vite-bundled-scenarios.ts), as the bundle names it. */
const SCENARIO_MODULE = '\0virtual:bundled-scenario/';
/** Where a session's save is kept in localStorage: the store's prefix and the saves' (src/storage/store.ts, src/game/session/game-saves.ts). */
const SAVE_KEY_PREFIX = 'rtk:game:';
const DEEP_LINK_SCENARIO = /[?&]scenario=([a-z0-9-]+)/;
const SESSION_ID = /^#\/game\/session\/([^/?]+)/;
/** The first scenario id in a save's JSON is its game file's (a save's other fields name none). */
const SAVED_SCENARIO = /"scenario":"([a-z0-9-]+)"/;

type Output = Rolldown.OutputBundle[string];
const isChunk = (output: Output | undefined): output is Rolldown.OutputChunk => output?.type === 'chunk';

export function gameRoutePreload(): Plugin {
  return {
    name: 'kit:game-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter(isChunk);
        const entry = chunks.find((c) => c.isEntry);
        // What the entry loads anyway needs no hint.
        const loaded = new Set<string>();
        const walk = (file: string, into: Set<string>) => {
          const chunk = bundle[file];
          if (!isChunk(chunk) || into.has(file) || loaded.has(file)) return;
          into.add(file);
          for (const next of chunk.imports) walk(next, into);
        };
        if (entry) walk(entry.fileName, loaded);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        for (const id of ENTRIES) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(id));
          if (!chunk) throw new Error(`game-route-preload: no chunk for ${id}`);
          walk(chunk.fileName, scripts);
        }
        for (const file of scripts) {
          const chunk = bundle[file];
          if (isChunk(chunk)) for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
        }
        const links = [
          ...[...scripts].map((href) => ['modulepreload', href]),
          ...[...styles].map((href) => ['preload', href, 'style']),
        ];
        // Each scenario's chunk, by id: the one the route plays is fetched with the rest, not once the view asks.
        const scenarios: Record<string, string[]> = {};
        for (const chunk of chunks) {
          // A dynamic import of a virtual module: the chunk has no facade, its one module names the scenario.
          const module = chunk.moduleIds.find((m) => m.startsWith(SCENARIO_MODULE));
          if (!module) continue;
          const files = new Set<string>();
          walk(chunk.fileName, files);
          scenarios[module.slice(SCENARIO_MODULE.length)] = [...files].filter((file) => !scripts.has(file));
        }
        if (Object.keys(scenarios).length === 0) throw new Error('game-route-preload: no scenario chunk');
        const add = `const p=(r,h,a)=>{const l=document.createElement('link');l.rel=r;l.href=h;l.crossOrigin='';if(a)l.as=a;document.head.append(l)};`;
        const preload = `for(const[r,h,a]of ${JSON.stringify(links)})p(r,h,a);`;
        // The scenario: named by a deep link, or read from the save a session's route resumes
        // (a wrong guess costs one fetch; the view loads what it needs whatever this does).
        const scenario = `let s=${DEEP_LINK_SCENARIO}.exec(location.hash);if(!s){const g=${SESSION_ID}.exec(location.hash);try{s=g&&${SAVED_SCENARIO}.exec(localStorage.getItem(${JSON.stringify(SAVE_KEY_PREFIX)}+decodeURIComponent(g[1]))||'')}catch{}}for(const h of (s&&${JSON.stringify(scenarios)}[s[1]])||[])p('modulepreload',h);`;
        const code = `if(${MAP_ROUTE}.test(location.hash)){${add}${preload}${scenario}}`;
        // Right after the charset, before the stylesheet: a script placed after a stylesheet waits
        // for it to load, and the fetches would start that much later.
        const charset = '<meta charset="utf-8" />';
        if (!html.includes(charset)) throw new Error(`game-route-preload: index.html has no ${charset}`);
        return html.replace(charset, `${charset}\n    <script>${code}</script>`);
      },
    },
  };
}
