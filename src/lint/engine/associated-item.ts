import { encodePointerUriFragment, decodePointerFragment, extractSourceFromRef, isLocalRef } from '@stoplight/json';
import { resolve as resolvePath } from '@stoplight/path';
import runtime from '@stoplight/spectral-runtime';
import type { Document } from '@stoplight/spectral-core';
import type { AssociatedItem, Inventory } from './spectral-internals.js';
import { FirstEntryMap } from './first-entry-map.js';

// A CommonJS module whose exports Node cannot list for named imports.
const { getClosestJsonPath, isAbsoluteRef, traverseObjUntilRef } = runtime;

type Segment = string | number;
type RefMap = Record<string, string>;

/** A refMap's keys split at '/', for asking whether a pointer is one of them segment by segment. */
interface KeyTrie {
  /** The pointer so far is a refMap key. */
  key: boolean;
  /** Made with the first pointer below: most nodes are the last segment of a key and have none. */
  below: Map<string, KeyTrie> | undefined;
}

function keyTrie(refMap: RefMap): KeyTrie {
  const root: KeyTrie = { key: false, below: undefined };
  for (const key in refMap) {
    let node = root;
    // The key's segments at each '/', without an array per key (GitHub's refMap: 10,460 keys).
    for (let start = 0; ; ) {
      const end = key.indexOf('/', start);
      const segment = end === -1 ? key.slice(start) : key.slice(start, end);
      const below = (node.below ??= new Map());
      let next = below.get(segment);
      if (next === undefined) below.set(segment, (next = { key: false, below: undefined }));
      node = next;
      if (end === -1) break;
      start = end + 1;
    }
    node.key = true;
  }
  return root;
}

/**
 * Where the walk through the refMaps stands after some of a path's segments: a pointer in one
 * source (Spectral's refMap key), kept as its parent state and last segment — the text is built
 * only when asked for (the states a finding maps to, and where a ref is followed).
 */
export class WalkState {
  /** The next state for each raw segment, computed once (made on the first step: most states are leaves; most others have one). */
  next: FirstEntryMap<Segment, Step> | undefined;
  /** The states one encoded segment further, without a refMap key on the way (made once each). */
  below: FirstEntryMap<string, WalkState> | undefined;
  /** The place the walk ends at when the path ends here, computed once. */
  closest?: Segment[];
  /** The pointer starts with '#' (only the origin's own first segment may not). */
  readonly hashed: boolean;
  private text: string | undefined;

  constructor(
    readonly parent: WalkState | null,
    readonly segment: string,
    readonly source: string,
    readonly refMap: RefMap,
    readonly document: Document,
    /** Where this pointer is in the refMap's key trie; null once no refMap key starts with it. */
    readonly trie: KeyTrie | null,
    key?: string,
  ) {
    this.text = key;
    if (key !== undefined) this.hashed = key.startsWith('#');
    else if (parent === null) this.hashed = false;
    else this.hashed = parent.text === '' ? segment.startsWith('#') : parent.hashed;
  }

  /** The pointer: the parent's, then '/' and the segment ('' at the origin, the segment alone after it). */
  get key(): string {
    if (this.text === undefined) {
      const before = this.parent === null ? '' : this.parent.key;
      this.text = before.length > 0 ? `${before}/${this.segment}` : this.segment;
    }
    return this.text;
  }
}

/** A segment leads to another state, stops the walk in a document (the item is the closest path there), or fails (no item). */
type Step = WalkState | { stopIn: Document } | null;

/** Spectral's result mapping for one document, and the refMap walk it is built on (ref-entries.ts uses that). */
export interface Associator {
  /** findAssociatedItemForPath's answer for a path (segments as Spectral decodes them). */
  associate(path: Segment[], resolved: boolean): AssociatedItem | null;
  /**
   * The walk's state before any segment, and after one more segment; null once the walk has
   * stopped or failed (then places below map like Spectral's slow path, and shared-walk.ts does
   * not skip anything there).
   */
  walkStart(): WalkState | null;
  walkStep(from: WalkState, segment: string): WalkState | null;
}

/**
 * Spectral's `DocumentInventory.findAssociatedItemForPath`, which maps a place in the resolved
 * document back to the file and place it came from, with the same result for every input. Spectral
 * walks every result's whole path through the refMaps anew, encoding each segment and building
 * ever longer pointer strings; on a resolved tree where shared schemas appear at thousands of
 * places that walk was most of a lint's time (Bungie's 1 MB spec: 11 of 24 s). Here each
 * (refMap position, segment) step is computed once per run and remembered: the walk's state after
 * a segment depends only on the state before it and the segment, so the answers cannot differ.
 */
