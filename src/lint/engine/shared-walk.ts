import { RuntimeError } from 'nimma/errors';
import { FilterFailure } from '../filter-guard.js';
import type { WalkedPath, Step } from './path-plan.js';
import type { PlaceContext } from './path-independence.js';
import type { Entry, RefEntries } from './ref-entries.js';

type Segment = string | number;
export type MatchCallback = (node: { path: Segment[]; value: unknown }) => void;

export interface WalkTarget {
  path: WalkedPath;
  callback: MatchCallback;
  /**
   * What the path's rules read besides the node, from the place (path-independence.ts): equal
   * answers at two places mean equal results for the same node; null: unknown, never skipped.
   */
  context: PlaceContext | null;
}

// A state is one path's position: index * STEPS + steps matched so far.
const STEPS = 1024;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

function matches(step: Step, key: Segment, value: unknown, root: unknown): boolean {
  switch (step.kind) {
    case 'member':
      for (const name of step.names) if (name.loose ? String(key) === name.text : key === name.text) return true;
      return false;
    case 'any':
      return true;
    case 'filter':
      return step.test(value, key, root);
  }
}

function printError(error: unknown): string {
  const printable = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : 'unknown');
  return error instanceof Error ? `${error.constructor.name}(${printable(error.message)})` : printable(error);
}

/**
 * Walks a document for the paths Nimma would walk, with Nimma's semantics and order (depth first,
 * keys in Object.keys order, at each node the paths in the order given), as a set of small
 * automata: each node carries the positions its ancestors reached in every path, so a subtree no
 * path can match in is not entered at all.
 *
 * On the resolved document the same schema object appears wherever a `$ref` points at it — on
 * GitHub's description 2.0 million nodes for 0.26 million written. Given `entries`, a subtree met
 * again with the same positions for the repeatable paths, and a place whose results map back to
 * the same file places (ref-entries.ts), is not walked again for those paths: every match there
 * would repeat a match already made, run the same functions on the same node and give results
 * Spectral's runner drops as duplicates. Paths with other rules are still walked there.
 *
 * A callback's error is added to `errors` and the walk goes on, as in Nimma (whose caller throws
 * them together at the end); a filter that throws stops the walk with the place it was judging.
 */
export function walkPaths(root: object, targets: WalkTarget[], entries: RefEntries | null, errors: Error[]): void {
  const path: Segment[] = [];
  const output = {
    path,
    value: undefined as unknown,
  };
  const interned = new Map<string, number>();
  const done = new WeakMap<object, Set<string>>();

  const emit = (target: WalkTarget, key: Segment, value: unknown) => {
    output.value = target.path.keys ? key : value;
    callSafely(target.path.expression, target.callback, output, errors);
  };

  const visit = (key: Segment, value: unknown, states: number[], parentEntry: Entry | null) => {
    path.push(key);
    const next: number[] = [];
    for (const state of states) {
      const step = targets[Math.floor(state / STEPS)]!.path.steps[state % STEPS]!;
      if (step.deep) next.push(state);
      let matched: boolean;
      try {
        matched = matches(step, key, value, root);
      } catch (error) {
        if (errors.length > 0) throw new AggregateError(errors, 'Error running Nimma');
        throw new FilterFailure(path.join('.') || 'the document root', root, error);
      }
      if (matched) next.push(state + 1);
    }
    next.sort((a, b) => a - b);
    let live: number[] = [];
    let previous = -1;
    for (const state of next) {
      if (state === previous) continue;
      previous = state;
      const target = targets[Math.floor(state / STEPS)]!;
      if (state % STEPS === target.path.steps.length) emit(target, key, value);
      else live.push(state);
    }
    if (live.length > 0 && isObject(value)) {
      const entry = parentEntry === null ? null : entries!.child(parentEntry, key);
      let remember: string | null = null;
      if (entry !== null) {
        let id = '';
        const repeatable = new Set<number>();
        for (const state of live) {
          const context = targets[Math.floor(state / STEPS)]!.context?.(path) ?? null;
          if (context === null) continue;
          repeatable.add(state);
          id += `${state}:${context},`;
        }
        const signature = repeatable.size > 0 ? entries!.signature(entry, value) : null;
        if (signature !== null) {
          let internedId = interned.get(id);
          if (internedId === undefined) interned.set(id, (internedId = interned.size));
          const doneKey = `${internedId}|${signature}`;
          if (done.get(value)?.has(doneKey)) live = live.filter((state) => !repeatable.has(state));
          else remember = doneKey;
        }
      }
      if (live.length > 0) walkChildren(value, live, entry);
      if (remember !== null) {
        let keys = done.get(value);
        if (keys === undefined) done.set(value, (keys = new Set()));
        keys.add(remember);
      }
    }
    path.pop();
  };

  const walkChildren = (node: object, states: number[], entry: Entry | null) => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) visit(index, node[index], states, entry);
    } else {
      for (const key of Object.keys(node)) visit(key, (node as Record<string, unknown>)[key], states, entry);
    }
  };

  const start = targets.map((_, index) => index * STEPS);
  if (start.length > 0) walkChildren(root, start, entries === null ? null : entries.root());
}

/** Calls a match callback the way Nimma's proxied callbacks do: an error is recorded, named after the path, and the walk goes on. */
export function callSafely(expression: string, callback: MatchCallback, node: { path: Segment[]; value: unknown }, errors: Error[]): void {
  try {
    callback(node);
  } catch (error) {
    errors.push(new RuntimeError(`${expression} threw: ${printError(error)}`, { cause: error }));
  }
}
