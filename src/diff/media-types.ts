// Media types: normalized keys and the pairing of two contents.

/** `application/json; charset=UTF-8` → `application/json;charset=utf-8`: one key per media type. */
export function mediaTypeKey(name: string): string {
  return name
    .split(';')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '')
    .join(';');
}

const essence = (key: string) => key.split(';')[0];

/**
 * Whether every document of media type `narrow` is also one of `wide`: `*\/*` and `type/*` cover
 * their members, and `application/json` covers structured-suffix types such as
 * `application/vnd.api+json`. Parameters are ignored here.
 */
export function mediaTypeCovers(wide: string, narrow: string): boolean {
  const [wType, wSub] = essence(wide).split('/');
  const [nType, nSub] = essence(narrow).split('/');
  if (wType === '*') return true;
  if (wType !== nType || nSub === undefined) return false;
  if (wSub === '*' || wSub === nSub) return true;
  return nSub.includes('+') && !wSub.includes('+') && nSub.slice(nSub.lastIndexOf('+') + 1) === wSub;
}

export type MediaRelation = 'same' | 'parameters-changed' | 'generalized' | 'specialized';

export interface MediaMatch<T> {
  pairs: Array<{ base: T; revision: T; baseType: string; revisionType: string; relation: MediaRelation }>;
  removed: Array<[string, T]>;
  added: Array<[string, T]>;
}

/**
 * Pairs the media types of two contents: equal keys; then the same type with other parameters;
 * then a type now covered by a wider one (generalized) or replaced by narrower ones (specialized).
 * What stays unpaired was removed or added. Exact pairs are taken first so a rename never
 * steals a type that is still there.
 */
export function matchMediaTypes<T>(base: Map<string, T>, revision: Map<string, T>): MediaMatch<T> {
  const result: MediaMatch<T> = { pairs: [], removed: [], added: [] };
  const pairedRevision = new Set<string>();
  const pending: Array<[string, T]> = [];
  for (const [type, media] of base) {
    const next = revision.get(type);
    if (next === undefined) pending.push([type, media]);
    else {
      result.pairs.push({ base: media, revision: next, baseType: type, revisionType: type, relation: 'same' });
      pairedRevision.add(type);
    }
  }
  const fresh = () => [...revision].filter(([type]) => !base.has(type));
  for (const [type, media] of pending) {
    const renamed = fresh().find(([other]) => !pairedRevision.has(other) && essence(other) === essence(type));
    const wider = fresh().filter(([other]) => essence(other) !== essence(type) && mediaTypeCovers(other, type));
    const narrower = fresh().filter(([other]) => essence(other) !== essence(type) && mediaTypeCovers(type, other));
    const matches: Array<[[string, T], MediaRelation]> = renamed
      ? [[renamed, 'parameters-changed']]
      : wider.length > 0
        ? [[wider[0], 'generalized']]
        : narrower.map((entry): [[string, T], MediaRelation] => [entry, 'specialized']);
    if (matches.length === 0) result.removed.push([type, media]);
    for (const [[other, next], relation] of matches) {
      result.pairs.push({ base: media, revision: next, baseType: type, revisionType: other, relation });
      pairedRevision.add(other);
    }
  }
  result.added = fresh().filter(([type]) => !pairedRevision.has(type));
  return result;
}
