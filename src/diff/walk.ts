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
  /** Every id it may report, with level; levels default to oasdiff's. */
  ids: ReadonlyMap<string, { level: Level; direction: Direction }>;
  compare(base: SchemaView, revision: SchemaView, context: SchemaCheckContext): void;
}

type Memo = WeakMap<object, WeakMap<object, Map<string, SchemaChange[]>>>;

/**
 * Compares two schemas through $ref, allOf (merged in views), properties, items,
 * additionalProperties and oneOf/anyOf alternatives, by direction. Results are memoized per
 * (base schema, revision schema, direction, location), so a component used by a thousand
 * operations is compared once; a pair met again while being compared (a cycle) counts as equal.
 */
export class SchemaWalker {
  private readonly memo: Memo = new WeakMap();

  constructor(
    private readonly views: { base: SchemaViews; revision: SchemaViews },
    private readonly checks: readonly SchemaCheck[],
  ) {}

  compare(base: RawSchema, revision: RawSchema, direction: 'request' | 'response', location: SchemaLocation): SchemaChange[] {
    const b = this.views.base.of(base);
    const r = this.views.revision.of(revision);
    const key = `${direction}:${location}`;
    let byRevision = this.memo.get(b.node);
    if (!byRevision) this.memo.set(b.node, (byRevision = new WeakMap()));
    let byKey = byRevision.get(r.node);
    if (!byKey) byRevision.set(r.node, (byKey = new Map()));
    const known = byKey.get(key);
    if (known) return known;
    byKey.set(key, []); // a cycle back to this pair sees "no change"
    const changes = this.compareViews(b, r, direction, location);
    byKey.set(key, changes);
    return changes;
  }

  private compareViews(b: SchemaView, r: SchemaView, direction: 'request' | 'response', location: SchemaLocation): SchemaChange[] {
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

  private nested(changes: SchemaChange[], segment: string, inner: SchemaChange[]): void {
    for (const change of inner) changes.push({ ...change, at: [segment, ...change.at] });
  }

  /** Recurses where both sides have a subschema; additions and removals are the checks' business. */
  private descend(b: SchemaView, r: SchemaView, direction: 'request' | 'response', location: SchemaLocation, changes: SchemaChange[]): void {
    for (const [name, baseProperty] of b.properties) {
      const revisionProperty = r.properties.get(name);
      if (revisionProperty === undefined) continue;
      const bp = this.views.base.of(baseProperty);
      const rp = this.views.revision.of(revisionProperty);
      // What a client never sends (readOnly) or never receives (writeOnly) cannot break it.
      if (direction === 'request' && bp.readOnly && rp.readOnly) continue;
      if (direction === 'response' && bp.writeOnly && rp.writeOnly) continue;
      this.nested(changes, name, this.compare(baseProperty, revisionProperty, direction, location));
    }
    if (b.items !== undefined && r.items !== undefined) this.nested(changes, 'items', this.compare(b.items, r.items, direction, location));
    if (typeof b.additionalProperties === 'object' && typeof r.additionalProperties === 'object') {
      this.nested(changes, 'additionalProperties', this.compare(b.additionalProperties, r.additionalProperties, direction, location));
    }
    this.descendAlternatives(b.oneOf, r.oneOf, 'oneOf', direction, location, changes);
    this.descendAlternatives(b.anyOf, r.anyOf, 'anyOf', direction, location, changes);
  }

  private descendAlternatives(base: RawSchema[] | undefined, revision: RawSchema[] | undefined, keyword: string, direction: 'request' | 'response', location: SchemaLocation, changes: SchemaChange[]): void {
    if (!base || !revision) return;
    for (const [i, j] of matchAlternatives(base, revision, this.views)) {
      this.nested(changes, `${keyword}[${i}]`, this.compare(base[i], revision[j], direction, location));
    }
  }
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
