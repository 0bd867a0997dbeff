import { INERT, ASSERTIONS } from './ajv-assertions.js';
import { APPLICATORS } from './ajv-error-walk.js';
import { registersIds } from './ajv-ids.js';
import { metaValid } from './meta-valid.js';
import { compileFailure } from './compile-failure.js';
import { isObject, pattern, type Schema } from './draft4-check.js';
import { spectralAjv } from './spectral-ajv.js';

/** Keywords outside ajv's rule table that still send the schema to ajv itself: ids and the meta-schema pointer. */
const DELEGATED = ['id', '$id', '$schema'];
const SINGLE_SUBSCHEMA = ['additionalItems', 'additionalProperties', 'not', 'items'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies'];
/** ajv keywords the stand-in checks cover; any other in ajv's table ($ref, if, contains, formatMaximum, …) is left to ajv. */
const COVERED = new Set([...INERT, ...Object.keys(ASSERTIONS), ...APPLICATORS]);

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

/**
 * What ajv would reject at compile time, beyond the meta-schema and `nullable` misuse (see
 * compile-failure.ts): broken patterns, mistyped keyword values, keywords the stand-in does not cover.
 */
function fragmentCheckable(schema: Schema): boolean {
  const all = spectralAjv().RULES.all;
  for (const key in schema) if ((all[key] && !COVERED.has(key)) || DELEGATED.includes(key)) return false;
  if (schema.nullable !== undefined && typeof schema.nullable !== 'boolean') return false;
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

/**
 * Whether `fragment` holds for a schema and every subschema below it. A subtree's verdict holds
 * wherever it is met (a subtree that reaches a cycle does so from every entry), so it is memoized:
 * resolved documents share referenced schemas many times over. A cycle in the object graph means
 * a circular $ref was resolved in place: ajv's business (false).
 */
export function everySubschema(fragment: (schema: Schema) => boolean): (schema: Schema) => boolean {
  const verdicts = new WeakMap<object, boolean>();
  const check = (schema: Schema, path: Set<object>): boolean => {
    const known = verdicts.get(schema);
    if (known !== undefined) return known;
    if (path.has(schema)) return false;
    path.add(schema);
    const verdict = fragment(schema) && subschemas(schema).every((child) => check(child as Schema, path));
    path.delete(schema);
    verdicts.set(schema, verdict);
    return verdict;
  };
  return (schema) => check(schema, new Set());
}

const treeCheckable = everySubschema(fragmentCheckable);

/** How a schema's examples can be judged without ajv: checked by the stand-in, failing to compile (with ajv's message), or not at all. */
export type SchemaStanding = { checkable: true } | { compileError: string } | undefined;

const standings = new WeakMap<object, SchemaStanding | null>();

/**
 * Whether the stand-ins judge examples against this schema exactly as ajv would: the schema
 * passes the meta-schema and holds nothing ajv would resolve, remember across compilations or
 * treat beyond draft-04; if ajv would then still refuse to compile it, with which message.
 * Memoized per schema object: a resolved document shares one object per referenced schema.
 */
export function schemaStanding(schema: unknown): SchemaStanding {
  if (!isObject(schema)) return undefined;
  let standing = standings.get(schema);
  if (standing === undefined) {
    standing = null;
    if (treeCheckable(schema) && !registersIds(schema) && metaValid(schema)) {
      const failure = compileFailure(schema);
      if (failure === undefined) standing = { checkable: true };
      else if (failure !== 'ambiguous') standing = { compileError: failure };
    }
    standings.set(schema, standing);
  }
  return standing ?? undefined;
}

/** Whether {@link matches} and {@link ajvErrors} judge examples against this schema exactly as ajv would. */
export function isCheckable(schema: unknown): schema is Schema {
  const standing = schemaStanding(schema);
  return standing !== undefined && 'checkable' in standing;
}
