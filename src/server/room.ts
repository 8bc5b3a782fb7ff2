/**
 * The Colyseus room of one workshop session. It carries plain JSON messages
 * (no synchronised schema state): devices send `event`, `sync` and, for the
 * facilitator, `hand-seat`; the room checks the sender, the message and the
 * rules (through WorkshopSession, over the scenario machine), journals what
 * was applied, then sends every device its own view. See README, "Workshop
 * server", for the protocol.
 */
import { type AuthContext, type Client, type Deferred, getMessageBytes, Protocol, Room, ServerError } from '@colyseus/core';
import {
  type ErrorMessage,
  errorKey,
  eventMessageSchema,
  handSeatMessageSchema,
  type JoinedMessage,
  type JoinOptions,
  joinOptionsSchema,
  MAX_MESSAGE_BYTES,
  type PatchMessage,
  type Role,
  type SeatsMessage,
  type SeatTokenMessage,
  syncMessageSchema,
  type WorkshopErrorCode,
} from '../game/session/workshop-protocol.ts';
import type { LogEntry } from '../machines/game.ts';
import { RateLimiter } from './rate-limit.ts';
import type { Published, WorkshopSession } from './session.ts';
import type { Workshops } from './workshops.ts';

export interface Seated {
  role: Role;
  seat: string | null;
  /** A seat token issued to this connection (taken by seat number): sent back to it, and only to it, on `sync`. */
  token?: string;
  /** The version this connection was last sent, whole or as a patch: a patch goes only to a device at its base. */
  shown?: number;
}

/** Join refusals go back as a ServerError whose message is the error code. */
const JOIN_REFUSED = 4403;

