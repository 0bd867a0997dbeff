import type { SchemaView } from '../schema-view.js';
import type { SchemaCheck } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

const key = (value: unknown) => JSON.stringify(value);

/** The two lists compared; a `const` facing an enum counts as a one-value enum (schema-const has the rest). */
function listsOf(base: SchemaView, revision: SchemaView): [unknown[] | undefined, unknown[] | undefined] {
  const asList = (view: SchemaView) => (view.enum ?? (view.hasConst ? [view.const] : undefined));
  if (base.enum && !revision.enum) return [base.enum, asList(revision)];
  if (revision.enum && !base.enum) return [asList(base), revision.enum];
  return [base.enum, revision.enum];
}

function missing(from: unknown[], to: unknown[]): unknown[] {
  const present = new Set(to.map(key));
  return from.filter((value) => !present.has(key(value)));
}

/**
 * Enum values. A request that stops accepting a value breaks clients sending it; a response that
 * starts returning a new value, or drops its list altogether, breaks clients that switch over the
 * list (warn: many tolerate it). `x-extensible-enum` declares the list open, so only removals from
 * a request matter. Order does not matter; `null` in a list is nullability (schema-nullable).
 */
export const schemaEnum: SchemaCheck = {
  name: 'schema-enum',
  description: 'Enum values removed from requests or added to responses; values becoming restricted to an enum.',
  ids: idTable(prefixedIds('enum-value-removed', 'enum-value-added', 'became-enum', 'x-extensible-enum-value-removed'), {
    // Sites oasdiff has no id for, judged as their neighbours: a response body or header gaining a
    // value is what response-property-enum-value-added (warn) is for a property...
    'response-body-enum-value-added': ['warn', 'response'],
    'response-header-enum-value-added': ['warn', 'response'],
    // ...a response dropping its list may return any value, the same surprise for the same clients...
    'response-body-became-not-enum': ['warn', 'response'],
    'response-property-became-not-enum': ['warn', 'response'],
    // ...and a request narrowing to a list (or losing an open value) breaks senders wherever it sits.
    'request-parameter-property-became-enum': ['error', 'request'],
    'request-body-x-extensible-enum-value-removed': ['error', 'request'],
  }),
  compare(base, revision, { direction, prefix, emit }) {
    const [from, to] = listsOf(base, revision);
    if (from && to) {
      for (const value of missing(from, to)) emit(`${prefix}-enum-value-removed`, `enum value ${key(value)} removed`, value, undefined);
      for (const value of missing(to, from)) emit(`${prefix}-enum-value-added`, `enum value ${key(value)} added`, undefined, value);
    } else if (!from && to && direction === 'request') {
      emit(`${prefix}-became-enum`, `now restricted to the values ${to.map(key).join(', ')}`, undefined, to);
    } else if (from && !to && direction === 'response') {
      emit(`${prefix}-became-not-enum`, `no longer restricted to the values ${from.map(key).join(', ')}`, from, undefined);
    }
    if (direction === 'request' && base.extensibleEnum && revision.extensibleEnum) {
      for (const value of missing(base.extensibleEnum, revision.extensibleEnum)) {
        emit(`${prefix}-x-extensible-enum-value-removed`, `x-extensible-enum value ${key(value)} removed`, value, undefined);
      }
    }
  },
};
