import { ResolverDepGraph } from '@stoplight/spectral-ref-resolver';
import type { DepGraph } from 'dependency-graph';
import { OrderedGraph } from './ordered-graph.js';

/** What Spectral reads from a graph node: `refMap` maps a place in that document to where its value came from. */
export interface GraphNodeData {
  refMap: Record<string, string>;
  data?: unknown;
}

type NodeGraph = DepGraph<GraphNodeData>;
const DepGraphWithOptions = ResolverDepGraph as unknown as new (options: { circular: boolean }) => NodeGraph;

/**
 * The graph Spectral's DocumentInventory reads (`getNodeData(source).refMap`): the package's own
 * DepGraph, so it is the same object Spectral expects, filled in the resolver's order. Repeated
 * edges are dropped here instead of by the package's `indexOf` over a document's every target.
 */
export class ResolveGraph {
  readonly graph: NodeGraph = new DepGraphWithOptions({ circular: true });
  private readonly edges = new Map<string, Set<string>>();
  /** The same nodes and edges, for the graph's overall order. */
  private readonly ordered = new OrderedGraph();
  /** That order, until the next node or edge (a lint asks once per kind of component). */
  private order: string[] | null = null;

  constructor() {
    // Spectral's unreferencedReusableObject (oas3-unused-component, oas2-unused-definition) asks
    // the graph for its overall order on every call; with cycles allowed the package looks each
    // node up in the order so far with indexOf, quadratic in the nodes. OrderedGraph gives the
    // package's order (ordered-graph.test.ts holds the two equal) in linear time. Each caller
    // gets its own copy.
    const packageOrder = this.graph.overallOrder.bind(this.graph);
    this.graph.overallOrder = (leavesOnly?: boolean) => (leavesOnly === true ? packageOrder(true) : (this.order ??= this.ordered.overallOrder()).slice());
  }

  hasNode(node: string): boolean {
    return this.graph.hasNode(node);
  }

  /** Adds a node unless it exists (with its own empty refMap, as the resolver does). */
  ensureNode(node: string, data: GraphNodeData = { refMap: {} }): void {
    if (this.graph.hasNode(node)) return;
    this.graph.addNode(node, data);
    this.ordered.addNode(node);
    this.order = null;
  }

  /** `from` depends on `to` (both exist). */
  depend(from: string, to: string): void {
    let targets = this.edges.get(from);
    if (targets === undefined) this.edges.set(from, (targets = new Set()));
    if (targets.has(to)) return;
    targets.add(to);
    this.graph.addDependency(from, to);
    this.ordered.addDependency(from, to);
    this.order = null;
  }

  /** Records in `node`'s refMap that the value at `fromPointer` came from `to`. */
  setEdge(node: string, fromPointer: string, to: string): void {
    if (!this.graph.hasNode(node)) return;
    const data = this.graph.getNodeData(node) ?? ({} as GraphNodeData);
    data.refMap ??= {};
    data.refMap[fromPointer] = to;
    this.graph.setNodeData(node, data);
  }

  setData(node: string, value: unknown): void {
    if (!this.graph.hasNode(node)) return;
    const data = this.graph.getNodeData(node) ?? ({} as GraphNodeData);
    data.data = value;
    this.graph.setNodeData(node, data);
  }
}
