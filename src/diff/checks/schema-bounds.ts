import type { BoundKey, SchemaView } from '../schema-view.js';
import type { SchemaCheck, SchemaCheckContext } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

/** oasdiff's name for each bound, and whether it caps from above. */
const BOUNDS: Record<BoundKey, { name: string; upper: boolean }> = {
  maximum: { name: 'max', upper: true },
  exclusiveMaximum: { name: 'exclusive-max', upper: true },
  maxLength: { name: 'max-length', upper: true },
  maxItems: { name: 'max-items', upper: true },
  minimum: { name: 'min', upper: false },
  exclusiveMinimum: { name: 'exclusive-min', upper: false },
  minLength: { name: 'min-length', upper: false },
  minItems: { name: 'min-items', upper: false },
};

const SUFFIXES = Object.values(BOUNDS).flatMap(({ name }) => ['decreased', 'increased', 'set', 'unset'].map((kind) => `${name}-${kind}`));

/** A numeric bound written inclusive on one side and exclusive on the other is one bound that moved. */
const NUMERIC_PAIRS: Array<{ inclusive: BoundKey; exclusive: BoundKey; upper: boolean }> = [
  { inclusive: 'maximum', exclusive: 'exclusiveMaximum', upper: true },
  { inclusive: 'minimum', exclusive: 'exclusiveMinimum', upper: false },
];

type Kind = 'decreased' | 'increased' | 'set' | 'unset';

function report(key: BoundKey, kind: Kind, message: string, from: number | undefined, to: number | undefined, { prefix, emit }: SchemaCheckContext): void {
  const { name, upper } = BOUNDS[key];
  // An unset upper bound has moved to infinity (increased); an unset lower bound to minus infinity.
  const movement = kind === 'set' ? (upper ? 'decreased' : 'increased') : kind === 'unset' ? (upper ? 'increased' : 'decreased') : kind;
  const specific = `${prefix}-${name}-${kind}`;
  emit(schemaBounds.ids.has(specific) ? specific : `${prefix}-${name}-${movement}`, message, from, to);
}

/**
 * `maximum: 10` → `exclusiveMaximum: 10` (in 3.0: `exclusiveMaximum: true` added) is the upper
 * bound moving down by a hair, not one bound removed and another set. Reported under the
 * revision's keyword. Returns the keys it has dealt with.
 */
function compareSwitched(base: SchemaView, revision: SchemaView, context: SchemaCheckContext): Set<BoundKey> {
  const handled = new Set<BoundKey>();
  for (const { inclusive, exclusive, upper } of NUMERIC_PAIRS) {
    const b = base.bounds;
    const r = revision.bounds;
    const baseKey = b[inclusive] !== undefined && b[exclusive] === undefined ? inclusive : b[exclusive] !== undefined && b[inclusive] === undefined ? exclusive : undefined;
    const revisionKey = r[inclusive] !== undefined && r[exclusive] === undefined ? inclusive : r[exclusive] !== undefined && r[inclusive] === undefined ? exclusive : undefined;
    if (!baseKey || !revisionKey || baseKey === revisionKey) continue;
    const from = b[baseKey]!;
    const to = r[revisionKey]!;
    // At equal values the exclusive bound is the tighter one.
    const tighter = to === from ? revisionKey === exclusive : upper ? to < from : to > from;
    const kind = tighter === upper ? 'decreased' : 'increased';
    report(revisionKey, kind, `${baseKey} ${from} became ${revisionKey} ${to}`, from, to, context);
    handled.add(inclusive).add(exclusive);
  }
  return handled;
}

/**
 * Numeric, length and item-count bounds. Tightening what a request accepts breaks senders;
 * loosening what a response returns breaks readers. A bound appearing (`set`) or disappearing
 * (`unset`) is reported under its own id where oasdiff has one, else as the move it amounts to.
 * 3.0's boolean exclusive bounds arrive here as 3.1's numbers (schema-view), so the two spellings
 * compare equal.
 */
export const schemaBounds: SchemaCheck = {
  name: 'schema-bounds',
  description: 'Numeric, length and item-count bounds tightened on requests or loosened on responses.',
  ids: idTable(prefixedIds(...SUFFIXES), {
    // oasdiff has no maxItems ids for bodies and properties (only for parameters); a request
    // accepting fewer items, or a response returning more, breaks clients like any other bound.
    'request-body-max-items-decreased': ['error', 'request'],
    'request-body-max-items-increased': ['info', 'request'],
    'request-body-max-items-set': ['warn', 'request'],
    'request-property-max-items-decreased': ['error', 'request'],
    'request-property-max-items-increased': ['info', 'request'],
    'request-property-max-items-set': ['warn', 'request'],
    'response-body-max-items-increased': ['error', 'response'],
    'response-property-max-items-increased': ['error', 'response'],
  }),
  compare(base, revision, context) {
    const handled = compareSwitched(base, revision, context);
    for (const key of Object.keys(BOUNDS) as BoundKey[]) {
      if (handled.has(key)) continue;
      const from = base.bounds[key];
      const to = revision.bounds[key];
      if (from === to) continue;
      const kind = from === undefined ? 'set' : to === undefined ? 'unset' : to < from ? 'decreased' : 'increased';
      const message = `${key} ${from === undefined ? 'set to' : to === undefined ? `removed (was ${from})` : `changed from ${from} to`}${to === undefined ? '' : ` ${to}`}`;
      report(key, kind, message, from, to, context);
    }
  },
};
