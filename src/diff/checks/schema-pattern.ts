import type { SchemaCheck } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

/** Patterns: a new or changed pattern on a request can reject what clients send today. */
export const schemaPattern: SchemaCheck = {
  name: 'schema-pattern',
  ids: idTable(prefixedIds('pattern-added', 'pattern-removed', 'pattern-changed')),
  compare(base, revision, { prefix, emit }) {
    if (base.pattern === revision.pattern) return;
    if (base.pattern === undefined) emit(`${prefix}-pattern-added`, `pattern ${revision.pattern} added`, undefined, revision.pattern);
    else if (revision.pattern === undefined) emit(`${prefix}-pattern-removed`, `pattern ${base.pattern} removed`, base.pattern, undefined);
    else emit(`${prefix}-pattern-changed`, `pattern changed from ${base.pattern} to ${revision.pattern}`, base.pattern, revision.pattern);
  },
};
