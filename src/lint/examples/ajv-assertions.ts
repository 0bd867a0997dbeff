/**
 * The keywords that judge a value without applying a subschema, each as ajv's generated code
 * does with `allErrors` off: the condition it fails on, and the error it then reports (params and
 * message exactly as ajv writes them). `undefined` means the keyword passes.
 */
import { equal, isObject, isRequired, pattern, propertyOf, ucs2length, type RequiredRelaxation, type Schema } from './draft4-check.js';
import { formatCheck } from './spectral-ajv.js';

export interface AssertionFailure {
  params: Record<string, unknown>;
  message: string;
}

type Assertion = (schema: Schema, data: unknown, group: string | undefined, relax: RequiredRelaxation) => AssertionFailure | undefined;

function limit(keyword: string, more: string, fewer: string, unit: string, size: (data: unknown) => number): Assertion {
  return (schema, data) => {
    const bound = schema[keyword] as number;
    const max = keyword.startsWith('max');
    const failed = max ? size(data) > bound : size(data) < bound;
    return failed ? { params: { limit: bound }, message: `must NOT have ${max ? more : fewer} than ${bound} ${unit}` } : undefined;
  };
}

/** maximum / minimum, draft-04 style: a boolean exclusiveMaximum / exclusiveMinimum beside them. */
function numberLimit(keyword: 'maximum' | 'minimum'): Assertion {
  return (schema, data) => {
    const bound = schema[keyword] as number;
    const value = data as number;
    const exclusive = Boolean(schema[keyword === 'maximum' ? 'exclusiveMaximum' : 'exclusiveMinimum']);
    const comparison = keyword === 'maximum' ? (exclusive ? '<' : '<=') : exclusive ? '>' : '>=';
    const failed = keyword === 'maximum' ? (exclusive ? value >= bound : value > bound) : exclusive ? value <= bound : value < bound;
    return failed || Number.isNaN(value) ? { params: { comparison, limit: bound }, message: `must be ${comparison} ${bound}` } : undefined;
  };
}

function multipleOf(schema: Schema, data: unknown): AssertionFailure | undefined {
  const divisor = schema.multipleOf as number;
  const ratio = (data as number) / divisor;
  // ajv's own test, parseInt and all.
  if (divisor !== 0 && ratio === parseInt(ratio as unknown as string)) return undefined;
  return { params: { multipleOf: divisor }, message: `must be multiple of ${divisor}` };
}

function matchesPattern(schema: Schema, data: unknown): AssertionFailure | undefined {
  const source = schema.pattern as string;
  return pattern(source).test(data as string) ? undefined : { params: { pattern: source }, message: `must match pattern "${source}"` };
}

/** A format applies in the rule group of its own data type only (int32 among numbers, email among strings). */
function format(schema: Schema, data: unknown, group: string | undefined): AssertionFailure | undefined {
  const name = schema.format as string;
  const check = formatCheck(name);
  if (check === null || check.type !== group || check.test(data)) return undefined;
  return { params: { format: name }, message: `must match format "${name}"` };
}

function constant(schema: Schema, data: unknown): AssertionFailure | undefined {
  return equal(data, schema.const) ? undefined : { params: { allowedValue: schema.const }, message: 'must be equal to constant' };
}

function enumeration(schema: Schema, data: unknown): AssertionFailure | undefined {
  const allowed = schema.enum as unknown[];
  if (allowed.some((value) => equal(data, value))) return undefined;
  // Spectral's ajv holds a JSON copy of the schema: distinct objects even where the document shares one.
  return { params: { allowedValues: JSON.parse(JSON.stringify(allowed)) }, message: 'must be equal to one of the allowed values' };
}

function required(schema: Schema, data: unknown, _group: string | undefined, relax: RequiredRelaxation): AssertionFailure | undefined {
  const object = data as Record<string, unknown>;
  for (const name of schema.required as string[]) {
    if (!isRequired(schema, name, relax)) continue;
    if (propertyOf(object, name) === undefined) return { params: { missingProperty: name }, message: `must have required property '${name}'` };
  }
  return undefined;
}

