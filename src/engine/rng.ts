/**
 * mulberry32: tiny, fast and good enough for a board game. The state is a
 * plain 32-bit integer kept in the game state, so every draw is replayable.
 */
export function seedState(seed: number): number {
  // Mix the seed so that nearby seeds give unrelated sequences.
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Returns a float in [0, 1) and the next state. */
export function nextRandom(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Picks an index in [0, weights.length) with probability proportional to its weight. */
export function pickWeighted(state: number, weights: readonly number[]): [number, number] {
  const [r, next] = nextRandom(state);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let target = r * total;
  for (let i = 0; i < weights.length; i += 1) {
    target -= weights[i] ?? 0;
    if (target < 0) return [i, next];
  }
  return [weights.length - 1, next];
}

export function pickIndex(state: number, length: number): [number, number] {
  const [r, next] = nextRandom(state);
  return [Math.min(length - 1, Math.floor(r * length)), next];
}
