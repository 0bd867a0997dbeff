import { isPlainObject } from '@stoplight/json';
import Nimma from 'nimma';
import * as nimmaRuntime from 'nimma/runtime';
import { indexPath } from './indexed-path.js';
import { instantiate, NIMMA_OPTIONS } from './nimma-code.js';
import { combineContexts, type PlaceContext } from './path-independence.js';
import { planPaths } from './path-plan.js';
import type { RefEntries } from './ref-entries.js';
import { callSafely, walkPaths, type MatchCallback } from './shared-walk.js';

export type { MatchCallback };
type Query = (input: unknown, callbacks: Record<string, MatchCallback>) => void;

/** Nimma's Scope with its path indexed (indexed-path.ts); the rest of the runtime is Nimma's. */
class IndexedScope extends nimmaRuntime.Scope {
  constructor(root: unknown, callbacks: unknown, parent: unknown = null) {
    super(root, callbacks, parent);
    indexPath(this.path);
  }

  /**
   * Nimma prunes its walk by "zones" only on documents that are not frozen, and the pruning can
   * lose matches (a `[?(@property…)]` path beside a `[get,put…].parameters[…]` one, alone in a
   * ruleset, misses the parameters). Spectral's resolver deep-freezes both documents, so Spectral
   * never prunes; apigov's resolver does not freeze, so the walk is told not to prune either.
   */
  override traverse(fn: unknown, _zones: unknown): void {
    super.traverse(fn, null);
  }
}
const runtime = { ...nimmaRuntime, Scope: IndexedScope };

/**
 * Nimma, the JSONPath engine Spectral uses, turns all of a ruleset's `given` paths into one
 * generated traversal function. Spectral generates it afresh for every document it lints (and
 * loads Nimma's down-levelled build, whose private fields cost a WeakMap lookup per access); here
 * the function is generated once per set of paths, evaluated against the runtime with the indexed
 * Scope, and reused for every document and worker run.
 */
const compiled = new Map<string, Query>();

function compile(paths: string[]): Query {
  const key = paths.join('\n');
  let query = compiled.get(key);
  if (query === undefined) {
    // Should the generated code ever not look as expected, Nimma runs it itself.
    const nimma = new Nimma(paths, NIMMA_OPTIONS);
    query = (instantiate((nimma as unknown as { sourceCode: string }).sourceCode, runtime) as Query | null) ?? ((input, callbacks) => nimma.query(input as never, callbacks as never));
    compiled.set(key, query);
  }
  return query;
}

export interface PathCallbacks {
  list: MatchCallback[];
  /** Each rule's dependence on the place it runs at (path-independence.ts); null: unknown. */
  contexts: (PlaceContext | null)[];
}

const fanOut = (list: MatchCallback[]): MatchCallback => (node) => {
  for (const callback of list) callback(node);
};

/**
 * Nimma's lookup of a member-only path (`$.info.version`): the parent found by plain property
 * access must be an object, and each step's value is the parent's property when the parent is
 * an object (null otherwise); the path matches unless a step's value is undefined.
 */
function lookUp(root: object, segments: (string | number)[]): { found: boolean; value: unknown } {
  let parent: unknown = root;
  for (const segment of segments.slice(0, -1)) parent = (parent as Record<string | number, unknown> | null | undefined)?.[segment];
  if (typeof parent !== 'object' || parent === null) return { found: false, value: undefined };
  let value: unknown = root;
  for (const segment of segments) {
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[segment] : null;
    if (value === undefined) return { found: false, value };
  }
  return { found: true, value };
}

/**
 * Calls each path's callbacks on every node it matches, with Nimma's semantics: `$` first, then
 * the member-only paths by lookup, then one walk for the rest (shared-walk.ts; on the resolved
 * document with `entries`, repeats of shared subtrees are skipped for repeatable paths), and
 * Nimma itself for any path apigov does not evaluate (path-plan.ts). Callback errors are
 * thrown together at the end, as Nimma does.
 */
export function traverse(input: unknown, callbacks: Map<string, PathCallbacks>, entries: RefEntries | null = null): void {
  if (callbacks.size === 0) return;
  if (!isPlainObject(input) && !Array.isArray(input)) {
    for (const callback of callbacks.get('$')?.list ?? []) callback({ path: [], value: input });
    return;
  }
  const errors: Error[] = [];
  const plan = planPaths([...callbacks.keys()]);
  for (const expression of plan.root) callSafely(expression, fanOut(callbacks.get(expression)!.list), { path: [], value: input }, errors);
  for (const { expression, segments } of plan.fixed) {
    const { found, value } = lookUp(input, segments);
    if (found) callSafely(expression, fanOut(callbacks.get(expression)!.list), { path: [...segments], value }, errors);
  }
  const targets = plan.walked.map((path) => ({ path, callback: fanOut(callbacks.get(path.expression)!.list), context: combineContexts(callbacks.get(path.expression)!.contexts) }));
  walkPaths(input, targets, entries, errors);
  if (errors.length > 0) throw new AggregateError(errors, 'Error running Nimma');
  if (plan.nimma.length === 0) return;
  const byPath: Record<string, MatchCallback> = {};
  for (const expression of plan.nimma) byPath[expression] = fanOut(callbacks.get(expression)!.list);
  compile(plan.nimma)(input, byPath);
}
