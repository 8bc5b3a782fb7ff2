/**
 * One workshop session on the server: the scenario machine (the same one the
 * browser runs: src/machines/game.ts) over the session's log, the seats and
 * who holds them, and the journal that keeps both. No Colyseus here: the room
 * (room.ts) carries messages in and views out; this decides.
 */
import { type Actor, createActor } from 'xstate';
import { botRandom } from '../bots/autoplay.ts';
import { tableStrategy } from '../bots/table.ts';
import { currentTeam } from '../engine/flow.ts';
import { HIDDEN_FROM_PLAYERS, playerView } from '../engine/player-view.ts';
import type { GameState, Scenario } from '../engine/types.ts';
import { GAME_FILE_FORMAT, GAME_FILE_VERSION, type GameFile } from '../game/session/game-saves.ts';
import { diffView } from '../game/session/view-patch.ts';
import type { PatchMessage, Role, ViewMessage, WorkshopErrorCode } from '../game/session/workshop-protocol.ts';
import type { LogEntry, SessionMachine } from '../machines/game.ts';
import { refusal, replayLog, type SessionSnapshot, sessionMachineFor } from '../machines/replay.ts';
import { hashToken, newToken, tokenMatches } from './codes.ts';
import { type JournalRecord, type SeatHolder, type SessionHeader, type SessionJournal, SessionMoved } from './journal.ts';

export interface Seat {
  id: string;
  holder: SeatHolder;
  tokenHash: string | null;
}

const PLAYER_ACTIONS = new Set(['start-project', 'answer-offer', 'send-aid', 'pass']);
/** Entries that tell what the next shock will be, and the facilitator's notes: only the facilitator is sent them. */
const HIDDEN_ENTRIES = new Set(['inject-hazard', 'plan-hazard', 'note']);
/** A bot keeps playing while it has the turn; a game never needs this many moves in a row. */
const MAX_BOT_MOVES = 200;
/** The bots' table strategy: a sensible group that cooperates (src/bots/table.ts). */
const BOT = tableStrategy(true);

/** A version of the game as the devices were shown it: the next patch starts from there. */
export interface Published {
  version: number;
  game: GameState;
}

const HIDDEN_FIELDS = new Set<unknown>(HIDDEN_FROM_PLAYERS);

export type Applied = { ok: true; entries: LogEntry[] } | { ok: false; reason: string };

export class WorkshopSession {
  readonly seats: Seat[];
  private readonly actor: Actor<SessionMachine>;
  /** Journal writes in the order the machine took them. */
  private writes: Promise<void> = Promise.resolve();
  /** Set when the shared journal said another process now writes this session: nothing more is written here. */
  moved = false;

  private constructor(
    readonly header: SessionHeader,
    readonly scenario: Scenario,
    private readonly journal: SessionJournal,
    snapshot: SessionSnapshot | null,
    seats: Seat[],
  ) {
    const machine = sessionMachineFor(scenario);
    const input = { options: header.options };
    this.actor = snapshot ? createActor(machine, { input, snapshot }) : createActor(machine, { input });
    this.actor.start();
    this.seats = seats;
  }

  /** A new session: its header is journaled before anyone can join it. */
  static async open(header: SessionHeader, scenario: Scenario, journal: SessionJournal): Promise<WorkshopSession> {
    // Throws RangeError on options the rules refuse, before anything is written.
    const replayed = replayLog(scenario, header.options, []);
    if (!replayed.ok) throw new RangeError('options the rules refuse');
    await journal.create(header);
    return new WorkshopSession(header, scenario, journal, replayed.snapshot, emptySeats(header.options.teams.length));
  }

  /** A journaled session, rebuilt by replaying its entries through the machine; throws if they do not replay. */
  static restore(header: SessionHeader, records: readonly JournalRecord[], scenario: Scenario, journal: SessionJournal) {
    const entries = records.flatMap((r) => (r.kind === 'entry' ? [r.entry] : []));
    const replayed = replayLog(scenario, header.options, entries);
    if (!replayed.ok) throw new Error(`entry ${replayed.index + 1} (${replayed.entry.type}) refused: ${replayed.reason}`);
    const seats = emptySeats(header.options.teams.length);
    for (const record of records) {
      const seat = record.kind === 'seat' ? seats.find((s) => s.id === record.seat) : undefined;
      if (seat && record.kind === 'seat') Object.assign(seat, { holder: record.holder, tokenHash: record.tokenHash });
    }
    return new WorkshopSession(header, scenario, journal, replayed.snapshot, seats);
  }

