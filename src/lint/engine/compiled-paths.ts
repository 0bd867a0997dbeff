import { isPlainObject } from '@stoplight/json';
import Nimma from 'nimma';
import { jsonPathPlus } from 'nimma/fallbacks';
import * as nimmaRuntime from 'nimma/runtime';
import { indexPath } from './indexed-path.js';

type Segment = string | number;
export type MatchCallback = (node: { path: Segment[]; value: unknown }) => void;
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

const IMPORTS = /import\s*({[^}]+})\s*from\s*['"][^'"]+['"];?/g;

/**
 * Nimma generates one module of JavaScript for a set of paths and evaluates it against its own
 * runtime. This evaluates that same generated code against the runtime with the indexed Scope.
 * Should the generated code ever not look as expected, Nimma runs it itself.
 */
function compileQuery(nimma: Nimma): Query {
  const { sourceCode } = nimma as unknown as { sourceCode: string };
  const imports = [...sourceCode.matchAll(IMPORTS)];
  // The first import is Nimma's runtime; any others are the fallback engine's, passed in by name.
  if (imports.length === 0 || !/nimma\/runtime/.test(imports[0]![0]) || !sourceCode.includes('export default function')) return (input, callbacks) => nimma.query(input as never, callbacks as never);
  const code = sourceCode.replace(IMPORTS, '').replace('export default function', 'return function');
  const deps = (jsonPathPlus as { runtimeDeps: Map<string, unknown> }).runtimeDeps;
  const factory = Function('__runtime__', ...deps.keys(), `const ${imports[0]![1]} = __runtime__;\n${code}`) as (...args: unknown[]) => Query;
  return factory(runtime, ...deps.values());
}

/**
 * Nimma, the JSONPath engine Spectral uses, turns all of a ruleset's `given` paths into one
 * generated traversal function. Spectral generates it afresh for every document it lints (and
 * loads Nimma's down-levelled build, whose private fields cost a WeakMap lookup per access); here
 * the function is generated once per set of paths and reused for every document and worker run.
 */
const compiled = new Map<string, Query>();

function compile(paths: string[]): Query {
  const key = paths.join('\n');
  let query = compiled.get(key);
  if (query === undefined) {
    query = compileQuery(new Nimma(paths, { fallback: jsonPathPlus, unsafe: false, output: 'auto', customShorthands: {} }));
    compiled.set(key, query);
  }
  return query;
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
  compile([...callbacks.keys()])(input, byPath);
}
