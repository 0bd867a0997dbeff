import { childPointer, decodeCrawlPointer, decodePointer } from './pointers.js';
import { OrderedGraph } from './ordered-graph.js';
import type { RemoteRef } from './ref-uri.js';
import type { ResolveError, UriResult } from './resolve-types.js';
import { StemGraph } from './stem-graph.js';
import type { DocumentRunner } from './document-runner.js';

/** The `$ref` string of a value, as Spectral's default getRef reads it. */
function refText(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const ref = (value as { $ref?: unknown }).$ref;
  return typeof ref === 'string' ? ref : undefined;
}

/** Spectral's crawler calls `target.hasOwnProperty(key)`; a document key of that name makes it throw, and so do we. */
function assertCallableHasOwn(target: object): void {
  if (typeof (target as { hasOwnProperty?: unknown }).hasOwnProperty !== 'function') throw new TypeError('target.hasOwnProperty is not a function');
}

/** Where a walk started: the crawler's pointer there, and how many keys the walked path had. */
interface WalkBase {
  pointer: string;
  depth: number;
}

/**
 * The crawler's pointer to the place `path` leads to below `base`: childPointer key by key, as
 * Spectral's crawler builds it at every node. Built only where a ref is found — the walk meets
 * ~260,000 nodes on GitHub's description and ~10,000 refs.
 */
function placeOf(base: WalkBase, path: readonly string[]): string {
  let place = base.pointer;
  for (let index = base.depth; index < path.length; index += 1) place = childPointer(place, path[index]!);
  return place;
}

/**
 * One walk over a document (or, for a ref into another document, over the target and what its
 * local refs lead to), collecting what Spectral's ResolveCrawler collects: the local refs as a
 * pointer graph (place → target) with their stems for cycle detection, the targets as graph
 * nodes, and a lookup started for every external ref. Nothing under a `$ref` is walked.
 */
export class RefCrawl {
  readonly pointers = new OrderedGraph();
  readonly stems = new StemGraph();
  readonly lookups: Promise<UriResult>[] = [];
  private readonly places = new Map<string, string[]>();
  private readonly targetPaths = new Map<string, string[]>();
  /** Whether walked paths are their pointers decoded (not so under `#/`, which decodes to a key ''). */
  private pathsArePointers = true;

  constructor(
    private readonly runner: DocumentRunner,
    /** The pointer being resolved in this document; when set, targets of local refs are walked too. */
    private readonly jsonPointer: string | undefined,
    private readonly errors: ResolveError[],
  ) {}

  /** The decoded path of a place where a ref was found (pointerToPath of its crawler pointer). */
  placePath(pointer: string): string[] {
    return this.places.get(pointer) ?? decodePointer(pointer);
  }

  /** Walks the resolved part: `target` found at `path`, written `pointer` ('' for the whole document). */
  start(target: unknown, path: string[], pointer: string): void {
    const decoded = decodePointer(pointer || '#');
    this.pathsArePointers = decoded.length === path.length && decoded.every((segment, index) => segment === path[index]);
    this.walk(target, path, pointer, []);
  }

  private walk(target: unknown, path: string[], pointer: string, pointerStack: string[]): void {
    const ref = refText(target);
    if (ref !== undefined) this.follow(ref, target, path, pointer || '#', pointerStack);
    else if (typeof target === 'object' && target !== null) this.walkChildren(target, path, { pointer: pointer || '#', depth: path.length }, pointerStack);
  }

  private walkChildren(target: object, path: string[], base: WalkBase, pointerStack: string[]): void {
    const keys = Object.keys(target);
    if (keys.length > 0) assertCallableHasOwn(target);
    for (const key of keys) {
      const value = (target as Record<string, unknown>)[key];
      const ref = refText(value);
      path.push(key);
      if (ref !== undefined) this.follow(ref, value, path, placeOf(base, path), pointerStack);
      else if (typeof value === 'object' && value !== null) this.walkChildren(value, path, base, pointerStack);
      path.pop();
    }
  }

  private follow(text: string, value: unknown, path: string[], place: string, pointerStack: string[]): void {
    const ref = this.runner.refs.parse(text);
    if (!ref.local) return this.lookUp(ref, value, path, place, pointerStack);
    let targetPath = this.targetPaths.get(ref.pointer);
    if (targetPath === undefined) {
      try {
        targetPath = decodePointer(ref.pointer);
      } catch {
        const { baseUri, uriStack } = this.runner;
        this.errors.push({ code: 'PARSE_POINTER', message: `'${ref.text}' JSON pointer is invalid`, uri: baseUri, uriStack, pointerStack: [], path: [] });
        return;
      }
      this.targetPaths.set(ref.pointer, targetPath);
    }
    // A ref to a place that contains it (its own parent) is left alone entirely.
    if (targetPath.length > 0 && targetPath.length <= path.length && targetPath.every((segment, index) => path[index] === segment)) return;
    this.stems.addRef(path, place, targetPath, ref.pointer);
    this.pointers.addNode(place);
    this.pointers.addNode(ref.pointer);
    if (!this.places.has(place)) this.places.set(place, this.pathsArePointers ? decodeCrawlPointer(place, path) : decodePointer(place));
    this.runner.addTargetNode(ref.pointer);
    this.pointers.addDependency(place, ref.pointer);
    if (this.jsonPointer && (pointerStack.length < 2 || !pointerStack.includes(ref.pointer))) {
      pointerStack.push(ref.pointer);
      this.walk(this.runner.read(targetPath), targetPath.slice(), ref.pointer, pointerStack);
      pointerStack.pop();
    }
  }

  private lookUp(ref: RemoteRef, value: unknown, path: string[], place: string, pointerStack: string[]): void {
    this.runner.addRemoteNode(ref.uri.toString());
    if (this.runner.atMaxUriDepth()) return;
    const resolvingPointer = this.jsonPointer;
    this.lookups.push(this.runner.lookUp({ ref, value, parentPath: path.slice(), parentPointer: place, resolvingPointer, pointerStack }));
  }
}
