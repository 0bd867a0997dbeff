import type { SchemaCheck } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

const show = (value: unknown) => JSON.stringify(value);

/**
 * `const` (3.1): a request narrowed to one value, or changed to another, rejects what clients
 * send; a response that loses its const, or changes it, returns what readers did not expect.
 * A const facing an `enum` on the other side is a one-value enum and left to schema-enum, so
 * `enum: [x]` → `const: x` is no change.
 */
export const schemaConst: SchemaCheck = {
  name: 'schema-const',
  description: 'const values added or changed on requests, removed or changed on responses.',
  ids: idTable(prefixedIds('const-added', 'const-removed', 'const-changed')),
  compare(base, revision, { prefix, emit }) {
    if (base.enum || revision.enum || (!base.hasConst && !revision.hasConst)) return;
    if (!base.hasConst) emit(`${prefix}-const-added`, `const ${show(revision.const)} added`, undefined, revision.const);
    else if (!revision.hasConst) emit(`${prefix}-const-removed`, `const ${show(base.const)} removed`, base.const, undefined);
    else if (show(base.const) !== show(revision.const)) emit(`${prefix}-const-changed`, `const changed from ${show(base.const)} to ${show(revision.const)}`, base.const, revision.const);
  },
};
