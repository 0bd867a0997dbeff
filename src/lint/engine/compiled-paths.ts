import { isPlainObject } from '@stoplight/json';
import Nimma from 'nimma';
import { jsonPathPlus } from 'nimma/fallbacks';

type Segment = string | number;
export type MatchCallback = (node: { path: Segment[]; value: unknown }) => void;

/**
 * Nimma, the JSONPath engine Spectral uses, turns all of a ruleset's `given` paths into one
 * generated traversal function. Spectral generates it afresh for every document it lints (and
 * loads Nimma's down-levelled build, whose private fields cost a WeakMap lookup per access); here
 * the function is generated once per set of paths and reused for every document and worker run.
 */
const compiled = new Map<string, Nimma>();

function compile(paths: string[]): Nimma {
  const key = paths.join('\n');
  let nimma = compiled.get(key);
  if (nimma === undefined) {
    nimma = new Nimma(paths, { fallback: jsonPathPlus, unsafe: false, output: 'auto', customShorthands: {} });
    compiled.set(key, nimma);
  }
  return nimma;
}

/** Calls each path's callbacks on every node it matches, in Nimma's order (Spectral's order). */
export function traverse(input: unknown, callbacks: Map<string, MatchCallback[]>): void {
  if (callbacks.size === 0) return;
  if (!isPlainObject(input) && !Array.isArray(input)) {
    for (const callback of callbacks.get('$') ?? []) callback({ path: [], value: input });
    return;
  }
  const byPath: Record<string, MatchCallback> = {};
  for (const [path, list] of callbacks) {
    byPath[path] = (node) => {
      for (const callback of list) callback(node);
    };
  }
  compile([...callbacks.keys()]).query(input as Record<string, unknown>, byPath as never);
}
