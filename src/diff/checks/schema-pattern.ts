import type { SchemaCheck } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

/** Patterns every string matches: a pattern changed to one of these lifted the restriction. */
const MATCH_ALL = new Set(['.*', '^.*', '.*$', '^.*$', '[\\s\\S]*', '^[\\s\\S]*$']);

/**
 * Patterns: a new pattern on a request can reject what clients send today (error); a changed one
 * may (warn: regexes are not compared for inclusion), unless it now matches everything
 * (generalized). Responses: a new or changed pattern is for the changelog.
 */
export const schemaPattern: SchemaCheck = {
  name: 'schema-pattern',
  description: 'Patterns added or changed on requests (can reject what clients send today) or responses.',
  ids: idTable(prefixedIds('pattern-added', 'pattern-removed', 'pattern-changed', 'pattern-generalized')),
  compare(base, revision, { prefix, emit }) {
    if (base.pattern === revision.pattern) return;
    if (base.pattern === undefined) emit(`${prefix}-pattern-added`, `pattern ${revision.pattern} added`, undefined, revision.pattern);
    else if (revision.pattern === undefined) emit(`${prefix}-pattern-removed`, `pattern ${base.pattern} removed`, base.pattern, undefined);
    else {
      const id = MATCH_ALL.has(revision.pattern) && schemaPattern.ids.has(`${prefix}-pattern-generalized`) ? 'generalized' : 'changed';
      emit(`${prefix}-pattern-${id}`, `pattern changed from ${base.pattern} to ${revision.pattern}`, base.pattern, revision.pattern);
    }
  },
};