/**
 * ajv's two duplicate searches: by value as an object key when `items` declares only scalar
 * types (items of other types are skipped), else pairwise with deep equality; both from the end.
 */
function uniqueItems(schema: Schema, data: unknown): AssertionFailure | undefined {
  if (schema.uniqueItems !== true) return undefined;
  const items = data as unknown[];
  const types = itemTypes(schema.items);
  const scalar = types.length > 0 && !types.some((type) => type === 'object' || type === 'array');
  const found = scalar ? duplicateByKey(items, types) : duplicateByEquality(items);
  if (found === undefined) return undefined;
  const [i, j] = found;
  return { params: { i, j }, message: `must NOT have duplicate items (items ## ${j} and ${i} are identical)` };
}

function itemTypes(items: unknown): string[] {
  if (!isObject(items)) return [];
  const types = (Array.isArray(items.type) ? items.type : items.type ? [items.type] : []) as string[];
  return items.nullable === true && !types.includes('null') ? [...types, 'null'] : types;
}

function duplicateByKey(items: unknown[], types: string[]): [number, number] | undefined {
  // A plain object on purpose: ajv indexes one, so "__proto__" and its kin behave as they do there.
  const indices: Record<string, unknown> = {};
  for (let i = items.length; i--; ) {
    let item = items[i];
    if (!types.some((type) => typeMatchesKey(type, item))) continue;
    if (types.length > 1 && typeof item === 'string') item += '_';
    const key = item as string;
    if (typeof indices[key] === 'number') return [i, indices[key]];
    indices[key] = i;
  }
  return undefined;
}

function typeMatchesKey(type: string, item: unknown): boolean {
  if (type === 'null') return item === null;
  if (type === 'integer') return typeof item === 'number' && !((item as number) % 1) && !Number.isNaN(item);
  return typeof item === type;
}

function duplicateByEquality(items: unknown[]): [number, number] | undefined {
  for (let i = items.length; i--; ) for (let j = i; j--; ) if (equal(items[i], items[j])) return [i, j];
  return undefined;
}

/** Array-valued `dependencies`: when the property is there, the first missing one it names. */
export function propertyDependency(data: Record<string, unknown>, property: string, names: string[]): AssertionFailure | undefined {
  if (names.length === 0 || propertyOf(data, property) === undefined) return undefined;
  const missing = names.find((name) => propertyOf(data, name) === undefined);
  if (missing === undefined) return undefined;
  const params = { property, missingProperty: missing, depsCount: names.length, deps: names.join(', ') };
  return { params, message: `must have ${names.length === 1 ? 'property' : 'properties'} ${params.deps} when property ${property} is present` };
}

const length = (data: unknown) => ucs2length(data as string);
const count = (data: unknown) => (data as unknown[]).length;
const keys = (data: unknown) => Object.keys(data as object).length;

export const ASSERTIONS: Record<string, Assertion> = {
  maximum: numberLimit('maximum'),
  minimum: numberLimit('minimum'),
  multipleOf,
  maxLength: limit('maxLength', 'more', 'fewer', 'characters', length),
  minLength: limit('minLength', 'more', 'fewer', 'characters', length),
  pattern: matchesPattern,
  format,
  maxItems: limit('maxItems', 'more', 'fewer', 'items', count),
  minItems: limit('minItems', 'more', 'fewer', 'items', count),
  uniqueItems,
  maxProperties: limit('maxProperties', 'more', 'fewer', 'properties', keys),
  minProperties: limit('minProperties', 'more', 'fewer', 'properties', keys),
  required,
  const: constant,
  enum: enumeration,
};

/** Keywords ajv knows that generate no check of their own. */
export const INERT = new Set(['$comment', 'type', 'nullable', 'exclusiveMaximum', 'exclusiveMinimum']);
