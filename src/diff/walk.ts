import type { IdTable } from './checks/define.js';
import type { RawSchema } from './model.js';
import type { SchemaView, SchemaViews } from './schema-view.js';
import type { Direction, Level } from './types.js';

/** Where a schema sits: its root is a body, a parameter or a header; below the root, a property. */
export type SchemaLocation = 'body' | 'property' | 'parameter' | 'parameter-property' | 'header' | 'header-property';

const NESTED: Record<SchemaLocation, SchemaLocation> = {
  body: 'property',
  property: 'property',
  parameter: 'parameter-property',
  'parameter-property': 'parameter-property',
  header: 'header-property',
  'header-property': 'header-property',
};

/** A change found inside a schema, relative to the schema's root (memoized per schema pair). */
export interface SchemaChange {
  id: string;
  level: Level;
  direction: Direction;
  /** Property path below the root, e.g. ['items', 'name']. */
  at: string[];
  message: string;
  base?: unknown;
  revision?: unknown;
  /** Walker bookkeeping: the schema pairs between the root and where the change was found. */
  via?: readonly object[];
}

export interface SchemaCheckContext {
  direction: 'request' | 'response';
  location: SchemaLocation;
  /** `request-body`, `response-property`, `request-parameter`...: most oasdiff ids start with it. */
  prefix: string;
  /** Reports under a full id; ids the check does not declare are dropped (a site oasdiff has no id for). */
  emit(id: string, message: string, base?: unknown, revision?: unknown, at?: string[]): void;
  views: { base: SchemaViews; revision: SchemaViews };
}

/** One concept compared on a pair of schema views (type, enum, bounds...). */
export interface SchemaCheck {
  name: string;
  /** One sentence: what the check judges. */
  description: string;
  /** Every id it may report, with level; levels default to oasdiff's. */
  ids: IdTable;
  compare(base: SchemaView, revision: SchemaView, context: SchemaCheckContext): void;
}

type Dir = 'request' | 'response';

/** What the walker knows about one (base schema, revision schema) pair. */
interface PairState {
  /** Final results by `direction:location`. */
  done: Map<string, SchemaChange[]>;
  /** Results that cut a cycle at a pair still being compared further up (`head`: its depth); made when needed. */
  provisional?: Map<string, { changes: SchemaChange[]; head: number }>;
  /** Depth at which the pair is being compared, by direction (location aside: a cycle may re-enter a body as a property). */
  running: Record<Dir, number | undefined>;
}

/**
 * Compares two schemas through $ref, allOf (merged in views), properties, items,
 * additionalProperties and oneOf/anyOf alternatives, by direction. Results are memoized per
 * (base schema, revision schema, direction, location), so a component used by a thousand
 * operations is compared once.
 *
 * Cycles: a pair met again while it is being compared counts as equal there, so a change deep in
 * a recursive schema is reported once, not again around the cycle; for the same reason a memoized
 * result is reused without the changes it found by passing through a pair being compared now.
 * A result that relied on such a cut depends on where the walk entered the cycle, so it is kept
 * only until the comparison it was cut at has finished.
 */
export class SchemaWalker {
  private readonly pairs = new WeakMap<object, WeakMap<object, PairState>>();
  private readonly provisionalLog: Array<{ state: PairState; key: string }> = [];
  private depth = 0;
  /** The shallowest running comparison the current one was cut at (Infinity: none). */
  private cut = Infinity;

  constructor(
    private readonly views: { base: SchemaViews; revision: SchemaViews },
    private readonly checks: readonly SchemaCheck[],
  ) {}

  compare(base: RawSchema, revision: RawSchema, direction: Dir, location: SchemaLocation): SchemaChange[] {
    return this.comparePair(base, revision, direction, location).changes;
  }

