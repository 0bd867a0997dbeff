import { parse } from 'nimma/parser';
import * as nimmaRuntime from 'nimma/runtime';
import { instantiate } from './nimma-code.js';
import { filterAlone, filterCode } from './nimma-recorded.js';

type Property = string | number;

/** A JSONPath filter `[?(…)]` judged on one node: its value, its key (a number in arrays) and the document root. */
export type FilterPredicate = (value: unknown, property: Property, root: unknown) => boolean;

// The parts of a Nimma scope a filter's generated code may read for apigov to judge it on a node
// alone: the node's value and key, and the root. `@path`, `@parent` and the rest read the walk's
// position, so such filters stay with Nimma (compiled-paths.ts).
const ALLOWED_READS = ['scope.sandbox.value', 'scope.sandbox.property', 'scope.sandbox.root', 'scope.property', 'scope.emit', 'scope.traverse', 'scope.destroy'];
const READS = /scope(?:\.[A-Za-z_$][\w$]*)+/g;
const ONLY_RUNTIME_IMPORT = /^import\s*{[^}]*}\s*from\s*"nimma\/runtime";\n(?!import)/;

/** Stands in for Nimma's Scope: it keeps the traversal callback instead of walking, so the filter can be judged node by node. */
class CapturingScope {
  static last: CapturingScope | null = null;
  sandbox: { value: unknown; property: Property | null; root: unknown } = { value: undefined, property: null, root: undefined };
  property: Property | null = null;
  depth = 0;
  matched = false;
  check: (() => void) | null = null;

  constructor() {
    CapturingScope.last = this;
  }

  traverse(check: () => void): void {
    this.check = check;
  }

  emit(): void {
    this.matched = true;
  }

  destroy(): void {}
}

function readsOnlyTheNode(sourceCode: string): boolean {
  if (!ONLY_RUNTIME_IMPORT.test(sourceCode)) return false;
  for (const [read] of sourceCode.matchAll(READS)) {
    if (read === 'scope.depth') continue;
    if (!ALLOWED_READS.some((allowed) => read === allowed || read.startsWith(`${allowed}.`))) return false;
  }
  // `scope.depth < 0` guards the root, which the walk never judges; any other use reads the position.
  return sourceCode.split('scope.depth').length === sourceCode.split('scope.depth < 0').length;
}

/**
 * Nimma's own generated code for `$..[?(expression)]`, run on one node at a time: the same
 * JavaScript Spectral's engine runs for the filter, so its verdicts (and its exceptions) are
 * Nimma's. null when the expression needs more than the node, or Nimma would hand it to its
 * fallback engine.
 */
export function filterPredicate(expression: string): FilterPredicate | null {
  const alone = filterAlone(expression);
  try {
    const steps = parse(alone) as { type: string; value?: unknown; deep?: boolean }[];
    if (steps.length !== 1 || steps[0]!.type !== 'ScriptFilterExpression' || steps[0]!.value !== expression || steps[0]!.deep !== true) return null;
  } catch {
    return null;
  }
  const sourceCode = filterCode(expression);
  if (sourceCode === null || !readsOnlyTheNode(sourceCode)) return null;
  const query = instantiate(sourceCode, { ...nimmaRuntime, Scope: CapturingScope });
  if (query === null) return null;
  query({}, { [alone]: () => {} });
  const scope = CapturingScope.last;
  if (scope === null || scope.check === null) return null;
  const check = scope.check;
  return (value, property, root) => {
    scope.sandbox.value = value;
    scope.sandbox.property = property;
    scope.sandbox.root = root;
    scope.property = property;
    scope.matched = false;
    check();
    return scope.matched;
  };
}
