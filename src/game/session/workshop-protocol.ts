/**
 * What the workshop server and a device say to each other (README, "Workshop
 * server"). Plain data and zod schemas only, so the browser can share them:
 * the server (src/server, Node only) validates every message with these.
 */
import { z } from 'zod/mini';
import type { PlayerView } from '../../engine/player-view.ts';
import type { TurnTimer } from '../../engine/timer.ts';
import type { GameState } from '../../engine/types.ts';
import type { LogEntry } from '../../machines/game.ts';
import { type GameFile, logEntrySchema, optionsSchema } from './game-saves.ts';
import type { PatchOp } from './view-patch.ts';

export const WORKSHOP_ROOM = 'workshop';

/** Join codes use letters nobody mixes up when read aloud or from a screen (no I/L, O/Q, S, Z, B, U/V). */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPRTWXY';
export const JOIN_CODE_LENGTH = 6;

/** A message past this many bytes (as JSON) is refused with `too-large`; the socket itself closes past MAX_FRAME_BYTES. */
export const MAX_MESSAGE_BYTES = 8 * 1024;
export const MAX_FRAME_BYTES = 64 * 1024;

const joinCode = z.string().check(z.regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)));
const token = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));
const seatNumber = z.int().check(z.gte(1), z.lte(6));

/** How a device joins a session (colyseus.js `client.join('workshop', options)`). */
export const joinOptionsSchema = z.union([
  z.strictObject({ role: z.literal('facilitator'), code: joinCode, token }),
  /** A free seat by its number (a late joiner), or one's own seat back by its token. */
  z.strictObject({ role: z.literal('seat'), code: joinCode, seat: seatNumber }),
  z.strictObject({ role: z.literal('seat'), code: joinCode, token }),
  z.strictObject({ role: z.literal('screen'), code: joinCode }),
]);
export type JoinOptions = z.infer<typeof joinOptionsSchema>;

/** The body of `POST /api/sessions`. */
export const createSessionSchema = z.strictObject({ scenario: z.string().check(z.maxLength(64)), options: optionsSchema });
export type CreateSession = z.infer<typeof createSessionSchema>;

/** Its answer: the facilitator's token is in this answer only, never sent again. */
export interface CreatedSession {
  code: string;
  facilitatorToken: string;
}

export const eventMessageSchema = z.strictObject({
  entry: logEntrySchema,
  /** The version the sender saw: refused with `stale-version` when the log has moved on since. */
  version: z.optional(z.int().check(z.gte(0))),
});
export const syncMessageSchema = z.optional(z.strictObject({}));
/** The facilitator hands a seat to a new device (a new token, the old one stops working), to a bot, or frees it. */
export const handSeatMessageSchema = z.strictObject({ seat: seatNumber, to: z.enum(['device', 'bot', 'free']) });

export type Role = 'facilitator' | 'seat' | 'screen';

export type WorkshopErrorCode =
  | 'bad-message'
  | 'too-large'
  | 'rate-limited'
  | 'unknown-message'
  | 'not-your-seat'
  | 'facilitator-only'
  | 'stale-version'
  | 'refused'
  | 'unknown-code'
  | 'bad-token'
  | 'seat-taken'
  | 'no-such-seat'
  | 'seat-handed-over'
  | 'session-moved'
  | 'bad-session'
  | 'unknown-scenario';

/** Server -> device: `error`. `key` is an i18next key the device translates. */
export interface ErrorMessage {
  code: WorkshopErrorCode;
  key: string;
  /** For `refused`: the rules' reason (an engine error code, or 'paused', 'not-now'). */
  reason?: string;
}

/** Server -> device, in answer to `sync`: who this device is here (its seat token only to that seat). */
export interface JoinedMessage {
  role: Role;
  /** `team-<n>` for a seat. */
  seat: string | null;
  /** A seat's token, to keep on the device and rejoin with; issued when the seat was taken by its number. */
  token?: string;
  code: string;
  scenario: string;
  /** Seats held: by a device, a bot, or free. */
  seats: { seat: string; holder: 'device' | 'bot' | null; connected: boolean }[];
  /**
   * To the facilitator only: the session as a game file, its log as it stands, so the console knows every seat's
   * last action after a reload and exports the game as a local one does.
   */
  file?: GameFile;
}

/** Server -> device: `view`, after every applied entry and in answer to `sync`. */
export interface ViewMessage {
  /** The log's length: +1 per applied entry. A device that sees a gap sends `sync`. */
  version: number;
  status: 'playing' | 'debrief' | 'finished';
  paused: boolean;
  timer: TurnTimer;
  /** The facilitator sees the whole game; a seat and the screen what playerView lets through. */
  view: PlayerView | (GameState & { viewer: 'facilitator' });
  /** The entry that made this version (hidden hazards left out for all but the facilitator). */
  entry: LogEntry | null;
  /** On a view a patch made (never sent): the entries that led to it from the view before, as in PatchMessage. */
  entries?: (LogEntry | null)[];
}

/**
 * Server -> device: `patch`, after an applied entry, to a device that was shown version `base`: the view's
 * change from there to `version` (src/game/session/view-patch.ts). A device that holds another version, or
 * cannot apply it, sends `sync` and gets the whole view.
 */
export interface PatchMessage extends Omit<ViewMessage, 'view' | 'entries'> {
  base: number;
  patch: PatchOp[];
  /** The entries from `base` to `version`, oldest first (null for those hidden from this device); `entry` is the last. */
  entries: (LogEntry | null)[];
}

/** Server -> facilitator: `seats`, whenever a seat's device connects or drops. */
export interface SeatsMessage {
  seats: JoinedMessage['seats'];
}

/** Server -> facilitator: `seat-token`, the token of a seat handed to another device. */
export interface SeatTokenMessage {
  seat: string;
  token: string;
}

/** A seat's device let go because the facilitator gave the seat to a bot or freed it is told so, not "another device". */
const HANDED_OVER = new Set(['bot', 'free']);

export const errorKey = (code: WorkshopErrorCode, reason?: string): string => {
  if (code === 'refused' && reason) return `game:errors.${reason}`;
  if (code === 'seat-handed-over' && reason && HANDED_OVER.has(reason)) return `workshop:handedOver.${reason}`;
  return `workshop:errors.${code}`;
};
