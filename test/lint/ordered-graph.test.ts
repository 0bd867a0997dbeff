import { createRequire } from 'node:module';
import type { DepGraph as PackageGraph } from 'dependency-graph';
import { describe, expect, it } from 'vitest';
import { OrderedGraph } from '../../src/lint/resolve/ordered-graph.js';
import { ResolveGraph } from '../../src/lint/resolve/resolve-graph.js';

// The package Spectral's resolver uses (through @stoplight/spectral-ref-resolver).
const { DepGraph } = createRequire(createRequire(import.meta.url).resolve('@stoplight/spectral-ref-resolver'))('dependency-graph') as typeof import('dependency-graph');

type Operation = ['node', string] | ['edge', string, string];

/** Random node and edge additions, in the resolver's way: edges only between nodes that exist; cycles, self-loops and repeats included. */
function randomOperations(seed: number): Operation[] {
  let state = seed;
  const next = (bound: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % bound;
  };
  const nodes: string[] = [];
  const operations: Operation[] = [];
  const size = 1 + next(40);
  for (let step = 0; step < size * 3; step += 1) {
    if (nodes.length === 0 || next(3) === 0) {
      const node = `#/n${next(size)}`;
      if (!nodes.includes(node)) nodes.push(node);
      operations.push(['node', node]);
    } else {
      operations.push(['edge', nodes[next(nodes.length)]!, nodes[next(nodes.length)]!]);
    }
  }
  return operations;
}

/** Applies the operations to the package's graph and, through the two callbacks, to ours. */
function apply(operations: Operation[], theirs: PackageGraph<undefined>, addNode: (node: string) => void, addEdge: (from: string, to: string) => void): void {
  for (const operation of operations) {
    if (operation[0] === 'node') {
      addNode(operation[1]);
      if (!theirs.hasNode(operation[1])) theirs.addNode(operation[1]);
    } else {
      addEdge(operation[1], operation[2]);
      theirs.addDependency(operation[1], operation[2]);
    }
  }
}

describe('OrderedGraph', () => {
  it("gives the dependency-graph package's overall order and dependants (circular: true) on 500 random graphs", () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const ours = new OrderedGraph();
      const theirs = new DepGraph<undefined>({ circular: true });
      apply(randomOperations(seed), theirs, (node) => ours.addNode(node), (from, to) => ours.addDependency(from, to));
      expect(ours.overallOrder(), `seed ${seed}`).toEqual(theirs.overallOrder());
      for (const node of theirs.overallOrder()) expect(ours.dependantsOf(node), `seed ${seed}, ${node}`).toEqual(theirs.dependantsOf(node));
    }
  });
});

describe("ResolveGraph's graph (what Spectral's unreferencedReusableObject reads)", () => {
  it("answers overallOrder as the package's own graph does, and leavesOnly through the package", () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const graph = new ResolveGraph();
      const theirs = new DepGraph<undefined>({ circular: true });
      // The resolver never makes a document depend on itself.
      const withoutSelfLoops = randomOperations(seed).filter((operation) => operation[0] === 'node' || operation[1] !== operation[2]);
      apply(withoutSelfLoops, theirs, (node) => graph.ensureNode(node), (from, to) => graph.depend(from, to));
      expect(graph.graph.overallOrder(), `seed ${seed}`).toEqual(theirs.overallOrder());
      expect(graph.graph.overallOrder(true), `seed ${seed}`).toEqual(theirs.overallOrder(true));
      // Asked again after a new node and edge: the remembered order is not stale.
      graph.ensureNode('#/late');
      theirs.addNode('#/late');
      const first = theirs.overallOrder()[0]!;
      if (first !== '#/late') {
        graph.depend('#/late', first);
        theirs.addDependency('#/late', first);
      }
      const order = graph.graph.overallOrder();
      expect(order, `seed ${seed}, after more`).toEqual(theirs.overallOrder());
      order.pop();
      expect(graph.graph.overallOrder(), `seed ${seed}, a caller's copy changed`).toEqual(theirs.overallOrder());
    }
  });
});