export function createAssociator(inventory: Inventory): Associator {
  let start: WalkState | null | undefined;
  // Set when the root itself is mapped: then every call takes Spectral's own function.
  let fallback = false;

  // Spectral's loop appends each segment to a pointer and asks `key in refMap`, following the
  // ref while it is one. Here the question is asked of each source's refMap keys split into a
  // trie, segment by segment, so no pointer text is built or hashed per step (V8 also interns every
  // key `in` is asked about: 90,000 on GitHub's description). The answers are the same: every
  // pointer asked starts with '#', which no Object.prototype property does (others take `in`),
  // and refMaps are complete once resolved.
  const tries = new Map<string, KeyTrie>();
  const trieOf = (source: string, refMap: RefMap): KeyTrie => {
    let trie = tries.get(source);
    if (trie === undefined) tries.set(source, (trie = keyTrie(refMap)));
    return trie;
  };
  // Each source's origin (pointer ''), and states for pointers a ref led into below another
  // ref's place (which no walk of plain segments reaches), by pointer.
  const origins = new Map<string, WalkState>();
  const strays = new Map<string, WalkState>();

  const originOf = (source: string, refMap: RefMap, document: Document): WalkState => {
    let origin = origins.get(source);
    if (origin === undefined) origins.set(source, (origin = new WalkState(null, '', source, refMap, document, trieOf(source, refMap), '')));
    return origin;
  };

  /** The state one segment below `from`, which is not itself a refMap key: one per pointer. */
  const child = (from: WalkState, segment: string, trie: KeyTrie | null): WalkState => {
    from.below ??= new FirstEntryMap();
    let state = from.below.get(segment);
    if (state === undefined) from.below.set(segment, (state = new WalkState(from, segment, from.source, from.refMap, from.document, trie)));
    return state;
  };

  /** Whether the pointer one segment below `from` is a refMap key (`trie`: that pointer's trie node, if any). */
  const isRefMapKey = (from: WalkState, segment: string, trie: KeyTrie | null): boolean => {
    if (trie !== null) return trie.key;
    // Not in the trie: no refMap key. Asking `in` can only differ for a pointer not starting with '#'.
    const hashed = from.hashed || (from.key === '' && segment.startsWith('#'));
    if (hashed) return false;
    const key = from.key.length > 0 ? `${from.key}/${segment}` : segment;
    return key in from.refMap;
  };

  /**
   * The state for a whole pointer a ref leads to, in `source`: the same object a walk of its
   * segments makes, unless a refMap key lies on the way (the walk would have followed that ref;
   * Spectral keeps the pointer as written), then one per pointer of its own.
   */
  const stateAt = (source: string, refMap: RefMap, document: Document, pointer: string): WalkState => {
    let state = originOf(source, refMap, document);
    const segments = pointer.split('/');
    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index]!;
      const trie = state.trie?.below?.get(segment) ?? null;
      if (index < segments.length - 1 && isRefMapKey(state, segment, trie)) {
        let stray = strays.get(`${source}\u0000${pointer}`);
        if (stray === undefined) {
          let node: KeyTrie | null = trie;
          for (const rest of segments.slice(index + 1)) node = node?.below?.get(rest) ?? null;
          stray = new WalkState(null, '', source, refMap, document, node, pointer);
          strays.set(`${source}\u0000${pointer}`, stray);
        }
        return stray;
      }
      state = child(state, segment, trie);
    }
    return state;
  };

  /** Spectral's loop body for one segment: append it to the pointer and follow refMap entries while there are any. */
  const step = (from: WalkState, segment: string): Step => {
    const known = from.below?.get(segment);
    if (known !== undefined) return known;
    const trie = from.trie?.below?.get(segment) ?? null;
    if (!isRefMapKey(from, segment, trie)) return child(from, segment, trie);
    let { source, refMap, document } = from;
    let key = from.key.length > 0 ? `${from.key}/${segment}` : segment;
    // Spectral's loop from here: the pointer is a refMap key; follow refs while they lead to one.
    for (;;) {
      const ref = refMap[key]!;
      if (isLocalRef(ref)) {
        key = ref;
      } else {
        const extracted = extractSourceFromRef(ref);
        if (extracted === null) return { stopIn: document };
        source = isAbsoluteRef(extracted) ? extracted : resolvePath(source, '..', extracted);
        const next = source === inventory.document.source ? inventory.document : inventory.referencedDocuments[source];
        if (next === null || next === undefined) return { stopIn: document };
        document = next;
        refMap = inventory.graph!.getNodeData(source).refMap;
        key = ref.indexOf('#') >= 0 ? ref.slice(ref.indexOf('#')) : '#';
      }
      const target = keyIn(trieOf(source, refMap), key);
      if (!(target === undefined ? !key.startsWith('#') && key in refMap : target)) return stateAt(source, refMap, document, key);
    }
  };

  // Each segment's pointer encoding, once per run: the same keys (properties, schema, items) recur
  // at every other place, and the encoding was ~0.06 s of GitHub's run. null: the encoding throws.
  const encodings = new Map<Segment, string | null>();
  const encoded = (segment: Segment): string | null => {
    let text = encodings.get(segment);
    if (text === undefined) {
      try {
        text = String(encodePointerUriFragment(segment));
      } catch {
        text = null;
      }
      encodings.set(segment, text);
    }
    return text;
  };

  const advance = (from: WalkState, segment: Segment): Step => {
    const known = from.next?.get(segment);
    if (known !== undefined) return known;
    const text = encoded(segment);
    let to: Step;
    try {
      to = text === null ? null : step(from, text);
    } catch {
      to = null;
    }
    (from.next ??= new FirstEntryMap()).set(segment, to);
    return to;
  };

  const startState = (): WalkState | null => {
    if (start !== undefined) return start;
    const source = inventory.document.source;
    const { graph } = inventory;
    if (source === null || graph === null) return (start = null);
    try {
      // Spectral's loop starts from the pointer '' with the segment '#'.
      const first = step(originOf(source, graph.getNodeData(source).refMap, inventory.document), '#');
      // The '#' step can only stop or fail on a refMap that maps the root itself; let every call take Spectral's path then.
      start = first instanceof WalkState ? first : null;
      if (start === null) fallback = true;
    } catch {
      start = null;
      fallback = true;
    }
    return start;
  };

  const associate = (path: Segment[], resolved: boolean): AssociatedItem | null => {
    if (!resolved) return { document: inventory.document, path: getClosestJsonPath(inventory.unresolved, path), missingPropertyPath: path };
    let state: WalkState | null;
    let missingPropertyPath: Segment[];
    try {
      const newPath = getClosestJsonPath(inventory.resolved, path);
      // Spectral's traverseObjUntilRef shifts the segments it walks through off the array it is given.
      const ref = traverseObjUntilRef(inventory.unresolved, newPath);
      if (ref === null) return { document: inventory.document, path: getClosestJsonPath(inventory.unresolved, path), missingPropertyPath: path };
      missingPropertyPath = newPath.length === 0 ? [] : path.slice(path.lastIndexOf(newPath[newPath.length - 1]!) + 1);
      state = startState();
      if (fallback) return inventory.findAssociatedItemForPath(path, resolved);
      if (state === null) return null;
    } catch {
      return null;
    }
    for (const segment of path) {
      const next = advance(state, segment);
      if (next === null) return null;
      if (!(next instanceof WalkState)) return { document: next.stopIn, path: getClosestJsonPath(next.stopIn.data, path), missingPropertyPath: path };
      state = next;
    }
    try {
      state.closest ??= getClosestJsonPath(state.document.data, convertRefMapKeyToPath(state.key));
    } catch {
      return null;
    }
    return { document: state.document, path: state.closest.slice(), missingPropertyPath: [...state.closest, ...missingPropertyPath] };
  };

  return {
    associate,
    // A fallback leaves the start null.
    walkStart: startState,
    walkStep: (from, segment) => {
      const next = advance(from, segment);
      return next instanceof WalkState ? next : null;
    },
  };
}

/** Whether a whole pointer is a refMap key, by the trie; undefined when it cannot say (a pointer not starting with '#'). */
function keyIn(trie: KeyTrie, pointer: string): boolean | undefined {
  if (!pointer.startsWith('#')) return undefined;
  let node: KeyTrie | undefined = trie;
  for (const segment of pointer.split('/')) {
    node = node.below?.get(segment);
    if (node === undefined) return false;
  }
  return node.key;
}

/** Spectral's DocumentInventory.convertRefMapKeyToPath. */
function convertRefMapKeyToPath(refPath: string): Segment[] {
  const pointer = refPath.startsWith('#/') ? refPath.slice(2) : refPath;
  return pointer.split('/').map(decodePointerFragment);
}