export function workshopRoom(workshops: Workshops) {
  return class WorkshopRoom extends Room<object, unknown, Seated, Seated> {
    private session!: WorkshopSession;
    /** The version every device was last sent: the next patch is diffed from it. */
    private published!: Published;
    private code = '';
    private readonly limiter = new RateLimiter(workshops.settings.messageLimit);
    /** Dropped seats waiting for their device: a seat token's rejoin cancels the wait. */
    private readonly waiting = new Map<string, Deferred<Client>>();

    override onCreate(options: { code?: unknown }): void {
      const code = typeof options.code === 'string' ? options.code : '';
      const session = workshops.sessions.get(code);
      if (!session || workshops.rooms.has(code)) throw new ServerError(JOIN_REFUSED, 'unknown-code');
      this.session = session;
      this.published = session.published();
      this.code = code;
      // A workshop outlives its devices: the room stays until the session is swept.
      this.autoDispose = false;
      this.setSeatReservationTime(workshops.settings.seatReservationSeconds);
      workshops.rooms.set(code, this);
      this.onMessage('event', (client, message) => this.onEvent(client, message));
      this.onMessage('sync', (client, message) => this.onSync(client, message));
      this.onMessage('hand-seat', (client, message) => this.onHandSeat(client, message));
      this.onMessage('*', (client) => this.guard(client, undefined) && this.refuse(client, 'unknown-message'));
      this.clock.setInterval(() => this.onSecond(), 1000);
    }

    override onAuth(_client: Client, options: unknown, context: AuthContext): Seated {
      const refuse = (code: WorkshopErrorCode): never => {
        workshops.metrics.joinsRefused.inc({ code });
        throw new ServerError(JOIN_REFUSED, code);
      };
      const parsed = joinOptionsSchema.safeParse(options);
      const proven = parsed.success ? this.seatedByToken(parsed.data) : null;
      // A device that proves its token (coming back after a drop, often all at once when the venue's
      // network blinks, behind one address) spends nothing: the limit is for guesses and seat claims.
      if (!proven && !workshops.joins.take(`join:${context.ip ?? 'unknown'}`)) refuse('rate-limited');
      if (proven) return proven;
      if (!parsed.success) return refuse('bad-message');
      const join = parsed.data;
      if (join.code !== this.code) refuse('unknown-code');
      if (join.role === 'screen') return { role: 'screen', seat: null };
      if ('token' in join) return refuse('bad-token');
      // Claimed here, in one step with the check: two devices asking for one seat cannot both get it.
      const claimed = this.session.claimSeat(join.seat);
      if (!claimed.ok) return refuse(claimed.code);
      return { role: 'seat', seat: claimed.seat, token: claimed.token };
    }

    override onJoin(client: Client<Seated, Seated>, _options: unknown, auth: Seated): void {
      client.userData = auth;
      if (auth.role === 'seat' && auth.seat) this.dropOtherHolders(auth.seat, client);
      workshops.metrics.clientsConnected.inc();
      if (auth.seat) this.tellSeats();
    }

    override async onLeave(client: Client<Seated, Seated>, consented: boolean): Promise<void> {
      workshops.metrics.clientsConnected.dec();
      this.limiter.forget(client.sessionId);
      // What was sent while it was away never arrived: until its next `sync`, it is sent whole views.
      if (client.userData) client.userData.shown = undefined;
      const seat = client.userData?.seat;
      if (seat) this.tellSeats();
      if (consented || !seat) return;
      const reconnection = this.allowReconnection(client, workshops.settings.reconnectSeconds);
      this.waiting.set(seat, reconnection);
      try {
        await reconnection;
        workshops.metrics.clientsConnected.inc();
        this.tellSeats();
      } catch {
        // Gone for now: the seat stays its device's, which comes back with its token.
      } finally {
        if (this.waiting.get(seat) === reconnection) this.waiting.delete(seat);
      }
    }

    override onDispose(): void {
      if (workshops.rooms.get(this.code) === this) workshops.rooms.delete(this.code);
    }

    /** The facilitator or the seat a join's token proves, with this room's code; null for any other join. */
    private seatedByToken(join: JoinOptions): Seated | null {
      if (join.code !== this.code || !('token' in join)) return null;
      if (join.role === 'facilitator') return this.session.isFacilitator(join.token) ? { role: 'facilitator', seat: null } : null;
      const seat = this.session.seatOfToken(join.token);
      return seat ? { role: 'seat', seat } : null;
    }

    /** One device per seat: the newest holder of the seat's token wins, the others are told and let go. */
    private dropOtherHolders(seat: string, keep: Client | null, to: 'device' | 'bot' | 'free' = 'device'): void {
      this.waiting.get(seat)?.reject(new Error('seat taken back'));
      this.waiting.delete(seat);
      for (const other of this.clients) {
        if (other !== keep && other.userData?.seat === seat) {
          this.sendError(other, 'seat-handed-over', to === 'device' ? undefined : to);
          other.leave();
        }
      }
    }

    /** Rate and size first, for every message: a flood or a huge payload costs no parsing. */
    private guard(client: Client, message: unknown): boolean {
      if (!this.limiter.take(client.sessionId)) return this.refuse(client, 'rate-limited');
      const size = message === undefined ? 0 : Buffer.byteLength(JSON.stringify(message) ?? '');
      if (size > MAX_MESSAGE_BYTES) return this.refuse(client, 'too-large');
      return true;
    }

    private refuse(client: Client, code: WorkshopErrorCode, reason?: string): false {
      workshops.metrics.messagesRefused.inc({ code });
      this.sendError(client, code, reason);
      return false;
    }

    private sendError(client: Client, code: WorkshopErrorCode, reason?: string): void {
      const message: ErrorMessage = { code, key: errorKey(code, reason), ...(reason ? { reason } : {}) };
      client.send('error', message);
    }

    private onEvent(client: Client<Seated, Seated>, message: unknown): void {
      if (!this.guard(client, message)) return;
      const parsed = eventMessageSchema.safeParse(message);
      if (!parsed.success) return void this.refuse(client, 'bad-message');
      const { entry, version } = parsed.data as { entry: LogEntry; version?: number };
      const who = client.userData ?? { role: 'screen', seat: null };
      const denied = this.session.authorize(who.role, who.seat, entry);
      if (denied) return void this.refuse(client, denied);
      if (version !== undefined && version !== this.session.version()) return void this.refuse(client, 'stale-version');
      const applied = this.session.apply(entry);
      if (!applied.ok) return void this.refuse(client, 'refused', applied.reason);
      void this.publish(applied.entries.length);
    }

    private onSync(client: Client<Seated, Seated>, message: unknown): void {
      if (!this.guard(client, message)) return;
      if (!syncMessageSchema.safeParse(message).success) return void this.refuse(client, 'bad-message');
      const who = client.userData ?? { role: 'screen', seat: null };
      void this.durable().then(() => {
        if (this.session.moved) return this.moveOut();
        client.send('joined', this.joined(who));
        const view = this.session.viewFor(who.role, who.seat);
        client.send('view', view);
        if (client.userData) client.userData.shown = view.version;
      });
    }

    private onHandSeat(client: Client<Seated, Seated>, message: unknown): void {
      if (!this.guard(client, message)) return;
      if (client.userData?.role !== 'facilitator') return void this.refuse(client, 'facilitator-only');
      const parsed = handSeatMessageSchema.safeParse(message);
      if (!parsed.success) return void this.refuse(client, 'bad-message');
      const seat = `team-${parsed.data.seat}`;
      const handed = this.session.handSeat(seat, parsed.data.to);
      if (!handed) return void this.refuse(client, 'no-such-seat');
      this.dropOtherHolders(seat, null, parsed.data.to);
      void this.session.saved().then(() => {
        if (this.session.moved) return this.moveOut();
        if (handed.token) client.send('seat-token', { seat, token: handed.token } satisfies SeatTokenMessage);
        client.send('joined', this.joined(client.userData ?? { role: 'facilitator', seat: null }));
      });
      if (handed.applied.length > 0) void this.publish(handed.applied.length);
    }

    private onSecond(): void {
      if (!this.session.timerRunning()) return;
      const entries = this.session.tick(1);
      if (entries.length > 0) void this.publish(entries.length);
      else this.broadcast('timer', { version: this.session.version(), timer: this.session.viewFor('screen', null).timer });
    }

    /**
     * Once the journal holds the new entries, every device is sent the new version: as a patch from the version it
     * was last sent (encoded once per audience, the facilitator's and the players'), or whole when it holds another.
     */
    private async publish(applied: number): Promise<void> {
      workshops.metrics.eventsApplied.inc(applied);
      await this.durable();
      if (this.session.moved) return this.moveOut();
      const version = this.session.version();
      if (version === this.published.version) return;
      const patches = this.session.patchesSince(this.published);
      this.published = this.session.published();
      const bytes = new Map<PatchMessage, Uint8Array>();
      const views = new Map<string, ReturnType<WorkshopSession['viewFor']>>();
      for (const client of this.clients) {
        const who = (client.userData as Seated | undefined) ?? { role: 'screen', seat: null };
        if (who.shown === version) continue;
        const patch = who.role === 'facilitator' ? patches.facilitator : patches.players;
        if (patch && who.shown === patch.base) {
          let encoded = bytes.get(patch);
          if (!encoded) {
            encoded = getMessageBytes.raw(Protocol.ROOM_DATA, 'patch', patch);
            bytes.set(patch, encoded);
          }
          client.enqueueRaw(encoded);
        } else {
          const key = `${who.role}:${who.seat}`;
          let view = views.get(key);
          if (!view) {
            view = this.session.viewFor(who.role, who.seat);
            views.set(key, view);
          }
          client.send('view', view);
        }
        if (client.userData) client.userData.shown = version;
      }
    }

    /**
     * Resolves once every entry applied so far is in the journal, those applied while it waited included: a view
     * is built from the current game, so no device is shown a version (its move acknowledged) a crash could undo.
     */
    private async durable(): Promise<void> {
      for (let version = -1; version !== this.session.version(); ) {
        version = this.session.version();
        await this.session.saved();
      }
    }

    /**
     * The journal kept another process's records for this session (this one was
     * taken for dead and the room rebuilt there): what this room holds past them
     * was never shown, so the devices are told to join again, and the room goes.
     */
    private moveOut(): void {
      if (workshops.sessions.get(this.code) === this.session) workshops.sessions.delete(this.code);
      for (const client of this.clients) this.sendError(client, 'session-moved');
      this.session.stop();
      void this.disconnect();
    }

    /** The console follows who is connected: each facilitator is told when a seat's device comes or goes. */
    private tellSeats(): void {
      const seats: SeatsMessage = { seats: this.seatList() };
      for (const client of this.clients) if (client.userData?.role === 'facilitator') client.send('seats', seats);
    }

    private seatList(): JoinedMessage['seats'] {
      const connected = new Set(this.clients.map((c) => (c.userData as Seated | undefined)?.seat));
      return this.session.seats.map((s) => ({ seat: s.id, holder: s.holder, connected: connected.has(s.id) }));
    }

    private joined(who: Seated): JoinedMessage {
      return {
        role: who.role,
        seat: who.seat,
        ...(who.token ? { token: who.token } : {}),
        code: this.code,
        scenario: this.session.header.scenario,
        seats: this.seatList(),
        ...(who.role === 'facilitator' ? { file: this.session.file() } : {}),
      };
    }
  };
}
