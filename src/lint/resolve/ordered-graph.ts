const NONE: readonly string[] = Object.freeze([]);

/**
 * A dependency graph that tolerates cycles and yields the exact orders of the `dependency-graph`
 * package (with `circular: true`), which Spectral's resolver walks its refs in: the order decides
 * which of two writes to the same place wins and the order of refMap entries and errors. Only
 * places of refs have outgoing edges, one each, so a duplicate edge is found on that side in
 * constant time (the package searched the target's every dependant).
 */
export class OrderedGraph {
  /** Nodes in insertion order, each with its edges, made when the first one is added. */
  private readonly outgoing = new Map<string, string[] | undefined>();
  private readonly incoming = new Map<string, string[]>();

  addNode(node: string): void {
    if (!this.outgoing.has(node)) this.outgoing.set(node, undefined);
  }

  /** `from` depends on `to`; both nodes must exist. */
  addDependency(from: string, to: string): void {
    const targets = this.outgoing.get(from);
    if (targets === undefined) this.outgoing.set(from, [to]);
    else if (targets.includes(to)) return;
    else targets.push(to);
    const dependants = this.incoming.get(to);
    if (dependants === undefined) this.incoming.set(to, [from]);
    else dependants.push(from);
  }

  /** Every node after the nodes it depends on (where no cycle prevents it), in the package's order. */
  overallOrder(): string[] {
    const result: string[] = [];
    const visited = new Set<string>();
    const next = (node: string) => this.outgoing.get(node) ?? NONE;
    for (const node of this.outgoing.keys()) {
      if (!this.incoming.has(node)) depthFirst(next, node, visited, result);
    }
    // Nodes inside cycles no entry node reaches start walks of their own, in insertion order.
    for (const node of this.outgoing.keys()) depthFirst(next, node, visited, result);
    return result;
  }

  /** Everything that depends on `node`, directly or not, in the package's order. */
  dependantsOf(node: string): string[] {
    if (!this.incoming.has(node)) return [];
    const result: string[] = [];
    depthFirst((from) => this.incoming.get(from) ?? NONE, node, new Set(), result);
    result.pop(); // the walk ends with its start
    return result;
  }
}

/**
 * Post-order walk from `start` along `next`, first edge first, skipping visited nodes and nodes on
 * the current path (a cycle); appends each node when all it leads to is done.
 */
function depthFirst(next: (node: string) => readonly string[], start: string, visited: Set<string>, result: string[]): void {
  if (visited.has(start)) return;
  const onPath = new Set<string>();
  const stack: { node: string; expanded: boolean }[] = [{ node: start, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.expanded) {
      stack.pop();
      onPath.delete(top.node);
      visited.add(top.node);
      result.push(top.node);
      continue;
    }
    if (visited.has(top.node) || onPath.has(top.node)) {
      stack.pop();
      continue;
    }
    onPath.add(top.node);
    const edges = next(top.node);
    for (let index = edges.length - 1; index >= 0; index -= 1) stack.push({ node: edges[index], expanded: false });
    top.expanded = true;
  }
}
