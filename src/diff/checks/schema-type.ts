import type { SchemaView } from '../schema-view.js';
import type { SchemaCheck } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

/** What this check compares of a schema. */
interface Shape {
  types?: Set<string>;
  format?: string;
}

const accepts = (wider: Set<string>, type: string) => wider.has(type) || (type === 'integer' && wider.has('number'));

/** Formats whose values all fit in a wider one: every int32 is an int64, every float a double. */
const WIDER_FORMATS: Record<string, readonly string[]> = { int64: ['int32'], double: ['float', 'int32'] };

const formatCovers = (wide: string | undefined, narrow: string | undefined) =>
  wide === undefined || wide === narrow || (narrow !== undefined && (WIDER_FORMATS[wide]?.includes(narrow) ?? false));

/** Does every value valid for `narrow`'s type and format stay valid for `wide`'s? */
function covers(wide: Shape, narrow: Shape): boolean {
  if (wide.types !== undefined && (narrow.types === undefined || ![...narrow.types].every((t) => accepts(wide.types!, t)))) return false;
  return formatCovers(wide.format, narrow.format);
}

/**
 * The declared types; a schema without `type` but with properties (or additionalProperties) is
 * read as an object and one with items as an array — every generator does, so adding the missing
 * `type: object` is a cleanup, not a narrowing.
 */
function typesOf(view: SchemaView): Set<string> | undefined {
  if (view.types !== undefined) return view.types;
  if (view.properties.size > 0 || typeof view.additionalProperties === 'object' || view.additionalProperties === false) return new Set(['object']);
  return view.items !== undefined ? new Set(['array']) : undefined;
}

const shapeOf = (view: SchemaView): Shape => ({ types: typesOf(view), format: view.format });

const describe = (v: Shape) => `${v.types ? [...v.types].sort().join('|') : 'any'}${v.format ? `/${v.format}` : ''}`;

/** A 3.1 list of several types growing or shrinking has ids of its own (`list-of-types-*`). */
const isTypeList = (base: Shape, revision: Shape) =>
  base.types !== undefined && revision.types !== undefined && (base.types.size > 1 || revision.types.size > 1) && base.format === revision.format;

/** The judgement: widened, narrowed, or neither (an unrelated type). */
function judge(base: Shape, revision: Shape): 'widened' | 'narrowed' | 'changed' {
  if (covers(revision, base)) return 'widened';
  if (covers(base, revision)) return 'narrowed';
  return 'changed';
}

/**
 * Type and format. A request may only widen what it accepts (generalized); a response may only
 * narrow what it returns (specialized); anything else breaks one side. `integer` → `number`,
 * int32 → int64 and float → double widen; a format dropped widens, one added narrows.
 */
export const schemaType: SchemaCheck = {
  name: 'schema-type',
  description: 'Types and formats narrowed on requests or widened on responses.',
  ids: idTable(prefixedIds('type-changed', 'type-generalized', 'type-specialized', 'list-of-types-widened', 'list-of-types-narrowed'), {
    // oasdiff has this one at warn while the same change at the parameter's root is an error; a
    // client sending the old type is rejected either way.
    'request-parameter-property-type-changed': ['error', 'request'],
  }),
  compare(baseView, revisionView, { prefix, emit }) {
    const base = shapeOf(baseView);
    const revision = shapeOf(revisionView);
    const from = describe(base);
    const to = describe(revision);
    if (from === to) return;
    const message = `type/format changed from ${from} to ${to}`;
    const verdict = judge(base, revision);
    if (isTypeList(base, revision) && verdict !== 'changed') {
      emit(`${prefix}-list-of-types-${verdict}`, message, from, to);
      return;
    }
    const id = `${prefix}-type-${verdict === 'widened' ? 'generalized' : verdict === 'narrowed' ? 'specialized' : 'changed'}`;
    // A narrowing without an id of its own (most request sites) is reported as the change it is.
    emit(schemaType.ids.has(id) ? id : `${prefix}-type-changed`, message, from, to);
  },
};
