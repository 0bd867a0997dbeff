import { isPlainContainer, shallowCopy } from './shallow-copy.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * One object or array of the base tree at one place, as immer drafts it: values read through it
 * are drafted on the way (so that a target placed in two spots is one shared draft), a write
 * marks it and the drafts it was reached through as changed, and only changed drafts are copied
 * at the end. Unlike immer: no proxies, no copy on read, no freezing, and untouched subtrees are
 * never walked.
 */
class Draft {
  /** Children drafted on read, and values written; everything else is still the base's. */
  overrides: Map<string, unknown> | undefined;
  modified = false;
  result: object | undefined;

  constructor(
    readonly base: object,
    readonly parent: Draft | undefined,
  ) {}

  has(key: string): boolean {
    return this.overrides?.has(key) === true || hasOwn.call(this.base, key);
  }

  /** The current value without drafting anything (immer's peek). */
  peek(key: string): unknown {
    return this.overrides?.has(key) ? this.overrides.get(key) : (this.base as Record<string, unknown>)[key];
  }

  set(key: string, value: unknown): void {
    (this.overrides ??= new Map()).set(key, value);
  }

  markChanged(): void {
    for (let draft: Draft | undefined = this; draft !== undefined && !draft.modified; draft = draft.parent) draft.modified = true;
  }
}

const isObjectLike = (value: unknown): value is object => value !== null && (typeof value === 'object' || typeof value === 'function');
const isDraftable = (value: unknown): boolean => value instanceof Draft || isPlainContainer(value);
// lodash's isIndex, for the container `set` creates before the next key: an array before an index.
const isIndex = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < Number.MAX_SAFE_INTEGER;
// lodash's `set` refuses these keys (prototype pollution guard) and then stops writing.
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A change session over an immutable tree with the exact semantics of the resolver's
 * `produce(tree, draft => lodash.get/set(draft, …))`: `get` and `set` follow lodash over immer's
 * drafts, `finalize` returns the base itself when nothing changed, else a tree that shares every
 * unchanged subtree with the base.
 */
export class DraftSession {
  private readonly root: Draft | undefined;
  /** Containers `set` created for missing intermediate keys: plain objects that may hold drafts. */
  private readonly created = new Set<object>();
  private readonly finalizedCreated = new Set<object>();

  constructor(private readonly base: unknown) {
    this.root = isPlainContainer(base) ? new Draft(base, undefined) : undefined;
    // immer's produce refuses an object it cannot draft (one whose prototype a parser swapped), and so Spectral fails.
    if (this.root === undefined && isObjectLike(base)) {
      throw new Error(`[Immer] produce can only be called on things that are draftable: plain objects, arrays, Map, Set or classes that are marked with '[immerable]: true'. Got '${String(base)}'`);
    }
  }

  /** The tree as it was before this session (immer's `original`). */
  original(): unknown {
    return this.base;
  }

  /** lodash `get`: undefined for an empty path, strings index into primitives as JS does. */
  get(path: readonly string[]): unknown {
    let value: unknown = this.root ?? this.base;
    let index = 0;
    while (value !== null && value !== undefined && index < path.length) value = this.read(value, path[index++]);
    return index > 0 && index === path.length ? value : undefined;
  }

  /** lodash `set`: creates missing intermediates (an array before an index key), stops at a refused key. */
  set(path: readonly string[], value: unknown): void {
    const start = this.root ?? this.base;
    if (!isObjectLike(start)) return;
    let nested: unknown = start;
    for (let index = 0; nested !== null && nested !== undefined && index < path.length; index += 1) {
      const key = path[index];
      if (REFUSED_KEYS.has(key)) return;
      let newValue = value;
      if (index !== path.length - 1) {
        const current = this.read(nested, key);
        newValue = isObjectLike(current) ? current : isIndex(path[index + 1]) ? [] : {};
        if (newValue !== current) this.created.add(newValue as object);
      }
      this.assign(nested, key, newValue);
      nested = this.read(nested, key);
    }
  }

  /** The resulting tree (the base itself if nothing changed). */
  finalize(): unknown {
    return this.root === undefined ? this.base : this.finalizeValue(this.root);
  }

  /** A value read during the session, as it appears in the finalized tree. */
  finalizeValue(value: unknown): unknown {
    if (value instanceof Draft) return this.finalizeDraft(value);
    if (isObjectLike(value) && this.created.has(value) && !this.finalizedCreated.has(value)) {
      this.finalizedCreated.add(value);
      const container = value as Record<string, unknown>;
      for (const key of Object.keys(container)) container[key] = this.finalizeValue(container[key]);
    }
    return value;
  }

  private finalizeDraft(draft: Draft): object {
    if (!draft.modified) return draft.base;
    if (draft.result !== undefined) return draft.result;
    const copy = shallowCopy(draft.base) as Record<string, unknown>;
    draft.result = copy; // before the children: a draft may (through refs) contain itself
    for (const [key, value] of draft.overrides ?? []) copy[key] = this.finalizeValue(value);
    return copy;
  }

  /** `holder[key]` through immer's get trap when `holder` is a draft. */
  private read(holder: unknown, key: string): unknown {
    if (!(holder instanceof Draft)) return (holder as Record<string, unknown>)[key];
    if (!holder.has(key)) return (holder.base as Record<string, unknown>)[key];
    const value = holder.peek(key);
    if (!isDraftable(value) || value !== (holder.base as Record<string, unknown>)[key]) return value;
    const child = new Draft(value as object, holder);
    holder.set(key, child);
    return child;
  }

  /** lodash `assignValue`: writes unless the key is own and already holds the value (SameValueZero). */
  private assign(holder: unknown, key: string, value: unknown): void {
    const current = this.read(holder, key);
    const own = holder instanceof Draft ? holder.has(key) : isObjectLike(holder) && hasOwn.call(holder, key);
    const same = current === value || (current !== current && value !== value);
    if (own && same && !(value === undefined && !this.hasIn(holder, key))) return;
    if (holder instanceof Draft) this.write(holder, key, value);
    else if (isObjectLike(holder)) Reflect.set(holder, key, value); // sloppy-mode assignment: a frozen object ignores it
  }

  private hasIn(holder: unknown, key: string): boolean {
    if (holder instanceof Draft) return holder.overrides?.has(key) === true || key in holder.base;
    return isObjectLike(holder) && key in holder;
  }

  /** immer's set trap. */
  private write(draft: Draft, key: string, value: unknown): void {
    if (!draft.modified) {
      const current = draft.peek(key);
      if (current instanceof Draft && current.base === value) {
        draft.set(key, value);
        return;
      }
      if (Object.is(value, current) && (value !== undefined || hasOwn.call(draft.base, key))) return;
      draft.markChanged();
    }
    const latest = draft.peek(key);
    if ((latest === value && (value !== undefined || this.hasIn(draft, key))) || (Number.isNaN(value) && Number.isNaN(latest))) return;
    draft.set(key, value);
  }
}
