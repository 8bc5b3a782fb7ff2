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
        const preload = `for(const[r,h,a]of ${JSON.stringify(links)}){const l=document.createElement('link');l.rel=r;l.href=h;l.crossOrigin='';if(a)l.as=a;document.head.append(l)}`;
        const code = `if(${MAP_ROUTE}.test(location.hash)){${preload}}`;
        // Right after the charset, before the stylesheet: a script placed after a stylesheet waits
        // for it to load, and the fetches would start that much later.
        const charset = '<meta charset="utf-8" />';
        if (!html.includes(charset)) throw new Error(`game-route-preload: index.html has no ${charset}`);
        return html.replace(charset, `${charset}\n    <script>${code}</script>`);
      },
    },
  };
}
