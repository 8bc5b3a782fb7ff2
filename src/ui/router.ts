/** Hash routes: #/part/sub?key=value. Every route is a deep link that survives a reload. */
export interface Route {
  /** Path segments, e.g. ['guide', 'fund-the-project']. */
  segments: string[];
  query: URLSearchParams;
  /** The raw hash path, e.g. '/guide/fund-the-project'. */
  path: string;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?');
  let path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as it was typed.
  }
  const segments = path.split('/').filter((s) => s.length > 0);
  return { segments, query: new URLSearchParams(queryPart), path };
}

export function onRouteChange(listener: (route: Route) => void): () => void {
  const handler = () => listener(parseHash(window.location.hash));
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}
