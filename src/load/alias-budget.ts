import type { Alias, Document, Node, Pair } from 'yaml';
import { yaml } from './yaml-module.js';

export type AliasProblem =
  | { kind: 'too-many'; offset: number; budget: number }
  | { kind: 'too-deep'; offset: number; maxDepth: number }
  | { kind: 'recursive'; offset: number; anchor: string };

type Visited = Node | Pair | null | undefined;

interface Expansion {
  /** Nodes once every alias inside is replaced by what it names (keys count, as scalars). */
  size: number;
  /** Nesting once expanded: a collection is one level, a scalar none. */
  depth: number;
}

const SCALAR: Expansion = { size: 1, depth: 0 };

/**
 * What YAML aliases (and merge keys, which are aliases too) would add when a parser expands
 * them, counted on the yaml package's syntax tree, where aliases are still references. Each
 * anchored node's expansion is computed once, so the count costs one pass however large the
 * expansion: a "billion laughs" is refused after a few thousand steps instead of building 10^9
 * nodes. Aliases also add depth (a chain of small anchors each aliasing the last nests without
 * any deep text), so the expanded depth is checked too. An alias inside the node it names
 * (recursion) is refused: parsers that expand aliases into plain data recurse forever on it.
 */
export function checkAliasExpansion(document: Document.Parsed, budget: number, maxDepth = Number.POSITIVE_INFINITY): AliasProblem | undefined {
  const { isAlias, isCollection, isPair, isScalar, visit } = yaml();
  const targets = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  // Document order: an alias names the last anchor of that name before it.
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  if (targets.size === 0) return undefined;

  const known = new Map<Node, Expansion>();
  const inProgress = new Set<Node>();
  let problem: AliasProblem | undefined;
  const expand = (item: Visited): Expansion => {
    if (item === null || item === undefined || problem) return { size: 0, depth: 0 };
    if (isPair(item)) {
      const [key, value] = [expand(item.key as Visited), expand(item.value as Visited)];
      return { size: key.size + value.size, depth: Math.max(key.depth, value.depth) };
    }
    if (isAlias(item)) {
      const target = targets.get(item);
      if (target === undefined) return SCALAR;
      if (inProgress.has(target)) {
        problem = { kind: 'recursive', offset: item.range?.[0] ?? 0, anchor: item.source };
        return SCALAR;
      }
      return expand(target);
    }
    const cached = known.get(item);
    if (cached !== undefined) return cached;
    if (isScalar(item) || !isCollection(item)) return SCALAR;
    inProgress.add(item);
    const expansion = { size: 1, depth: 0 };
    for (const child of item.items) {
      const inner = expand(child as Visited);
      expansion.size += inner.size;
      expansion.depth = Math.max(expansion.depth, inner.depth);
    }
    expansion.depth += 1;
    inProgress.delete(item);
    known.set(item, expansion);
    return expansion;
  };

  let added = 0;
  for (const [alias, target] of targets) {
    if (target === undefined) continue;
    added += expand(target).size - 1;
    if (problem) return problem;
    if (added > budget) return { kind: 'too-many', offset: alias.range?.[0] ?? 0, budget };
  }
  return deepestAlias(document.contents, (target) => expand(target).depth, targets, maxDepth);
}

/** The first alias (in document order) at which the expanded document nests deeper than `maxDepth`. */
function deepestAlias(root: Visited, depthOf: (target: Node) => number, targets: Map<Alias, Node | undefined>, maxDepth: number): AliasProblem | undefined {
  const { isAlias, isCollection, isPair } = yaml();
  const visit = (item: Visited, above: number): AliasProblem | undefined => {
    if (item === null || item === undefined) return undefined;
    if (isPair(item)) return visit(item.key as Visited, above) ?? visit(item.value as Visited, above);
    if (isAlias(item)) {
      const target = targets.get(item);
      if (target !== undefined && above + depthOf(target) > maxDepth) return { kind: 'too-deep', offset: item.range?.[0] ?? 0, maxDepth };
      return undefined;
    }
    if (!isCollection(item)) return undefined;
    for (const child of item.items) {
      const found = visit(child as Visited, above + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root, 0);
}
