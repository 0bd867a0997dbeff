import { decodePointer, pathKey, prefixKeys } from './pointers.js';

/**
 * How Spectral's resolver decides that a ref takes part in a cycle and must stay a `$ref` object.
 * Each local ref adds edges from "stems" of its own place to its target; a ref to a target T is
 * then circular when it sits under any stem reachable from T. The stem strings are built from raw
 * keys (not escaped) and compared by `@stoplight/json`'s startsWith after decoding, quirks
 * included; this class keeps those semantics but answers with set lookups instead of decoding
 * every stem for every ref.
 */
export class StemGraph {
  /** Targets by stem; repeats are kept (cheaper than a set per stem, and harmless to reachability). */
  private readonly edges = new Map<string, string[]>();
  private readonly keys = new Map<string, string>();
  private readonly closures = new Map<string, Set<string>>();

  private addEdge(stem: string, target: string): void {
    const targets = this.edges.get(stem);
    if (targets === undefined) this.edges.set(stem, [target]);
    else if (targets[targets.length - 1] !== target) targets.push(target);
  }

  /**
   * Records the stems of a ref at `place` (pointer `placePointer`) to `targetPointer`: walking the
   * place's keys, those equal to the target's key at the same index extend the stem, the others
   * extend the tail, and each stem+tail but the place itself and the target becomes an edge.
   */
  addRef(place: readonly string[], placePointer: string, targetPath: readonly string[], targetPointer: string): void {
    let stem = '#';
    let tail = '';
    for (let index = 0; index < place.length; index += 1) {
      const part = place[index];
      if (part === targetPath[index]) {
        stem += `/${part}`;
        continue;
      }
      tail += `/${part}`;
      const dependant = `${stem}${tail}`;
      if (dependant !== placePointer && dependant !== targetPointer) this.addEdge(dependant, targetPointer);
    }
  }

  /** Whether a ref at `place` to `target` is circular: some stem reachable from the target is a prefix of the place. */
  isCircular(target: string, place: readonly string[]): boolean {
    const reachable = this.reachableKeys(target);
    if (reachable.size === 0) return false;
    return prefixKeys(place).some((key) => reachable.has(key));
  }

  /** Path keys of every node reachable from `start`, not counting `start` itself (even on a cycle). */
  private reachableKeys(start: string): Set<string> {
    let keys = this.closures.get(start);
    if (keys !== undefined) return keys;
    keys = new Set();
    const seen = new Set([start]);
    const pending = [start];
    while (pending.length > 0) {
      for (const next of this.edges.get(pending.pop()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        pending.push(next);
        keys.add(this.keyOf(next));
      }
    }
    this.closures.set(start, keys);
    return keys;
  }

  private keyOf(node: string): string {
    let key = this.keys.get(node);
    if (key === undefined) {
      key = pathKey(decodePointer(node));
      this.keys.set(node, key);
    }
    return key;
  }
}
