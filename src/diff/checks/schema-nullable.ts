import type { SchemaCheck } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

/**
 * Nullability (`nullable: true`, `x-nullable`, or `null` in a 3.1 type list — all one flag).
 * A request that stops accepting null, or a response that starts returning it, breaks clients.
 */
export const schemaNullable: SchemaCheck = {
  name: 'schema-nullable',
  description: 'Requests that stop accepting null, responses that start returning it.',
  ids: idTable(prefixedIds('became-nullable', 'became-not-nullable')),
  compare(base, revision, { prefix, emit }) {
    if (base.nullable === revision.nullable) return;
    if (revision.nullable) emit(`${prefix}-became-nullable`, 'became nullable', false, true);
    else emit(`${prefix}-became-not-nullable`, 'no longer nullable', true, false);
  },
};
