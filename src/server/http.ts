/**
 * The HTTP side of the one port: `GET /health`, `GET /metrics`, `POST
 * /api/sessions` (create a session) and the built kit from `dist/`, served
 * statically (any path that is not a file gets index.html: the kit routes by
 * hash). Colyseus adds its `/matchmake/` routes and the WebSocket upgrade on
 * the same server.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Workshops } from './workshops.ts';

/** No session description comes near this (six names of 60 characters). */
export const MAX_BODY_BYTES = 16 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.zip': 'application/zip',
  '.wav': 'audio/wav',
};

export interface HttpOptions {
  /** The built kit; null serves no files (tests of the server alone). */
  distDir: string | null;
  /** Trust X-Forwarded-For / X-Real-IP (only behind a proxy that sets them). */
  trustProxy: boolean;
}

/** Who is asking, for the rate limits: the socket's address, or the proxy's word for it when one is trusted. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  return forwarded || (req.socket.remoteAddress ?? 'unknown');
}

export function httpHandler(workshops: Workshops, options: HttpOptions) {
  const root = options.distDir === null ? null : resolve(options.distDir);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://kit');
    try {
      if (url.pathname === '/health') return send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
      if (url.pathname === '/metrics') {
        const { registry } = workshops.metrics;
        return send(res, 200, registry.contentType, await registry.metrics());
      }
      if (url.pathname === '/api/sessions') {
        if (req.method !== 'POST') return send(res, 405, 'application/json', JSON.stringify({ error: 'method' }));
        const body = await readBody(req);
        if (body === null) return send(res, 413, 'application/json', JSON.stringify({ error: 'too-large' }));
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ error: 'bad-session' }));
        }
        const result = await workshops.create(json, clientAddress(req, options.trustProxy));
        if (!result.ok)
          return send(
            res,
            result.code === 'rate-limited' ? 429 : 400,
            'application/json',
            JSON.stringify({ error: result.code }),
          );
        return send(res, 201, 'application/json', JSON.stringify(result.created), { 'Cache-Control': 'no-store' });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
      if (root === null) return send(res, 404, 'text/plain', 'not found');
      return serveFile(root, url.pathname, req, res);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'server error');
      else res.end();
    }
  };
}

/**
 * Wraps the server's request listeners (Colyseus's matchmaking included, which
 * reads any body whole): an oversized body is refused before it is read, and
 * forwarded addresses are dropped unless a proxy is trusted to set them.
 */
export function guardRequests(server: Server, options: HttpOptions): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!options.trustProxy) dropForwarded(req);
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES || (req.headers['transfer-encoding'] && req.method !== 'GET')) {
      send(res, 413, 'application/json', JSON.stringify({ error: 'too-large' }));
      req.destroy();
      return;
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
  if (!options.trustProxy) server.prependListener('upgrade', dropForwarded);
}

function dropForwarded(req: IncomingMessage): void {
  delete req.headers['x-forwarded-for'];
  delete req.headers['x-real-ip'];
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

function serveFile(root: string, pathname: string, req: IncomingMessage, res: ServerResponse) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'text/plain', 'bad path');
  }
  if (decoded.includes('\0')) return send(res, 400, 'text/plain', 'bad path');
  // Resolved under the root, and checked to stay there: no "..", encoded or not, leaves dist/.
  const file = resolve(root, `.${sep}${normalize(decoded)}`);
  if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'text/plain', 'not found');
  let target = file;
  let stats = statOrNull(target);
  if (stats?.isDirectory()) {
    target = join(target, 'index.html');
    stats = statOrNull(target);
  }
  if (!stats?.isFile()) {
    // A path with an extension is a missing file; any other is a route of the kit.
    if (extname(decoded) !== '') return send(res, 404, 'text/plain', 'not found');
    target = join(root, 'index.html');
    stats = statOrNull(target);
    if (!stats?.isFile()) return send(res, 404, 'text/plain', 'the kit is not built: run npm run build');
  }
  const type = TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
  // Hashed assets never change; the page, the worker and the manifest must be asked for again.
  const immutable = target.startsWith(join(root, 'assets') + sep);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': String(stats.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(target).pipe(res);
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
