import type { SchemaCheck } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

const show = (value: unknown) => JSON.stringify(value);

/** Default values: a client omitting a parameter relies on its default, so changing it changes behaviour. */
export const schemaDefault: SchemaCheck = {
  name: 'schema-default',
  description: 'Default values added, removed or changed (behaviour for clients that omit the value).',
  ids: idTable(prefixedIds('default-value-added', 'default-value-removed', 'default-value-changed')),
  compare(base, revision, { prefix, emit }) {
    if (!base.hasDefault && !revision.hasDefault) return;
    if (!base.hasDefault) emit(`${prefix}-default-value-added`, `default ${show(revision.default)} added`, undefined, revision.default);
    else if (!revision.hasDefault) emit(`${prefix}-default-value-removed`, `default ${show(base.default)} removed`, base.default, undefined);
    else if (show(base.default) !== show(revision.default)) {
      emit(`${prefix}-default-value-changed`, `default changed from ${show(base.default)} to ${show(revision.default)}`, base.default, revision.default);
    }
  },
};
