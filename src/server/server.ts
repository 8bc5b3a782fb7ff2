/**
 * Puts the workshop server together: one Node http server (the kit, /health,
 * /metrics, /api/sessions), Colyseus on the same port through the WebSocket
 * transport, the room type, and the sessions brought back from the journal.
 * Alone: local presence and driver, the file journal. With a Redis URL: Redis
 * presence, driver and journal, shared by every process of one pool (README,
 * "Scaling out"). `workshopParts(...).config` is the shape @colyseus/testing's
 * `boot` takes; `startWorkshopServer` is what main.ts runs.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { matchMaker, type Presence, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { Redis } from 'ioredis';
import type { Scenario } from '../engine/types.ts';
import { MAX_FRAME_BYTES, WORKSHOP_ROOM } from '../game/session/workshop-protocol.ts';
import { type ColyseusLogger, colyseusLogger } from './colyseus-logger.ts';
import { guardRequests, type HttpOptions, httpHandler } from './http.ts';
import { FileJournal, type SessionJournal } from './journal.ts';
import { RedisJournal } from './redis-journal.ts';
import { workshopRoom } from './room.ts';
import { DEFAULT_SETTINGS, type WorkshopSettings, Workshops } from './workshops.ts';

export interface WorkshopServerOptions {
  scenarios: Map<string, Scenario>;
  /** Where the file journal keeps the sessions (ignored when `journal` is given). */
  dataDir: string;
  journal?: SessionJournal;
  /** The built kit to serve; null for none. */
  distDir: string | null;
  settings?: Partial<WorkshopSettings>;
  trustProxy?: boolean;
  warn?: (message: string) => void;
  /** redis://...: presence, driver and journal in Redis, shared with the pool's other processes. */
  redisUrl?: string;
  /** host:port[/path] where devices reach this very process (its rooms' WebSockets); needed behind a load balancer. */
  publicAddress?: string;
}

/** What `boot(config)` of @colyseus/testing and `listen` of @colyseus/tools accept. */
export interface WorkshopConfig {
  options: {
    greet: boolean;
    gracefullyShutdown: boolean;
    logger: ColyseusLogger;
    presence?: Presence;
    driver?: RedisDriver;
    publicAddress?: string;
    selectProcessIdToCreateRoom: (roomName: string, options: unknown) => Promise<string>;
  };
  initializeTransport: () => WebSocketTransport;
  initializeGameServer: (server: Server) => void;
  beforeListen: () => Promise<void>;
}

/** The matchmaker's own entry point, kept once: each set-up wraps this one, never a previous wrapper. */
const invokeMethod = matchMaker.controller.invokeMethod;

export function workshopParts(options: WorkshopServerOptions) {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const redis = options.redisUrl ? new Redis(options.redisUrl) : null;
  if (redis) reportOutages(redis, options.warn ?? ((message) => console.warn(message)));
  const shared = redis ? new RedisJournal(redis, options.warn) : null;
  const journal = options.journal ?? shared ?? new FileJournal(options.dataDir, options.warn);
  const workshops = new Workshops(options.scenarios, journal, settings, options.warn, shared);
  const http: HttpOptions = { distDir: options.distDir, trustProxy: options.trustProxy ?? false };
  const httpServer: HttpServer = createServer(httpHandler(workshops, http));
  // Devices may join a session's room; only the server creates rooms (POST /api/sessions, the journal).
  matchMaker.controller.exposedMethods = ['join', 'joinById', 'reconnect'];
  // A join first makes sure a live process holds the code's room (with Redis, rebuilt if its process died).
  matchMaker.controller.invokeMethod = async (method, roomName, clientOptions = {}, authOptions) => {
    if (method === 'join' && roomName === WORKSHOP_ROOM) await workshops.ensureRoom(clientOptions.code);
    return invokeMethod.call(matchMaker.controller, method, roomName, clientOptions, authOptions);
  };
  const config: WorkshopConfig = {
    options: {
      greet: false,
      gracefullyShutdown: false,
      logger: colyseusLogger(),
      ...(options.redisUrl ? { presence: new RedisPresence(options.redisUrl), driver: new RedisDriver(options.redisUrl) } : {}),
      ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
      // A session's room is built where its session is: on the process that took the request or the join.
      selectProcessIdToCreateRoom: async () => matchMaker.processId,
    },
    initializeTransport: () => new WebSocketTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES }),
    initializeGameServer: (server) => {
      server.define(WORKSHOP_ROOM, workshopRoom(workshops)).filterBy(['code']);
      // After Colyseus has put its matchmaking routes on the server: the guard goes in front of them.
      guardRequests(httpServer, http);
    },
    beforeListen: async () => {
      // With Redis, sessions come back one by one on their first join, on whichever process takes it.
      if (!shared) await workshops.restoreAll();
    },
  };
  return { config, workshops, httpServer, redis };
}

export interface RunningServer {
  workshops: Workshops;
  httpServer: HttpServer;
  port: number;
  stop(): Promise<void>;
}

/** One process of the workshop server: alone (the embedded default), or one of a pool on Redis. */
export async function startWorkshopServer(options: WorkshopServerOptions, port: number, host: string): Promise<RunningServer> {
  const { config, workshops, httpServer, redis } = workshopParts(options);
  const server = new Server({ ...config.options, transport: config.initializeTransport() });
  config.initializeGameServer(server);
  await matchMaker.onReady;
  await config.beforeListen();
  await server.listen(port, host);
  const address = httpServer.address();
  return {
    workshops,
    httpServer,
    port: typeof address === 'object' && address ? address.port : port,
    stop: async () => {
      await server.gracefullyShutdown(false);
      await Promise.allSettled([...workshops.sessions.values()].map((session) => session.saved()));
      await redis?.quit();
    },
  };
}

/** ioredis reconnects by itself and would report every failed attempt: the journal says once it lost Redis, once it is back. */
function reportOutages(redis: Redis, warn: (message: string) => void): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) warn(`journal: Redis out of reach (${error.message}); retrying`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) warn('journal: Redis reachable again');
    down = false;
  });
}