  private snapshot() {
    return this.actor.getSnapshot();
  }

  version(): number {
    return this.snapshot().context.log.length;
  }

  log(): readonly LogEntry[] {
    return this.snapshot().context.log;
  }

  /** Resolves once every change so far is in the journal (or refused by it: then `moved` is set). */
  saved(): Promise<void> {
    return this.writes;
  }

  stop(): void {
    this.actor.stop();
  }

  /** Null when this role and seat may send this entry; the refusal otherwise. The rules come after. */
  authorize(role: Role, seat: string | null, entry: LogEntry): WorkshopErrorCode | null {
    const team = PLAYER_ACTIONS.has(entry.type) ? (entry as { team: string }).team : null;
    if (role === 'seat') {
      if (team !== null) return team === seat ? null : 'not-your-seat';
      // The Department seat's splits are a team's move when a team holds that seat.
      if (entry.type === 'allocate-envelope') return entry.by !== undefined && entry.by === seat ? null : 'not-your-seat';
      return 'facilitator-only';
    }
    if (role === 'facilitator') {
      // A team's pass is the facilitator's when its device is away (README: the room waits as the facilitator decides).
      if (team !== null) return entry.type === 'pass' ? null : 'not-your-seat';
      if (entry.type === 'allocate-envelope' && entry.by !== undefined) return 'not-your-seat';
      return null;
    }
    return team !== null ? 'not-your-seat' : 'facilitator-only';
  }

  /** Feeds an entry to the machine; then the bots play their turns. What was applied is journaled in order. */
  apply(entry: LogEntry): Applied {
    const before = this.version();
    const snapshot = this.snapshot();
    this.actor.send(entry);
    if (this.version() === before) return { ok: false, reason: refusal(snapshot, this.scenario, entry) };
    this.playBots();
    return { ok: true, entries: this.journalNew(before) };
  }

  /** The clock's seconds (never logged); a pass the clock forces is, and what the bots play after it. */
  tick(seconds: number): LogEntry[] {
    const before = this.version();
    this.actor.send({ type: 'tick', seconds });
    if (this.version() === before) return [];
    this.playBots();
    return this.journalNew(before);
  }

  timerRunning(): boolean {
    const snap = this.snapshot();
    return snap.context.timer.enabled && snap.hasTag('running') && currentTeam(snap.context.game) !== null;
  }

  private journalNew(from: number): LogEntry[] {
    const entries = this.log().slice(from);
    for (const entry of entries) this.write({ kind: 'entry', entry });
    return entries;
  }

  private write(record: JournalRecord): void {
    const id = this.header.id;
    this.writes = this.writes.then(async () => {
      if (this.moved) return;
      try {
        await this.journal.append(id, record);
      } catch (error) {
        if (!(error instanceof SessionMoved)) throw error;
        this.moved = true;
      }
    });
  }

  /** Bot seats play their turns, one move at a time, through the same machine; a refused move becomes a pass. */
  private playBots(): void {
    for (let moves = 0; moves < MAX_BOT_MOVES; moves += 1) {
      const snap = this.snapshot();
      const team = currentTeam(snap.context.game);
      if (team === null || !snap.hasTag('running') || this.seat(team)?.holder !== 'bot') return;
      const before = this.version();
      this.actor.send(BOT(snap.context.game, this.scenario, team, botRandom(this.header.options.seed + before)));
      if (this.version() === before) this.actor.send({ type: 'pass', team });
      if (this.version() === before) return;
    }
  }

  seat(id: string): Seat | undefined {
    return this.seats.find((s) => s.id === id);
  }