  private comparePair(base: RawSchema, revision: RawSchema, direction: Dir, location: SchemaLocation): { state: PairState; changes: SchemaChange[] } {
    const b = this.views.base.of(base);
    const r = this.views.revision.of(revision);
    const state = this.stateOf(b.node, r.node);
    const key = `${direction}:${location}`;
    const known = this.reuse(state, key, direction);
    if (known) return { state, changes: known };
    const depth = this.depth++;
    const outerCut = this.cut;
    const mark = this.provisionalLog.length;
    this.cut = Infinity;
    state.running[direction] = depth;
    const [bl, rl] = liftToAlternatives(b, r, base, revision);
    const changes = this.compareViews(bl, rl, direction, location);
    state.running[direction] = undefined;
    this.depth = depth;
    const cut = this.cut;
    if (cut >= depth) {
      state.done.set(key, changes);
      // What was provisional on this comparison is stale now that it has finished.
      for (const entry of this.provisionalLog.splice(mark)) entry.state.provisional?.delete(entry.key);
    } else {
      (state.provisional ??= new Map()).set(key, { changes, head: cut });
      this.provisionalLog.push({ state, key });
    }
    this.cut = Math.min(outerCut, cut < depth ? cut : Infinity);
    return { state, changes };
  }

  private stateOf(base: object, revision: object): PairState {
    let byRevision = this.pairs.get(base);
    if (!byRevision) this.pairs.set(base, (byRevision = new WeakMap()));
    let state = byRevision.get(revision);
    if (!state) byRevision.set(revision, (state = { done: new Map(), running: { request: undefined, response: undefined } }));
    return state;
  }

  /** A known result (minus what lies beyond a pair being compared now), [] for a cycle, else undefined. */
  private reuse(state: PairState, key: string, direction: Dir): SchemaChange[] | undefined {
    const running = state.running[direction];
    if (running !== undefined) {
      this.cut = Math.min(this.cut, running);
      return [];
    }
    const provisional = state.provisional?.get(key);
    if (provisional) this.cut = Math.min(this.cut, provisional.head);
    const known = state.done.get(key) ?? provisional?.changes;
    if (!known || known.length === 0) return known;
    return known.filter((change) => !change.via?.some((pair) => (pair as PairState).running[direction] !== undefined));
  }

  private compareViews(b: SchemaView, r: SchemaView, direction: Dir, location: SchemaLocation): SchemaChange[] {
    const changes: SchemaChange[] = [];
    const prefix = `${direction}-${location}`;
    for (const check of this.checks) {
      const context: SchemaCheckContext = {
        direction,
        location,
        prefix,
        views: this.views,
        emit: (id, message, base, revision, at = []) => {
          const known = check.ids.get(id);
          if (known) changes.push({ id, level: known.level, direction: known.direction, at, message, base, revision });
        },
      };
      check.compare(b, r, context);
    }
    this.descend(b, r, direction, NESTED[location], changes);
    return changes;
  }

  /** Compares a pair of subschemas and adds their changes under `segment`. */
  private nested(changes: SchemaChange[], segment: string, base: RawSchema, revision: RawSchema, direction: Dir, location: SchemaLocation): void {
    const inner = this.comparePair(base, revision, direction, location);
    for (const change of inner.changes) changes.push({ ...change, at: [segment, ...change.at], via: [inner.state, ...(change.via ?? [])] });
  }

  /** Recurses where both sides have a subschema; additions and removals are the checks' business. */
  private descend(b: SchemaView, r: SchemaView, direction: Dir, location: SchemaLocation, changes: SchemaChange[]): void {
    for (const [name, baseProperty] of b.properties) {
      const revisionProperty = r.properties.get(name);
      if (revisionProperty === undefined) continue;
      const bp = this.views.base.of(baseProperty);
      const rp = this.views.revision.of(revisionProperty);
      // What a client never sends (readOnly) or never receives (writeOnly) cannot break it.
      if (direction === 'request' && bp.readOnly && rp.readOnly) continue;
      if (direction === 'response' && bp.writeOnly && rp.writeOnly) continue;
      this.nested(changes, name, baseProperty, revisionProperty, direction, location);
    }
    if (b.items !== undefined && r.items !== undefined) this.nested(changes, 'items', b.items, r.items, direction, location);
    if (typeof b.additionalProperties === 'object' && typeof r.additionalProperties === 'object') {
      this.nested(changes, 'additionalProperties', b.additionalProperties, r.additionalProperties, direction, location);
    }
    this.descendAlternatives(b.oneOf, r.oneOf, 'oneOf', direction, location, changes);
    this.descendAlternatives(b.anyOf, r.anyOf, 'anyOf', direction, location, changes);
  }

