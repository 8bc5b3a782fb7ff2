/**
 * A game is its options and its log. This rebuilds it by feeding each entry
 * of the log to the scenario machine with XState's pure transition function:
 * resume, import, the command line and the debrief all come through here.
 */
import { initialTransition, transition } from 'xstate';
import { checkEvent } from '../engine/flow.ts';
import type { Scenario } from '../engine/types.ts';
import { createSessionMachine, isGameEvent, type LogEntry, type SessionMachine, type SessionOptions } from './game.ts';

export type SessionSnapshot = ReturnType<typeof initialTransition<SessionMachine>>[0];

export type ReplayResult =
  | { ok: true; snapshot: SessionSnapshot }
  /** `index` is the refused entry (0-based), `reason` an engine error code or 'not-now'. */
  | { ok: false; index: number; entry: LogEntry; reason: string };

const machines = new WeakMap<Scenario, SessionMachine>();

export function sessionMachineFor(scenario: Scenario): SessionMachine {
  let machine = machines.get(scenario);
  if (!machine) {
    machine = createSessionMachine(scenario);
    machines.set(scenario, machine);
  }
  return machine;
}

/**
 * The state a fresh game starts in; throws RangeError on options the rules
 * refuse (XState does not throw from a context factory: it returns a snapshot
 * in error, which must not pass for a game).
 */
export function initialSnapshot(scenario: Scenario, options: SessionOptions): SessionSnapshot {
  const [snapshot] = initialTransition(sessionMachineFor(scenario), { options });
  if (snapshot.status === 'error') {
    throw snapshot.error instanceof RangeError ? snapshot.error : new RangeError('options the rules refuse');
  }
  return snapshot;
}

/** Why the machine refused an entry: the rules' reason, or 'not-now' (paused, over, nothing to resume...). */
export function refusal(snapshot: SessionSnapshot, scenario: Scenario, entry: LogEntry): string {
  if (isGameEvent(entry)) {
    const reason = checkEvent(snapshot.context.game, scenario, entry);
    if (reason) return reason;
    if (snapshot.hasTag('paused')) return 'paused';
  }
  return 'not-now';
}

export function replayLog(scenario: Scenario, options: SessionOptions, log: readonly LogEntry[]): ReplayResult {
  const machine = sessionMachineFor(scenario);
  let snapshot = initialSnapshot(scenario, options);
  for (let index = 0; index < log.length; index += 1) {
    const entry = log[index] as LogEntry;
    const [next] = transition(machine, snapshot, entry);
    // An accepted entry is appended to the log; a refused one leaves the machine as it was.
    if (next.context.log.length !== index + 1) return { ok: false, index, entry, reason: refusal(snapshot, scenario, entry) };
    snapshot = next;
  }
  return { ok: true, snapshot };
}
