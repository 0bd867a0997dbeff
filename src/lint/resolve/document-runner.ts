import type URI from 'urijs';
import { DraftSession } from './draft-tree.js';
import { inlineLocalRefs } from './inline-refs.js';
import { pathGet } from './path-get.js';
import { decodePointer, type PointerEncoder } from './pointers.js';
import { RefCrawl } from './ref-crawl.js';
import { baseUriOf, RefUris, withoutFragment } from './ref-uri.js';
import { lookUpRef, type LookupRequest } from './remote-lookup.js';
import type { ResolveGraph } from './resolve-graph.js';
import type { ParseResolveResult, Resolved, SchemeReaders, UriResult } from './resolve-types.js';

/** What every document of one resolver shares. */
export interface ResolverContext {
  /** Documents by URI (without fragment): a runner, or the promise of one while it is read. */
  uriCache: Map<string, DocumentRunner | Promise<DocumentRunner>>;
  readers: SchemeReaders;
  parse: ParseResolveResult | undefined;
  encoder: PointerEncoder;
}

interface RunnerOptions {
  depth: number;
  baseUri: string;
  root?: URI;
  uriStack: string[];
}

/** Spectral's resolver follows a chain of documents this deep at most. */
const MAX_URI_DEPTH = 100;

/**
 * One document as Spectral's ResolveRunner holds it: its current data (which each resolve of a
 * part of it replaces with a more resolved copy, as Spectral's does), its base URI and its place
 * in the chain of documents being resolved.
 */
export class DocumentRunner {
  readonly depth: number;
  readonly baseUri: URI;
  readonly root: string;
  readonly refs: RefUris;
  source: unknown;
  uriStack: string[];
  private readonly baseHref: string;

  constructor(
    readonly context: ResolverContext,
    readonly graph: ResolveGraph,
    source: unknown,
    options: RunnerOptions,
  ) {
    this.depth = options.depth;
    this.source = source;
    this.baseUri = baseUriOf(options.baseUri, context.readers);
    this.baseHref = this.baseUri.toString();
    this.uriStack = options.uriStack;
    this.root = options.root?.toString() || this.baseHref || 'root';
    this.refs = new RefUris(this.baseUri, context.readers);
    graph.ensureNode(this.root, { refMap: {}, data: source });
    if (this.depth === 0) context.uriCache.set(withoutFragment(this.baseUri), this);
  }

  /** The runner for a document this one's ref led to. */
  child(source: unknown, uri: URI): DocumentRunner {
    return new DocumentRunner(this.context, this.graph, source, { depth: this.depth + 1, baseUri: uri.toString(), root: uri, uriStack: this.uriStack });
  }

  atMaxUriDepth(): boolean {
    return this.uriStack.length >= MAX_URI_DEPTH;
  }

  read(path: readonly string[]): unknown {
    return pathGet(this.source, path);
  }

  addTargetNode(pointer: string): void {
    this.addNode(`${this.baseHref}${pointer}`);
  }

  addRemoteNode(uri: string): void {
    this.addNode(uri);
  }

  lookUp(request: LookupRequest): Promise<UriResult> {
    return lookUpRef(this, request);
  }

  /** Resolves the part at `jsonPointer` (all of the document without one); `parentPath` is where the asking document wants it. */
  async resolve(options: { jsonPointer?: string; parentPath?: string[] } = {}): Promise<Resolved> {
    const resolved: Resolved = { result: this.source, refMap: {}, errors: [] };
    const jsonPointer = options.jsonPointer?.trim();
    let targetPath: string[] | undefined;
    if (jsonPointer && jsonPointer !== '#' && jsonPointer !== '#/') {
      try {
        targetPath = decodePointer(jsonPointer);
      } catch {
        resolved.errors.push({ code: 'PARSE_POINTER', message: `'${jsonPointer}' JSON pointer is invalid`, uri: this.baseUri, uriStack: this.uriStack, pointerStack: [], path: [] });
        return resolved;
      }
      resolved.result = pathGet(resolved.result, targetPath);
    }
    if (resolved.result === undefined) {
      const message = `'${jsonPointer}' does not exist @ '${this.baseHref}'`;
      resolved.errors.push({ code: 'POINTER_MISSING', message, uri: this.baseUri, uriStack: this.uriStack, pointerStack: [], path: targetPath ?? [] });
      return resolved;
    }
    const crawl = new RefCrawl(this, jsonPointer, resolved.errors);
    crawl.start(resolved.result, targetPath?.slice() ?? [], jsonPointer || '');
    // No await without external refs: a part resolves in one go, as in Spectral.
    const lookups = crawl.lookups.length > 0 ? await Promise.all(crawl.lookups) : [];
    for (const lookup of lookups) this.applyLookup(lookup, targetPath, resolved);
    if (typeof this.source === 'object') {
      this.source = inlineLocalRefs(this, crawl, resolved);
      resolved.result = targetPath ? pathGet(this.source, targetPath) : this.source;
    } else resolved.result = this.source;
    this.graph.setData(this.root, this.source);
    return resolved;
  }

  /** Puts an external ref's value in place (the whole document when the ref is its root) and records where it came from. */
  private applyLookup(lookup: UriResult, targetPath: string[] | undefined, resolved: Resolved): void {
    const path = lookup.targetPath.length > 0 ? lookup.targetPath : (targetPath ?? []);
    const pointer = this.context.encoder.encode(path);
    const uri = String(lookup.uri);
    resolved.refMap[String(this.baseUri.clone().fragment(pointer))] = uri;
    this.graph.setEdge(this.root, pointer, uri);
    if (lookup.error) resolved.errors.push(lookup.error);
    if (!lookup.resolved) return;
    resolved.errors = resolved.errors.concat(lookup.resolved.errors);
    const value = lookup.resolved.result;
    if (value === undefined) return;
    if (path.length === 0) {
      this.source = value;
      return;
    }
    const session = new DraftSession(this.source);
    session.set(path, value);
    this.graph.setData(uri, value);
    this.source = session.finalize();
  }

  private addNode(node: string): void {
    this.graph.ensureNode(node);
    if (this.root !== node) this.graph.depend(this.root, node);
  }
}
