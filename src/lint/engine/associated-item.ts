import { encodePointerUriFragment, decodePointerFragment, extractSourceFromRef, isLocalRef } from '@stoplight/json';
import { resolve as resolvePath } from '@stoplight/path';
import runtime from '@stoplight/spectral-runtime';
import type { Document } from '@stoplight/spectral-core';
import type { AssociatedItem, Inventory } from './spectral-internals.js';

// A CommonJS module whose exports Node cannot list for named imports.
const { getClosestJsonPath, isAbsoluteRef, traverseObjUntilRef } = runtime;

type Segment = string | number;
type RefMap = Record<string, string>;

/** Where the walk through the refMaps stands after some of a path's segments. */
export interface WalkState {
  key: string;
  source: string;
  refMap: RefMap;
  document: Document;
  /** The next state for each raw segment, computed once. */
  next: Map<Segment, Step>;
  /** The place the walk ends at when the path ends here, computed once. */
  closest?: Segment[];
}

/** A segment leads to another state, stops the walk in a document (the item is the closest path there), or fails (no item). */
type Step = WalkState | { stopIn: Document } | null;

const IN_REFMAP = Symbol('in refMap');

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

  // Per source, one table of its pointers: the refMap's keys (marked IN_REFMAP) and the states
  // made so far (a state's key is never a refMap key: the walk follows those). Spectral's loop asks
  // `key in refMap`; on a refMap of thousands of entries V8 answers that by interning every new
  // key string it is asked about (90,000 on GitHub's description), and a second table of states
  // meant a second lookup per step. The answers are the same: every key asked starts with '#',
  // which no Object.prototype property does (others take `in`), and refMaps are complete once resolved.
  const tables = new Map<string, Map<string, WalkState | typeof IN_REFMAP>>();
  const tableFor = (source: string, refMap: RefMap): Map<string, WalkState | typeof IN_REFMAP> => {
    let table = tables.get(source);
    if (table === undefined) {
      table = new Map();
      for (const key of Object.keys(refMap)) table.set(key, IN_REFMAP);
      tables.set(source, table);
    }
    return table;
  };

  /** Spectral's loop body for one segment: append it to the pointer and follow refMap entries while there are any. */
  const step = (from: WalkState, segment: string): Step => {
    let { key, source, refMap, document } = from;
    key = key.length > 0 ? `${key}/${segment}` : segment;
    for (;;) {
      const table = tableFor(source, refMap);
      const found = table.get(key);
      const inRefMap = found === IN_REFMAP || (found === undefined && !key.startsWith('#') && key in refMap);
      if (!inRefMap) {
        if (found !== undefined) return found as WalkState;
        const state: WalkState = { key, source, refMap, document, next: new Map() };
        table.set(key, state);
        return state;
      }
      const ref = refMap[key]!;
      if (isLocalRef(ref)) {
        key = ref;
        continue;
      }
      const extracted = extractSourceFromRef(ref);
      if (extracted === null) return { stopIn: document };
      source = isAbsoluteRef(extracted) ? extracted : resolvePath(source, '..', extracted);
      const next = source === inventory.document.source ? inventory.document : inventory.referencedDocuments[source];
      if (next === null || next === undefined) return { stopIn: document };
      document = next;
      refMap = inventory.graph!.getNodeData(source).refMap;
      key = ref.indexOf('#') >= 0 ? ref.slice(ref.indexOf('#')) : '#';
    }
  };

  const advance = (from: WalkState, segment: Segment): Step => {
    const known = from.next.get(segment);
    if (known !== undefined) return known;
    let to: Step;
    try {
      to = step(from, String(encodePointerUriFragment(segment)));
    } catch {
      to = null;
    }
    from.next.set(segment, to);
    return to;
  };

  const startState = (): WalkState | null => {
    if (start !== undefined) return start;
    const source = inventory.document.source;
    const { graph } = inventory;
    if (source === null || graph === null) return (start = null);
    try {
      const refMap = graph.getNodeData(source).refMap;
      // The walk's origin (key ''), outside the tables: Spectral's loop starts from it with '#'.
      const root: WalkState = { key: '', source, refMap, document: inventory.document, next: new Map() };
      const first = step(root, '#');
      // The '#' step can only stop or fail on a refMap that maps the root itself; let every call take Spectral's path then.
      start = first !== null && 'key' in first ? first : null;
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
      if (!('key' in next)) return { document: next.stopIn, path: getClosestJsonPath(next.stopIn.data, path), missingPropertyPath: path };
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
      return next !== null && 'key' in next ? next : null;
    },
  };
}

/** Spectral's DocumentInventory.convertRefMapKeyToPath. */
function convertRefMapKeyToPath(refPath: string): Segment[] {
  const pointer = refPath.startsWith('#/') ? refPath.slice(2) : refPath;
  return pointer.split('/').map(decodePointerFragment);
}