  /** A late joiner takes a free seat: it gets a new token (returned once, only its hash kept). */
  claimSeat(number: number): { ok: true; seat: string; token: string } | { ok: false; code: WorkshopErrorCode } {
    const seat = this.seat(`team-${number}`);
    if (!seat) return { ok: false, code: 'no-such-seat' };
    if (seat.holder !== null) return { ok: false, code: 'seat-taken' };
    const token = newToken();
    this.setSeat(seat, 'device', hashToken(token));
    return { ok: true, seat: seat.id, token };
  }

  /** The seat a token holds, if any. */
  seatOfToken(token: string): string | null {
    return this.seats.find((s) => s.holder === 'device' && tokenMatches(token, s.tokenHash))?.id ?? null;
  }

  isFacilitator(token: string): boolean {
    return tokenMatches(token, this.header.facilitatorTokenHash);
  }

  /** The facilitator hands a seat on: to a new device (its new token returned), to a bot, or back to free. */
  handSeat(id: string, to: 'device' | 'bot' | 'free'): { token: string | null; applied: LogEntry[] } | null {
    const seat = this.seat(id);
    if (!seat) return null;
    const token = to === 'device' ? newToken() : null;
    this.setSeat(seat, to === 'free' ? null : to, token ? hashToken(token) : null);
    const before = this.version();
    this.playBots();
    return { token, applied: this.journalNew(before) };
  }

  private setSeat(seat: Seat, holder: SeatHolder, tokenHash: string | null): void {
    seat.holder = holder;
    seat.tokenHash = tokenHash;
    this.write({ kind: 'seat', seat: seat.id, holder, tokenHash });
  }

  /** The session as the kit's game file: what the facilitator's device exports. */
  file(): GameFile {
    const { scenario, scenarioHash, options } = this.header;
    return { format: GAME_FILE_FORMAT, version: GAME_FILE_VERSION, scenario, scenarioHash, options, log: [...this.log()] };
  }

  /** What one device is shown: the facilitator the whole game, a seat or the screen the player view. */
  viewFor(role: Role, seat: string | null): ViewMessage {
    const { game, ...head } = this.head();
    const facilitator = role === 'facilitator';
    return {
      ...head,
      view: facilitator ? { ...game, viewer: 'facilitator' } : playerView(game, seat),
      entry: facilitator ? head.entry : shownToPlayers(head.entry),
    };
  }

  /** The game as it stands, to diff the next version against. */
  published(): Published {
    const { version, game } = this.head();
    return { version, game };
  }

  /**
   * The change since `since`, once for the facilitator (every field) and once for the seats and the screen, who
   * share one player view but for `viewer`, which never changes: the fields playerView leaves out are left out.
   */
  patchesSince(since: Published): { facilitator: PatchMessage; players: PatchMessage | null } {
    const { game, ...head } = this.head();
    const patch = diffView(since.game, game);
    const base = since.version;
    const entries = this.log().slice(base);
    const facilitator = { ...head, base, patch, entries };
    // A patch that replaces the whole view would carry what players are not shown: they get the whole view instead.
    if (patch.some(([path]) => path.length === 0)) return { facilitator, players: null };
    return {
      facilitator,
      players: {
        ...head,
        base,
        entry: shownToPlayers(head.entry),
        patch: patch.filter(([path]) => !HIDDEN_FIELDS.has(path[0])),
        entries: entries.map(shownToPlayers),
      },
    };
  }

  private head() {
    const snap = this.snapshot();
    const log = snap.context.log;
    return {
      version: log.length,
      status: snap.matches('finished')
        ? ('finished' as const)
        : snap.matches('debrief')
          ? ('debrief' as const)
          : ('playing' as const),
      paused: snap.hasTag('paused'),
      timer: snap.context.timer,
      game: snap.context.game,
      entry: log.at(-1) ?? null,
    };
  }
}

/** The last entry as a seat or the screen may see it: not when it tells what the next shock will be. */
const shownToPlayers = (entry: LogEntry | null): LogEntry | null => (entry && !HIDDEN_ENTRIES.has(entry.type) ? entry : null);

function emptySeats(teams: number): Seat[] {
  return Array.from({ length: teams }, (_, i) => ({ id: `team-${i + 1}`, holder: null, tokenHash: null }));
}
