import type { RawSchema } from '../model.js';
import { matchAlternatives, type SchemaCheck, type SchemaCheckContext } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

function compareAlternatives(keyword: 'oneOf' | 'anyOf', base: RawSchema[] | undefined, revision: RawSchema[] | undefined, context: SchemaCheckContext): void {
  const from = base ?? [];
  const to = revision ?? [];
  if (from.length === 0 && to.length === 0) return;
  const pairs = matchAlternatives(from, to, context.views);
  const name = keyword === 'oneOf' ? 'one-of' : 'any-of';
  const label = (raw: RawSchema, side: 'base' | 'revision', index: number) => context.views[side].nameOf(raw) ?? `#${index}`;
  from.forEach((schema, i) => {
    if (!pairs.some(([b]) => b === i)) context.emit(`${context.prefix}-${name}-removed`, `${keyword} alternative ${label(schema, 'base', i)} removed`, label(schema, 'base', i), undefined);
  });
  to.forEach((schema, j) => {
    if (!pairs.some(([, r]) => r === j)) context.emit(`${context.prefix}-${name}-added`, `${keyword} alternative ${label(schema, 'revision', j)} added`, undefined, label(schema, 'revision', j));
  });
}

/**
 * oneOf/anyOf alternatives. A request that drops an alternative rejects documents clients send;
 * a response that adds one returns documents clients cannot read. Alternatives are matched by
 * $ref name (or title), so reordering is no change.
 */
export const schemaComposition: SchemaCheck = {
  name: 'schema-composition',
  description: 'oneOf/anyOf alternatives removed from requests or added to responses.',
  ids: idTable(prefixedIds('one-of-added', 'one-of-removed', 'any-of-added', 'any-of-removed')),
  compare(base, revision, context) {
    compareAlternatives('oneOf', base.oneOf, revision.oneOf, context);
    compareAlternatives('anyOf', base.anyOf, revision.anyOf, context);
  },
};
