import type { SchemaView } from '../schema-view.js';
import type { SchemaCheck } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

const accepts = (wider: Set<string>, type: string) => wider.has(type) || (type === 'integer' && wider.has('number'));

/** Does every value valid for `narrow`'s type and format stay valid for `wide`'s? */
function covers(wide: SchemaView, narrow: SchemaView): boolean {
  if (wide.types !== undefined && (narrow.types === undefined || ![...narrow.types].every((t) => accepts(wide.types!, t)))) return false;
  return wide.format === undefined || wide.format === narrow.format;
}

const describe = (v: SchemaView) => `${v.types ? [...v.types].sort().join('|') : 'any'}${v.format ? `/${v.format}` : ''}`;

/**
 * Type and format. A request may only widen what it accepts (generalized); a response may only
 * narrow what it returns (specialized); anything else breaks one side. `integer` → `number` widens.
 */
export const schemaType: SchemaCheck = {
  name: 'schema-type',
  ids: idTable(prefixedIds('type-changed', 'type-generalized', 'type-specialized')),
  compare(base, revision, { direction, prefix, emit }) {
    const from = describe(base);
    const to = describe(revision);
    if (from === to) return;
    const message = `type/format changed from ${from} to ${to}`;
    const widened = covers(revision, base);
    const narrowed = covers(base, revision);
    if (direction === 'request') emit(widened ? `${prefix}-type-generalized` : `${prefix}-type-changed`, message, from, to);
    else if (narrowed) emit(`${prefix}-type-specialized`, message, from, to);
    else emit(widened ? `${prefix}-type-generalized` : `${prefix}-type-changed`, message, from, to);
  },
};
