import { parse } from 'nimma/parser';
import { filterPredicate, type FilterPredicate } from './filter-predicate.js';
import { nimmaFallsBack } from './nimma-recorded.js';

type Segment = string | number;

/** One step of a path, applied to a child node; `deep` (a `..` before it) also lets it match any level further down. */
export type Step =
  | { kind: 'member'; names: MemberName[]; deep: boolean }
  | { kind: 'any'; deep: boolean }
  | { kind: 'filter'; test: FilterPredicate; deep: boolean };

export interface WalkedPath {
  expression: string;
  steps: Step[];
  /** Ends in `~`: the match reports the node's key as its value. */
  keys: boolean;
}

/**
 * How each `given` path is evaluated. Nimma emits `$` first, then looks the member-only paths
 * up directly (`$.info.version`: its "fixed" paths), then walks the tree for the rest; apigov
 * keeps that order and those lookups, walks the rest itself (shared-walk.ts), and leaves to
 * Nimma any path whose syntax or filter it does not evaluate itself.
 */
export interface PathPlan {
  root: string[];
  fixed: { expression: string; segments: Segment[] }[];
  walked: WalkedPath[];
  nimma: string[];
}

type Node = { type: string; value?: unknown; deep?: boolean };

/**
 * A member name as Nimma compares it: a number, or a string that reads as a safe integer
 * (`[0]`, `['200']`), matches any key with that text — array index or object key; any other
 * string matches only that object key.
 */
export interface MemberName {
  text: string;
  loose: boolean;
}

function memberName(value: Segment): MemberName {
  return { text: String(value), loose: typeof value === 'number' || Number.isSafeInteger(Number(value)) };
}

function stepOf(node: Node): Step | null {
  const deep = node.deep === true;
  switch (node.type) {
    case 'MemberExpression':
      return typeof node.value === 'string' || typeof node.value === 'number' ? { kind: 'member', names: [memberName(node.value)], deep } : null;
    case 'MultipleMemberExpression':
      return Array.isArray(node.value) && node.value.every((name) => typeof name === 'string' || typeof name === 'number')
        ? { kind: 'member', names: (node.value as Segment[]).map(memberName), deep }
        : null;
    case 'WildcardExpression':
      return { kind: 'any', deep };
    case 'ScriptFilterExpression': {
      const test = typeof node.value === 'string' ? filterPredicate(node.value) : null;
      return test === null ? null : { kind: 'filter', test, deep };
    }
    default:
      return null;
  }
}

/**
 * Shapes Nimma's compiler gives its own meaning, which apigov leaves to it rather than imitate:
 * a `..*` followed by more steps acts as a bare `..` (`$..*.a` also matches a top-level `a`),
 * and a leading wildcard followed by a `..` step matches nothing (`$.*..a`).
 */
function nimmaReadsDifferently(steps: Step[]): boolean {
  if (steps.some((step, index) => step.kind === 'any' && step.deep && index < steps.length - 1)) return true;
  return steps.length > 1 && steps[0]!.kind === 'any' && !steps[0]!.deep && steps[1]!.deep;
}

function place(plan: PathPlan, expression: string): void {
  let nodes: Node[];
  try {
    nodes = parse(expression) as Node[];
  } catch {
    plan.nimma.push(expression); // Nimma reports the syntax error as Spectral would.
    return;
  }
  if (nodes.length === 0) return void plan.root.push(expression);
  if (nimmaFallsBack(expression)) return void plan.nimma.push(expression);
  const keys = nodes[nodes.length - 1]!.type === 'KeyExpression';
  const stepNodes = keys ? nodes.slice(0, -1) : nodes;
  const memberOnly = stepNodes.every((node) => node.type === 'MemberExpression' && node.deep !== true);
  if (memberOnly && !keys) return void plan.fixed.push({ expression, segments: stepNodes.map((node) => node.value as Segment) });
  const steps = stepNodes.map(stepOf);
  if (memberOnly || stepNodes.length === 0 || steps.some((step) => step === null) || nimmaReadsDifferently(steps as Step[])) return void plan.nimma.push(expression);
  plan.walked.push({ expression, steps: steps as Step[], keys });
}

const plans = new Map<string, PathPlan>();

/** The plan for a set of paths, made once per set (rulesets repeat across documents and runs). */
export function planPaths(expressions: string[]): PathPlan {
  const id = expressions.join('\n');
  let plan = plans.get(id);
  if (plan === undefined) {
    plan = { root: [], fixed: [], walked: [], nimma: [] };
    for (const expression of expressions) place(plan, expression);
    plans.set(id, plan);
  }
  return plan;
}
