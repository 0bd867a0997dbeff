import { createRequire } from 'node:module';
import { formatCheck } from './spectral-ajv.js';

const require = createRequire(import.meta.url);
// The very helpers ajv's generated code calls, so lengths and equality mean what they mean there.
export const equal = (require('ajv/dist/runtime/equal') as { default: (a: unknown, b: unknown) => boolean }).default;
export const ucs2length = (require('ajv/dist/runtime/ucs2length') as { default: (s: string) => number }).default;

export type Schema = Record<string, unknown>;

/**
 * Which properties `required` does not demand: Spectral's example rules drop read-only
 * properties from `required` for requests and write-only ones for responses (outside `not`).
 */
export type RequiredRelaxation = 'none' | 'readOnly' | 'writeOnly';

/** Thrown when the data holds something ajv would see differently than JSON (a prototype key). */
export class Undecidable extends Error {}

const patterns = new Map<string, RegExp>();
/** ajv compiles patterns without the `u` flag when `unicodeRegExp` is off, as Spectral sets it. */
export function pattern(source: string): RegExp {
  let compiled = patterns.get(source);
  if (compiled === undefined) patterns.set(source, (compiled = new RegExp(source, '')));
  return compiled;
}

/** A JSON object: what ajv's "object" type means. */
export function isObject(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}

export function hasType(data: unknown, type: unknown): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'boolean':
      return typeof data === 'boolean';
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number';
    case 'integer':
      return typeof data === 'number' && !(data % 1) && !Number.isNaN(data);
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isObject(data);
    default:
      return false;
  }
}

function typeMatches(schema: Schema, data: unknown): boolean {
  if (schema.type === undefined) return true;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.nullable === true && data === null) return true;
  return types.some((type) => hasType(data, type));
}

/** ajv looks properties up with `data[name] !== undefined`; a name that reaches the prototype is not JSON any more. */
export function propertyOf(data: Record<string, unknown>, name: string): unknown {
  const value = data[name];
  if (value !== undefined && !Object.prototype.hasOwnProperty.call(data, name)) throw new Undecidable(name);
  return value;
}

function formatMatches(name: string, data: unknown): boolean {
  const check = formatCheck(name);
  return check === null || typeof data !== check.type || check.test(data);
}

function numberMatches(schema: Schema, data: number): boolean {
  if (typeof schema.maximum === 'number' && (schema.exclusiveMaximum === true ? data >= schema.maximum : data > schema.maximum)) return false;
  if (typeof schema.minimum === 'number' && (schema.exclusiveMinimum === true ? data <= schema.minimum : data < schema.minimum)) return false;
  if (typeof schema.multipleOf === 'number') {
    const ratio = data / schema.multipleOf;
    // ajv's own test, parseInt and all.
    if (schema.multipleOf === 0 || ratio !== parseInt(ratio as unknown as string)) return false;
  }
  return true;
}

function stringMatches(schema: Schema, data: string): boolean {
  if (typeof schema.maxLength === 'number' || typeof schema.minLength === 'number') {
    const length = ucs2length(data);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
    if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  }
  return typeof schema.pattern !== 'string' || pattern(schema.pattern).test(data);
}

function hasDuplicates(items: unknown[]): boolean {
  for (let i = items.length; i--; ) for (let j = i; j--; ) if (equal(items[i], items[j])) return true;
  return false;
}

function arrayMatches(schema: Schema, data: unknown[], relax: RequiredRelaxation): boolean {
  if (typeof schema.maxItems === 'number' && data.length > schema.maxItems) return false;
  if (typeof schema.minItems === 'number' && data.length < schema.minItems) return false;
  if (schema.uniqueItems === true && hasDuplicates(data)) return false;
  const items = schema.items;
  if (Array.isArray(items)) {
    for (let i = 0; i < Math.min(items.length, data.length); i++) if (!matches(items[i] as Schema, data[i], relax)) return false;
    const extra = schema.additionalItems;
    if (extra === false && data.length > items.length) return false;
    if (isObject(extra)) for (let i = items.length; i < data.length; i++) if (!matches(extra, data[i], relax)) return false;
  } else if (isObject(items)) {
    for (const item of data) if (!matches(items, item, relax)) return false;
  }
  return true;
}

export function isRequired(schema: Schema, name: string, relax: RequiredRelaxation): boolean {
  if (relax === 'none' || !isObject(schema.properties)) return true;
  const property = schema.properties[name];
  return !(isObject(property) && property[relax] === true);
}

function objectMatches(schema: Schema, data: Record<string, unknown>, relax: RequiredRelaxation): boolean {
  if (Object.prototype.hasOwnProperty.call(data, '__proto__')) throw new Undecidable('__proto__');
  const keys = Object.keys(data);
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) return false;
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) return false;
  if (Array.isArray(schema.required)) {
    for (const name of schema.required as string[]) if (propertyOf(data, name) === undefined && isRequired(schema, name, relax)) return false;
  }
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const name of Object.keys(properties)) {
    if (name === '__proto__') continue;
    const value = propertyOf(data, name);
    if (value !== undefined && !matches(properties[name] as Schema, value, relax)) return false;
  }
  const patternSchemas = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties).filter(([source]) => source !== '__proto__') : [];
  for (const [source, subschema] of patternSchemas) {
    const regex = pattern(source);
    for (const key of keys) if (regex.test(key) && !matches(subschema as Schema, data[key], relax)) return false;
  }
  const additional = schema.additionalProperties;
  if (additional === false || isObject(additional)) {
    for (const key of keys) {
      const declared = Object.prototype.hasOwnProperty.call(properties, key) || patternSchemas.some(([source]) => pattern(source).test(key));
      if (declared) continue;
      if (additional === false || !matches(additional as Schema, data[key], relax)) return false;
    }
  }
  if (isObject(schema.dependencies)) {
    for (const [name, dependency] of Object.entries(schema.dependencies)) {
      if (propertyOf(data, name) === undefined) continue;
      if (Array.isArray(dependency)) {
        if (dependency.some((required) => propertyOf(data, required as string) === undefined)) return false;
      } else if (!matches(dependency as Schema, data, relax)) return false;
    }
  }
  return true;
}

/**
 * Whether `data` is valid against a draft-04 schema (with OpenAPI's `nullable`) exactly as the
 * ajv instance Spectral's example rules use would judge it. Only for schemas that
 * {@link isCheckable} accepted: no `$ref`, no ids, nothing ajv would refuse to compile.
 */
export function matches(schema: Schema, data: unknown, relax: RequiredRelaxation): boolean {
  if (!typeMatches(schema, data)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => equal(allowed, data))) return false;
  if (schema.const !== undefined && !equal(schema.const, data)) return false;
  if (typeof schema.format === 'string' && !formatMatches(schema.format, data)) return false;
  if (typeof data === 'number' && !numberMatches(schema, data)) return false;
  if (typeof data === 'string' && !stringMatches(schema, data)) return false;
  if (Array.isArray(data) && !arrayMatches(schema, data, relax)) return false;
  if (isObject(data) && !objectMatches(schema, data, relax)) return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every((branch) => matches(branch as Schema, data, relax))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((branch) => matches(branch as Schema, data, relax))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((branch) => matches(branch as Schema, data, relax)).length !== 1) return false;
  // Spectral relaxes nothing under `not`.
  if (isObject(schema.not) && matches(schema.not, data, 'none')) return false;
  return true;
}
