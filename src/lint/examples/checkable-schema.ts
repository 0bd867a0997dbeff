import { createRequire } from 'node:module';
import { registersIds } from './ajv-ids.js';
import { isObject, pattern, type Schema } from './draft4-check.js';

const require = createRequire(import.meta.url);
type MetaValidator = { validateSchema(schema: unknown): boolean };
const Ajv04 = (require('ajv-draft-04') as { default: new (options: object) => MetaValidator }).default;

/** Keywords whose presence sends the schema to ajv itself: references, ids, and draft-06+ applicators. */
const DELEGATED = ['$ref', 'id', '$id', '$schema', 'if', 'then', 'else', 'contains', 'propertyNames'];
const SINGLE_SUBSCHEMA = ['additionalItems', 'additionalProperties', 'not', 'items'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies'];

let meta: MetaValidator | undefined;
/** The draft-04 meta-schema check ajv runs before compiling (same class and options as Spectral's). */
function metaValid(schema: Schema): boolean {
  meta ??= new Ajv04({ meta: true, strict: false, allowUnionTypes: true, unicodeRegExp: false, logger: false });
  try {
    return meta.validateSchema(schema) === true;
  } catch {
    return false;
  }
}

function compiles(source: unknown): boolean {
  try {
    pattern(String(source));
    return true;
  } catch {
    return false;
  }
}

function jsonSafe(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  return depth < 64 && Object.values(value).every((item) => jsonSafe(item, depth + 1));
}

/** What ajv would reject at compile time, beyond the meta-schema: nullable misuse, broken patterns, mistyped keyword values. */
function fragmentCheckable(schema: Schema): boolean {
  if (DELEGATED.some((keyword) => keyword in schema)) return false;
  if (schema.nullable !== undefined) {
    if (typeof schema.nullable !== 'boolean' || schema.type === undefined) return false;
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('null') && schema.nullable === false) return false;
  }
  if (schema.format !== undefined && typeof schema.format !== 'string') return false;
  // Spectral validates against a JSON copy of the schema, where NaN and Infinity become null.
  if (!jsonSafe(schema.enum) || !jsonSafe(schema.const)) return false;
  if (Object.values(schema).some((value) => typeof value === 'number' && !Number.isFinite(value))) return false;
  if (schema.pattern !== undefined && !compiles(schema.pattern)) return false;
  if (isObject(schema.patternProperties) && !Object.keys(schema.patternProperties).every(compiles)) return false;
  return true;
}

function subschemas(schema: Schema): unknown[] {
  const found: unknown[] = [];
  for (const keyword of SINGLE_SUBSCHEMA) if (isObject(schema[keyword])) found.push(schema[keyword]);
  for (const keyword of SUBSCHEMA_LISTS) if (Array.isArray(schema[keyword])) found.push(...(schema[keyword] as unknown[]));
  for (const keyword of SUBSCHEMA_MAPS) if (isObject(schema[keyword])) found.push(...Object.values(schema[keyword]).filter(isObject));
  return found;
}

const trees = new WeakMap<object, boolean>();

/**
 * A subtree's verdict holds wherever it is met (a subtree that reaches a cycle does so from every
 * entry), so it is memoized: resolved documents share referenced schemas many times over.
 */
function treeCheckable(schema: Schema, path: Set<object>): boolean {
  const known = trees.get(schema);
  if (known !== undefined) return known;
  // A cycle in the object graph means a circular $ref was resolved in place: ajv's business.
  if (path.has(schema)) return false;
  path.add(schema);
  const verdict = fragmentCheckable(schema) && subschemas(schema).every((child) => treeCheckable(child as Schema, path));
  path.delete(schema);
  trees.set(schema, verdict);
  return verdict;
}

const verdicts = new WeakMap<object, boolean>();

/**
 * Whether {@link matches} judges examples against this schema exactly as ajv would: the schema
 * passes the meta-schema and holds nothing ajv would resolve, refuse, remember across
 * compilations or treat beyond draft-04.
 * Memoized per schema object: a resolved document shares one object per referenced schema.
 */
export function isCheckable(schema: unknown): schema is Schema {
  if (!isObject(schema)) return false;
  let verdict = verdicts.get(schema);
  if (verdict === undefined) {
    verdict = treeCheckable(schema, new Set()) && !registersIds(schema) && metaValid(schema);
    verdicts.set(schema, verdict);
  }
  return verdict;
}
