/**
 * Puts the workshop server together: one Node http server (the kit, /health,
 * /metrics, /api/sessions), Colyseus on the same port through the WebSocket
 * transport, the room type, and the sessions brought back from the journal.
 * `workshopConfig` is the shape @colyseus/testing's `boot` takes; `startWorkshopServer`
 * is what main.ts runs.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { Scenario } from '../engine/types.ts';
import { MAX_FRAME_BYTES, WORKSHOP_ROOM } from '../game/session/workshop-protocol.ts';
import { guardRequests, type HttpOptions, httpHandler } from './http.ts';
import { FileJournal, type SessionJournal } from './journal.ts';
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
}

/** What `boot(config)` of @colyseus/testing and `listen` of @colyseus/tools accept. */
export interface WorkshopConfig {
  options: { greet: boolean; gracefullyShutdown: boolean };
  initializeTransport: () => WebSocketTransport;
  initializeGameServer: (server: Server) => void;
  beforeListen: () => Promise<void>;
}

export function workshopParts(options: WorkshopServerOptions) {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const journal = options.journal ?? new FileJournal(options.dataDir, options.warn);
  const workshops = new Workshops(options.scenarios, journal, settings, options.warn);
  const http: HttpOptions = { distDir: options.distDir, trustProxy: options.trustProxy ?? false };
  const httpServer: HttpServer = createServer(httpHandler(workshops, http));
  // Devices may join a session's room; only the server creates rooms (POST /api/sessions, the journal).
  matchMaker.controller.exposedMethods = ['join', 'joinById', 'reconnect'];
  const config: WorkshopConfig = {
    options: { greet: false, gracefullyShutdown: false },
    initializeTransport: () => new WebSocketTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES }),
    initializeGameServer: (server) => {
      server.define(WORKSHOP_ROOM, workshopRoom(workshops)).filterBy(['code']);
      // After Colyseus has put its matchmaking routes on the server: the guard goes in front of them.
      guardRequests(httpServer, http);
    },
    beforeListen: async () => {
      await workshops.restoreAll();
    },
  };
  return { config, workshops, httpServer };
}

export interface RunningServer {
  workshops: Workshops;
  httpServer: HttpServer;
  port: number;
  stop(): Promise<void>;
}

/** One process, local presence, the file journal: the embedded default. */
export async function startWorkshopServer(options: WorkshopServerOptions, port: number, host: string): Promise<RunningServer> {
  const { config, workshops, httpServer } = workshopParts(options);
  const server = new Server({ transport: config.initializeTransport(), greet: false, gracefullyShutdown: false });
  config.initializeGameServer(server);
  await matchMaker.onReady;
  await config.beforeListen();
  await server.listen(port, host);
  const address = httpServer.address();
  return {
    workshops,
    httpServer,
    port: typeof address === 'object' && address ? address.port : port,
    stop: () => server.gracefullyShutdown(false),
  };
}
