import { encodePointerUriFragment, pointerToPath } from '@stoplight/json';

/**
 * The three spellings of a place that Spectral's resolver mixes, reproduced exactly because its
 * output (refMap keys, which refs count as cycles, which keys get written) depends on them:
 * - the crawler's pointer: `~` and `/` escaped, nothing URI-encoded (`#/paths/~1users/get`);
 * - a decoded path: `@stoplight/json`'s pointerToPath, which also URI-decodes each segment;
 * - the refMap pointer: `@stoplight/json`'s pathToPointer, which URI-encodes each segment.
 */

/** The crawler's pointer to `key` under `parent`. */
export function childPointer(parent: string, key: string): string {
  const escaped = key.includes('~') || key.includes('/') ? key.replaceAll('~', '~0').replaceAll('/', '~1') : key;
  return `${parent}/${escaped}`;
}

/** pointerToPath, throwing as it does on a pointer without `#` or `#/`. */
export const decodePointer: (pointer: string) => string[] = (pointer) => pointerToPath(pointer) as string[];

/**
 * A crawler pointer decoded. Its segments are the keys walked, escaped and unescaped again —
 * unless one holds a `%`, which pointerToPath URI-decodes into a different key (as Spectral does).
 */
export function decodeCrawlPointer(pointer: string, keys: readonly string[]): string[] {
  return pointer.includes('%') ? decodePointer(pointer) : keys.slice();
}

/** pathToPointer with each segment's encoding remembered: the same few keys recur thousands of times. */
export class PointerEncoder {
  private readonly segments = new Map<string, string>();

  encode(path: readonly string[]): string {
    if (path.length === 0) return '#';
    let pointer = '#';
    for (const segment of path) {
      let encoded = this.segments.get(segment);
      if (encoded === undefined) {
        encoded = String(encodePointerUriFragment(segment));
        this.segments.set(segment, encoded);
      }
      pointer += `/${encoded}`;
    }
    return pointer;
  }
}

/**
 * A key for a path under the segment equality of `@stoplight/json`'s startsWith, which the
 * resolver uses to tell whether a ref sits inside a target: two segments are equal when both
 * parse as the same integer (parseInt, so `01`, `1` and `1a` agree) or, when neither parses, are
 * the same text. Equal keys ⇔ equal paths under that rule.
 */
export function segmentKey(segment: string): string {
  const number = parseInt(segment);
  const canonical = Number.isNaN(number) ? `s${segment}` : `n${number}`;
  return `${canonical.length}:${canonical}`;
}

/** The keys of every prefix of `path` (the empty one first), to look up in a set of path keys. */
export function prefixKeys(path: readonly string[]): string[] {
  const keys = [''];
  let key = '';
  for (const segment of path) {
    key += segmentKey(segment);
    keys.push(key);
  }
  return keys;
}

export function pathKey(path: readonly string[]): string {
  let key = '';
  for (const segment of path) key += segmentKey(segment);
  return key;
}
