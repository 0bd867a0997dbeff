import type { BoundKey } from '../schema-view.js';
import type { SchemaCheck } from '../walk.js';
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

/**
 * Numeric, length and item-count bounds. Tightening what a request accepts breaks senders;
 * loosening what a response returns breaks readers. A bound appearing (`set`) or disappearing
 * (`unset`) is reported under its own id where oasdiff has one, else as the move it amounts to.
 */
export const schemaBounds: SchemaCheck = {
  name: 'schema-bounds',
  ids: idTable(prefixedIds(...SUFFIXES)),
  compare(base, revision, { prefix, emit }) {
    for (const [key, { name, upper }] of Object.entries(BOUNDS) as Array<[BoundKey, { name: string; upper: boolean }]>) {
      const from = base.bounds[key];
      const to = revision.bounds[key];
      if (from === to) continue;
      const kind = from === undefined ? 'set' : to === undefined ? 'unset' : to < from ? 'decreased' : 'increased';
      // An unset upper bound has moved to infinity (increased); an unset lower bound to minus infinity.
      const movement = kind === 'set' ? (upper ? 'decreased' : 'increased') : kind === 'unset' ? (upper ? 'increased' : 'decreased') : kind;
      const message = `${key} ${from === undefined ? 'set to' : to === undefined ? `removed (was ${from})` : `changed from ${from} to`}${to === undefined ? '' : ` ${to}`}`;
      const specific = `${prefix}-${name}-${kind}`;
      const fallback = `${prefix}-${name}-${movement}`;
      emit(schemaBounds.ids.has(specific) ? specific : fallback, message, from, to);
    }
  },
};
