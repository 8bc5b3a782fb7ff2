import { describe, expect, it } from 'vitest';
import { botRandom, STRATEGIES, type Strategy, teamNames } from '../../src/bots/index.ts';
import { applyEvent, createGame, currentTeam } from '../../src/engine/index.ts';
import type { GameState } from '../../src/engine/types.ts';
import { applyPatch, diffView, PatchError } from '../../src/game/session/view-patch.ts';
import { SCENARIO_IDS, scenario } from './helpers.ts';

/** What a device holds once a message is packed and unpacked: plain data, no shared references. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('view patches', () => {
  it('names the changed paths and their new values, and nothing else', () => {
    const shared = { deep: [1, 2] };
    const before = { a: 1, b: [1, 2], c: { d: 'x', e: true }, shared, gone: 3 };
    const after = { a: 2, b: [1, 2, 3], c: { d: 'y', e: true }, shared, added: null };
    expect(diffView(before, after)).toEqual([[['gone']], [['a'], 2], [['b', 2], 3], [['c', 'd'], 'y'], [['added'], null]]);
  });

  it('shortens an array by its length, and takes an undefined field as absent', () => {
    expect(diffView({ list: [1, 2, 3], x: undefined, y: 1 }, { list: [1], x: 2, y: undefined })).toEqual([
      [['y']],
      [['list', 'length'], 1],
      [['x'], 2],
    ]);
    expect(applyPatch({ list: [1, 2, 3], y: 1 }, [[['y']], [['list', 'length'], 1]])).toEqual({ list: [1] });
  });

  it('replaces a value whose kind changed, whole', () => {
    expect(diffView({ v: [1] }, { v: { 0: 1 } })).toEqual([[['v'], { 0: 1 }]]);
    expect(diffView({ v: null }, { v: { a: 1 } })).toEqual([[['v'], { a: 1 }]]);
    expect(diffView({ v: 1 }, { v: 1 })).toEqual([]);
  });

  it('builds a new tree and leaves the old one as it was, sharing what did not change', () => {
    const before = { a: { n: 1 }, b: { n: 2 } };
    const after = applyPatch(before, [[['a', 'n'], 5]]);
    expect(after).toEqual({ a: { n: 5 }, b: { n: 2 } });
    expect(before).toEqual({ a: { n: 1 }, b: { n: 2 } });
    expect(after.b).toBe(before.b);
    expect(applyPatch(before, [])).toBe(before);
  });

  it('refuses a path through something that is not there, or to an object prototype', () => {
    expect(() => applyPatch({ a: 1 }, [[['a', 'b'], 2]])).toThrow(PatchError);
    expect(() => applyPatch({ a: {} }, [[['missing', 'b'], 2]])).toThrow('no container at missing');
    expect(() => applyPatch({ a: {} }, [[['__proto__', 'polluted'], true]])).toThrow(PatchError);
    expect(() => applyPatch({ a: {} }, [[['a', 'constructor'], 1]])).toThrow(PatchError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a path step that is neither a name nor an index, and an array length it cannot shorten to', () => {
    // An array whose string is __proto__ would pass a check by identity and still reach the prototype.
    const disguised = [[[['__proto__'] as unknown as string, 'polluted'], true]] as const;
    expect(() => applyPatch({ a: {} }, disguised as never)).toThrow('a patch path step must be a name or an index');
    expect(() => applyPatch({ a: {} }, [[[['__proto__'] as unknown as string], { evil: 1 }]])).toThrow(PatchError);
    expect(() => applyPatch({ a: {} }, [[['a', 1.5], 1]])).toThrow(PatchError);
    expect(() => applyPatch({ list: [1, 2] }, [[['list', 'length'], -1]])).toThrow('a patch may only shorten an array: -1');
    expect(() => applyPatch({ list: [1, 2] }, [[['list', 'length'], 5]])).toThrow(PatchError);
    expect(Object.getPrototypeOf(applyPatch({ a: {} }, [[['a', 'b'], 1]]))).toBe(Object.prototype);
  });

  it.each(SCENARIO_IDS)('carries a device through a whole bot game of %s, event by event, to the same game', (id) => {
    const s = scenario(id);
    let state: GameState = createGame(s, { seed: 31, teams: teamNames(4), difficulty: 'normal', rounds: 4 });
    let held = wire(state);
    const random = botRandom(31);
    const bot = STRATEGIES.table as Strategy;
    let steps = 0;
    let patchedBytes = 0;
    let wholeBytes = 0;
    while (!state.over) {
      const team = currentTeam(state);
      const next = applyEvent(state, s, team === null ? { type: 'continue' } : bot(state, s, team, random));
      const ops = wire(diffView(state, next));
      held = applyPatch(held, ops);
      // Compared with the next state as packed: a patch that missed a change, or an engine that changed the old
      // state in place (hidden from the diff by a shared reference), would show here.
      expect(held).toEqual(wire(next));
      patchedBytes += JSON.stringify(ops).length;
      wholeBytes += JSON.stringify(next).length;
      state = next;
      steps += 1;
    }
    expect(steps).toBeGreaterThan(40);
    // What the patches save is the point of sending them: under a tenth of the whole games.
    expect(patchedBytes).toBeLessThan(wholeBytes / 10);
  });
});
