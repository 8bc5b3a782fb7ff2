/**
 * The Department seat: by default the Department's envelopes go to the communes
 * by the published rule (first come, first served in the round's turn order);
 * whoever holds the seat (the facilitator, or a team playing the territorial
 * officer for the solidarity economy) may instead split a lever's envelope
 * between the communes before they plan. What it does not allocate stays with
 * the Department for the round.
 */
import { evolve } from './clone.ts';
import type { ActionError } from './game.ts';
import type { GameEvent, GameState, Scenario } from './types.ts';

type Allocation = Extract<GameEvent, { type: 'allocate-envelope' }>;

export function validateAllocation(state: GameState, scenario: Scenario, event: Allocation): ActionError | null {
  if (state.phase !== 'diagnose') return 'not-now';
  // Only the seat's holder allocates: the team named in the event, or the facilitator when none is.
  if ((event.by ?? null) !== state.departmentSeat) return 'not-your-seat';
  const lever = scenario.levers.find((l) => l.id === event.lever);
  if (!lever || lever.share === 0) return 'unknown-lever';
  let total = 0;
  for (const team in event.shares) {
    const amount = event.shares[team] as number;
    if (!state.teams.some((t) => t.id === team) || !Number.isInteger(amount) || amount < 0) return 'bad-allocation';
    total += amount;
  }
  return total > (state.envelope[lever.id] ?? 0) ? 'bad-allocation' : null;
}

export function allocateEnvelope(state: GameState, event: Allocation): GameState {
  return evolve(state, { allocations: { ...state.allocations, [event.lever]: { ...event.shares } } });
}

/** What a team may draw on a lever now: its allocation when the lever was allocated, else what is left of the envelope. */
export function leverAvailable(state: GameState, lever: string, team: string): number {
  const allocation = state.allocations[lever];
  const left = Math.max(0, state.envelope[lever] ?? 0);
  return allocation ? Math.min(left, allocation[team] ?? 0) : left;
}

/** The allocations after a team drew on levers. */
export function drawAllocations(state: GameState, team: string, paid: Record<string, number>): GameState['allocations'] {
  let out = state.allocations;
  for (const lever in paid) {
    const allocation = out[lever];
    if (!allocation) continue;
    if (out === state.allocations) out = { ...state.allocations };
    out[lever] = { ...allocation, [team]: (allocation[team] ?? 0) - (paid[lever] as number) };
  }
  return out;
}