  private descendAlternatives(base: RawSchema[] | undefined, revision: RawSchema[] | undefined, keyword: string, direction: Dir, location: SchemaLocation, changes: SchemaChange[]): void {
    if (!base || !revision) return;
    for (const [i, j] of matchAlternatives(base, revision, this.views)) {
      this.nested(changes, `${keyword}[${j}]`, base[i], revision[j], direction, location);
    }
  }
}

/** A schema with alternatives and nothing else of its own to compare: `oneOf: [A, B]`. */
function alternativesOnly(view: SchemaView): 'oneOf' | 'anyOf' | undefined {
  if (view.types !== undefined || view.properties.size > 0 || (view.oneOf && view.anyOf)) return undefined;
  return view.oneOf ? 'oneOf' : view.anyOf ? 'anyOf' : undefined;
}

/** `view` as a list of the one alternative it is: itself, or what a null alternative was folded into. */
function asAlternatives(view: SchemaView, raw: RawSchema, keyword: 'oneOf' | 'anyOf'): SchemaView {
  const alternative = view.folded?.keyword === keyword ? view.folded.alternative : raw;
  return { node: view.node, nullable: view.nullable, hasConst: false, bounds: {}, hasDefault: false, readOnly: view.readOnly, writeOnly: view.writeOnly, deprecated: view.deprecated, properties: new Map(), required: new Set(), [keyword]: [alternative] };
}

/**
 * A schema wrapped into alternatives (`X` → `oneOf: [X, Y]`, or `anyOf: [X, null]` →
 * `anyOf: [X, Y, null]`) is compared as the one-alternative list it was: Y is added, X is
 * compared with X — not "type object → any, every property removed".
 */
function liftToAlternatives(b: SchemaView, r: SchemaView, base: RawSchema, revision: RawSchema): [SchemaView, SchemaView] {
  const plain = (view: SchemaView) => view.oneOf === undefined && view.anyOf === undefined;
  const revisionKeyword = alternativesOnly(r);
  if (revisionKeyword && plain(b)) return [asAlternatives(b, base, revisionKeyword), r];
  const baseKeyword = alternativesOnly(b);
  if (baseKeyword && plain(r)) return [b, asAlternatives(r, revision, baseKeyword)];
  return [b, r];
}

/** A shape that survives inlining: what a `$ref`'d alternative and its inlined copy have in common. */
function fingerprint(view: SchemaView): string {
  const types = view.types ? [...view.types].sort().join('|') : '*';
  return `${types};${[...view.properties.keys()].sort().join(',')};${[...view.required].sort().join(',')};${JSON.stringify(view.enum ?? null)};${view.format ?? ''}`;
}

/**
 * Pairs oneOf/anyOf alternatives: by `$ref` name or title first, then by shape (so a `$ref`
 * inlined on one side still pairs with itself), then the rest by position.
 */
export function matchAlternatives(base: RawSchema[], revision: RawSchema[], views: { base: SchemaViews; revision: SchemaViews }): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const freeBase = new Set(base.map((_, i) => i));
  const freeRevision = new Set(revision.map((_, j) => j));
  const pairWhere = (same: (i: number, j: number) => boolean) => {
    for (const i of [...freeBase]) {
      const j = [...freeRevision].find((k) => same(i, k));
      if (j === undefined) continue;
      pairs.push([i, j]);
      freeBase.delete(i);
      freeRevision.delete(j);
    }
  };
  const baseNames = base.map((s) => views.base.nameOf(s));
  const revisionNames = revision.map((s) => views.revision.nameOf(s));
  pairWhere((i, j) => baseNames[i] !== undefined && baseNames[i] === revisionNames[j]);
  const baseShapes = base.map((s) => fingerprint(views.base.of(s)));
  const revisionShapes = revision.map((s) => fingerprint(views.revision.of(s)));
  pairWhere((i, j) => baseShapes[i] === revisionShapes[j]);
  pairWhere((i, j) => baseNames[i] === undefined || revisionNames[j] === undefined);
  return pairs.sort((a, b) => a[0] - b[0]);
}
