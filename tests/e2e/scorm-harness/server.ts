/**
 * A tiny LMS web server for the SCORM end-to-end test, on 127.0.0.1 and a random port:
 *   /lms/player/                the test player (this folder) and scorm-again's browser build
 *   anything else               a file under the web root, where the test unzips the package into
 *                               lms/courses/42/sco/ (a sub-path, as an LMS serves it)
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCORM_AGAIN = resolve(HERE, '../../../node_modules/scorm-again/dist');
export const SCO_PATH = '/lms/courses/42/sco/';
export const PLAYER_PATH = '/lms/player/player.html';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.xml': 'application/xml',
};

/** The file under `root` for a URL path, or null when the path would leave it. */
function inside(root: string, path: string): string | null {
  const file = normalize(join(root, decodeURIComponent(path)));
  return file.startsWith(root + sep) ? file : null;
}

function route(webRoot: string, pathname: string): string | null {
  if (pathname.startsWith('/lms/player/vendor/')) return inside(SCORM_AGAIN, pathname.slice('/lms/player/vendor/'.length));
  if (pathname === PLAYER_PATH || pathname === '/lms/player/player.js') return join(HERE, pathname.slice('/lms/player/'.length));
  return inside(webRoot, pathname);
}

export interface LmsServer {
  origin: string;
  /** Every path asked for, to check the SCO asked for nothing outside its folder. */
  requests: string[];
  close(): Promise<void>;
}

export async function startLmsServer(webRoot: string): Promise<LmsServer> {
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(pathname);
    try {
      const file = route(resolve(webRoot), pathname);
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
