import { decodePointerFragment, hasRef, isPlainObject } from '@stoplight/json';
import type { Associator, WalkState } from './associated-item.js';
import { FirstEntryMap } from './first-entry-map.js';

type Segment = string | number;

// Where Spectral's traverseObjUntilRef stands along a path in the unresolved document: on a node,
// past a `$ref` (it returns that ref for this path and every longer one), or failed (it throws).
const CROSSED = Symbol('crossed');
const FAILED = Symbol('failed');

/** What is known about a place in the resolved document that decides how results below it map back to their files. */
export interface Entry {
  /** The refMap walk after this place's segments (associated-item.ts); null when it stopped. */
  walk: WalkState | null;
  unresolved: unknown;
  /** The place's last segment as Spectral decodes it. */
  last: string;
  /** False once a segment contains `~`: Spectral's decoding changes it, so nothing below is skipped. */
  plain: boolean;
}

export interface RefEntries {
  root(): Entry;
  child(parent: Entry, key: Segment): Entry;
  /**
   * A key such that every result from below two places with equal keys maps to the same file,
   * place and message (given the same node and rule function): null when that is not certain.
   * A number, distinct per distinct key of the run (the walk keeps one per repeat it checks).
   */
  signature(entry: Entry, value: object): number | null;
}

// lodash's isObject, which traverseObjUntilRef uses: functions count.
const isObjectLike = (value: unknown): value is object => value !== null && (typeof value === 'object' || typeof value === 'function');

/**
 * Follows, alongside a walk of the resolved document, the two things Spectral's result mapping
 * (DocumentInventory.findAssociatedItemForPath) depends on besides the path below a node:
 *  - the refMap walk's state (equal states continue identically for equal remaining segments);
 *  - where traverseObjUntilRef stands in the unresolved document. Past a `$ref` ("crossed") it
 *    returns that ref whatever follows, and the missing part of a path depends only on what follows
 *    and this place's last segment. On a node that is exactly `{ $ref }` it returns the ref for the
 *    node and, since the resolved node has no `$ref` key, for any path below it, with nothing missing.
 *    Anywhere else the mapping depends on the whole path, and no signature is given.
 */
export function createRefEntries(associator: Associator, unresolvedRoot: unknown): RefEntries | null {
  const start = associator.walkStart();
  if (start === null) return null;
  // Signature numbers: a place on a pure `{ $ref }` node by its walk state; a place past a `$ref`
  // by its walk state and last segment.
  const onRef = new Map<WalkState, number>();
  // Nearly every walk state past a ref only ever meets one last segment (its pointer's own).
  const pastRef = new Map<WalkState, FirstEntryMap<string, number>>();
  let signatures = 0;
  const numberFor = <K>(byKey: Map<K, number> | FirstEntryMap<K, number>, key: K): number => {
    let number = byKey.get(key);
    if (number === undefined) byKey.set(key, (number = signatures++));
    return number;
  };
  return {
    root: () => ({ walk: start, unresolved: unresolvedRoot, last: '', plain: true }),
    child(parent, key) {
      const tilde = typeof key === 'string' && key.includes('~');
      // Decoding changes only `~0` and `~1`: a key without `~` is its own decoding.
      const segment = tilde ? decodePointerFragment(key) : String(key);
      const plain = parent.plain && !tilde;
      const walk = plain && parent.walk !== null ? associator.walkStep(parent.walk, segment) : null;
      let unresolved: unknown = parent.unresolved;
      if (unresolved !== CROSSED && unresolved !== FAILED) {
        if (!isObjectLike(unresolved)) unresolved = FAILED;
        else if (segment in unresolved) unresolved = (unresolved as Record<string, unknown>)[segment];
        else unresolved = hasRef(unresolved) ? CROSSED : FAILED;
      }
      return { walk, unresolved, last: segment, plain };
    },
    signature(entry, value) {
      if (!entry.plain || entry.walk === null) return null;
      if (entry.unresolved === CROSSED) {
        let byLast = pastRef.get(entry.walk);
        if (byLast === undefined) pastRef.set(entry.walk, (byLast = new FirstEntryMap()));
        return numberFor(byLast, entry.last);
      }
      const piece = entry.unresolved;
      // Most places are not on a `$ref` at all: asked first, the cheapest part of the test below.
      if (typeof piece !== 'object' || piece === null || !('$ref' in piece)) return null;
      if (isPlainObject(piece) && hasRef(piece) && Object.keys(piece).length === 1 && !('$ref' in value)) return numberFor(onRef, entry.walk);
      return null;
    },
  };
}
