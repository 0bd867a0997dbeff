import YAML, { isAlias, isCollection, isPair, isScalar, type Node } from 'yaml';

export type AliasProblem =
  | { kind: 'too-many'; offset: number; budget: number }
  | { kind: 'recursive'; offset: number; anchor: string };

type Visited = Node | YAML.Pair | null | undefined;

/**
 * Counts the nodes YAML aliases (and merge keys, which are aliases too) would add when a parser
 * expands them, on the yaml package's syntax tree, where aliases are still references. Each
 * anchored node's expanded size is computed once, so the count costs one pass however large the
 * expansion: a "billion laughs" is refused after a few thousand steps instead of building 10^9
 * nodes. An alias inside the node it names (recursion) is refused too: parsers that expand
 * aliases into plain data recurse forever on it.
 */
export function checkAliasExpansion(document: YAML.Document.Parsed, budget: number): AliasProblem | undefined {
  const targets = new Map<YAML.Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  // Document order: an alias names the last anchor of that name before it.
  YAML.visit(document, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  if (targets.size === 0) return undefined;

  const sizes = new Map<Node, number>();
  const inProgress = new Set<Node>();
  let recursive: AliasProblem | undefined;
  const expanded = (item: Visited): number => {
    if (item === null || item === undefined || recursive) return 0;
    if (isPair(item)) return expanded(item.key as Visited) + expanded(item.value as Visited);
    if (isAlias(item)) {
      const target = targets.get(item);
      if (target === undefined) return 1;
      if (inProgress.has(target)) {
        recursive = { kind: 'recursive', offset: item.range?.[0] ?? 0, anchor: item.source };
        return 0;
      }
      return expanded(target);
    }
    const known = sizes.get(item);
    if (known !== undefined) return known;
    if (isScalar(item) || !isCollection(item)) return 1;
    inProgress.add(item);
    let size = 1;
    for (const child of item.items) size += expanded(child as Visited);
    inProgress.delete(item);
    sizes.set(item, size);
    return size;
  };

  let added = 0;
  for (const [alias, target] of targets) {
    if (target === undefined) continue;
    added += expanded(target) - 1;
    if (recursive) return recursive;
    if (added > budget) return { kind: 'too-many', offset: alias.range?.[0] ?? 0, budget };
  }
  return undefined;
}
