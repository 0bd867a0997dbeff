import type { Ruleset } from '@stoplight/spectral-core';
import * as core from '@stoplight/spectral-functions';
import { dressAs, swapIn } from './stand-in.js';

type RuleFunction = ((this: unknown, input: unknown, options: unknown, context: unknown) => unknown) & Record<string, unknown>;
type Schema = Record<string, unknown>;

/** Spectral's core `schema` function, which the stand-in falls back to. */
export const schemaFunction = core.schema as unknown as RuleFunction;

const TYPES = new Set(['string', 'array', 'object', 'boolean', 'null']);
const KEYWORDS = new Set(['type', 'minItems', 'items', 'pattern']);

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Schemas the stand-in judges: only `type` (string, array, object, boolean, null — the types
 * whose test has no corner cases), `minItems`, `items` (one schema) and `pattern`, which mean the
 * same in every draft Spectral's `schema` offers. Memoized per options schema object.
 */
const simple = new WeakMap<Schema, boolean>();
export function isSimpleSchema(schema: unknown): schema is Schema {
  if (!isSchema(schema)) return false;
  let answer = simple.get(schema);
  if (answer === undefined) {
    answer = Object.entries(schema).every(([key, value]) => {
      if (!KEYWORDS.has(key)) return false;
      if (key === 'type') return Array.isArray(value) ? value.length > 0 && value.every((type) => TYPES.has(type as string)) : TYPES.has(value as string);
      if (key === 'minItems') return Number.isSafeInteger(value) && (value as number) >= 0;
      if (key === 'pattern') return typeof value === 'string' && compiles(value);
      return isSimpleSchema(value);
    });
    simple.set(schema, answer);
  }
  return answer;
}

function compiles(pattern: string): boolean {
  try {
    patternOf(pattern);
    return true;
  } catch {
    return false; // ajv's compile error is the real function's to report
  }
}

// ajv compiles `pattern` with `new RegExp(pattern, flags)`; Spectral's instances turn the `u` flag off (unicodeRegExp: false).
const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) patterns.set(source, (pattern = new RegExp(source, '')));
  return pattern;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return value === null;
  }
}

/** Whether `value` passes a schema {@link isSimpleSchema} accepted. */
export function passes(schema: Schema, value: unknown): boolean {
  const type = schema.type;
  if (type !== undefined && !(Array.isArray(type) ? type.some((t: string) => hasType(value, t)) : hasType(value, type as string))) return false;
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < (schema.minItems as number)) return false;
    if (schema.items !== undefined && !value.every((item) => passes(schema.items as Schema, item))) return false;
  }
  if (typeof value === 'string' && schema.pattern !== undefined) {
    if (!patternOf(schema.pattern as string).test(value)) return false;
  }
  return true;
}

/**
 * Spectral's `schema` function builds a fresh set of ajv instances for every document it lints
 * (20–45 ms each: ajv-formats, meta-schemas, compiling the option schema) — on every spec, for
 * spectral:oas `oas3-api-servers` / `openapi-tags` and the house `apigov-operation-summary` /
 * `apigov-operation-tags`, whose schemas are a type, an item count or a pattern. The stand-in
 * answers the values such a schema accepts (the real function's empty list) and hands every
 * other value — a missing field, one that fails — to the real function, so each finding is still
 * its own. test/lint/fast-schema.test.ts compares the two on many values.
 */
export const fastSchema = function (this: unknown, input: unknown, options: unknown, context: unknown): unknown {
  if (input !== undefined && isSchema(options) && isSimpleSchema(options.schema)) {
    // As Spectral's wrapper does before calling its function: check the options (it throws on bad ones).
    (schemaFunction.validator as (options: unknown) => void)(options);
    if (passes(options.schema, input)) return [];
  }
  return schemaFunction.call(this, input, options, context);
} as RuleFunction;
dressAs(fastSchema, schemaFunction);

/** Swaps Spectral's `schema` for the stand-in in every rule `then` whose option schema it can judge. */
export function useFastSchema(ruleset: Ruleset): void {
  swapIn(ruleset, schemaFunction, fastSchema, (then) => isSchema(then.functionOptions) && isSimpleSchema(then.functionOptions.schema));
}
