import type { DepGraph } from 'dependency-graph';
import { DocumentRunner } from './document-runner.js';
import { PointerEncoder } from './pointers.js';
import { ResolveGraph, type GraphNodeData } from './resolve-graph.js';
import type { ParseResolveResult, Resolved, SchemeReaders } from './resolve-types.js';

export interface ResolveOptions {
  baseUri?: string;
  parseResolveResult?: ParseResolveResult;
}

export interface ResolveOutcome extends Resolved {
  graph: DepGraph<GraphNodeData>;
}

/**
 * A drop-in for the resolver Spectral's DocumentInventory is given (`resolve(data, { baseUri,
 * parseResolveResult })` → `{ result, graph, errors }`, and `uriCache` as its cache key), with
 * Spectral's resolved output — the same tree, shared targets, refs left in cycles, refMaps and
 * errors — built in one walk without immer, deep copies or freezing.
 */
export class RefResolver {
  /** Documents read, shared by every resolve of this resolver (Spectral keys its parsed documents by this object). */
  readonly uriCache: Map<string, DocumentRunner | Promise<DocumentRunner>> = new Map();

  constructor(private readonly readers: SchemeReaders) {}

  async resolve(source: unknown, options: ResolveOptions = {}): Promise<ResolveOutcome> {
    const graph = new ResolveGraph();
    const context = { uriCache: this.uriCache, readers: this.readers, parse: options.parseResolveResult, encoder: new PointerEncoder() };
    const runner = new DocumentRunner(context, graph, source, { depth: 0, baseUri: options.baseUri ?? '', uriStack: [] });
    const resolved = await runner.resolve();
    return { ...resolved, graph: graph.graph };
  }
}
