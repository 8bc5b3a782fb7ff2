/**
 * A view's change from one version to the next, as the workshop server sends
 * it (README, "Workshop server", `patch`): the paths of the JSON tree that
 * changed and their new values. A move changes a few of the game's fields,
 * so a device is sent a few hundred bytes rather than the whole game (about
 * 14 KB packed) seven times over. Pure and shared by the server, the browser
 * and the command-line devices.
 */

export type PatchPath = (string | number)[];
/** `[path, value]` sets the value at the path (an array index one past the end appends); `[path]` deletes the key. */
export type PatchOp = [PatchPath] | [PatchPath, unknown];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The operations that turn `before` into `after`, both plain JSON data. A subtree the two share by reference is
 * taken as unchanged: the engine never changes a state in place, it builds the next one. An undefined field counts
 * as absent (no view reads one apart from a missing field).
 */
export function diffView(before: unknown, after: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  walk(before, after, [], ops);
  return ops;
}

function walk(a: unknown, b: unknown, path: PatchPath, ops: PatchOp[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i += 1) walk(a[i], b[i], [...path, i], ops);
    for (let i = common; i < b.length; i += 1) ops.push([[...path, i], b[i]]);
    if (b.length < a.length) ops.push([[...path, 'length'], b.length]);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (a[key] !== undefined && (!(key in b) || b[key] === undefined)) ops.push([[...path, key]]);
    }
    for (const key of Object.keys(b)) {
      const value = b[key];
      if (value === undefined) continue;
      if (a[key] === undefined) ops.push([[...path, key], value]);
      else walk(a[key], value, [...path, key], ops);
    }
    return;
  }
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return;
  ops.push([path, b]);
}

/** Keys that would reach an object's prototype: never in a view, refused in a patch. */
const UNSAFE = new Set<string>(['__proto__', 'constructor', 'prototype']);

/** A path step as a key: a string or an index, never one that reaches a prototype (checked as the string it becomes). */
function keyOf(step: unknown, path: readonly unknown[]): string | number {
  if (typeof step === 'number' ? !Number.isInteger(step) || step < 0 : typeof step !== 'string')
    throw new PatchError(`a patch path step must be a name or an index: ${JSON.stringify(path)}`);
  if (UNSAFE.has(String(step))) throw new PatchError(`a patch may not go through ${String(step)}`);
  return step as string | number;
}

/** Why a patch cannot be applied: it names a path the view does not have. */
export class PatchError extends Error {}

/**
 * The view with the operations applied, as a new tree: what they change is copied along its path, the rest is
 * shared with `view`, which is left as it was. Throws PatchError on a path through something that is not there.
 */
export function applyPatch<T>(view: T, ops: readonly PatchOp[]): T {
  if (ops.length === 0) return view;
  const copied = new Set<unknown>();
  const copy = (v: unknown): Record<string | number, unknown> => {
    const fresh = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
    copied.add(fresh);
    return fresh;
  };
  let root = copy(view) as unknown;
  for (const op of ops) {
    const [path] = op;
    if (!Array.isArray(path) || path.length === 0) {
      if (op.length < 2) throw new PatchError('a patch cannot delete the whole view');
      root = op[1];
      continue;
    }
    let parent = root as Record<string | number, unknown>;
    if (typeof parent !== 'object' || parent === null)
      throw new PatchError('a patch goes through a value that is not a container');
    for (let i = 0; i < path.length - 1; i += 1) {
      const key = keyOf(path[i], path);
      let child = Object.hasOwn(parent, key) ? parent[key] : undefined;
      if (typeof child !== 'object' || child === null) throw new PatchError(`no container at ${path.slice(0, i + 1).join('.')}`);
      if (!copied.has(child)) {
        child = copy(child);
        parent[key] = child;
      }
      parent = child as Record<string | number, unknown>;
    }
    const last = keyOf(path[path.length - 1], path);
    if (op.length < 2) delete parent[last];
    else if (Array.isArray(parent) && last === 'length') {
      const length = op[1];
      const list = parent as unknown[];
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > list.length)
        throw new PatchError(`a patch may only shorten an array: ${String(length)}`);
      list.length = length;
    } else parent[last] = op[1];
  }
  return root as T;
}
