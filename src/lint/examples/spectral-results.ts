/**
 * ajv's errors for one example turned into the results Spectral's `schema` function returns, by
 * the steps it takes after validating: oasSchema's ",null" on type errors of nullable
 * fragments, @stoplight/better-ajv-errors (the very package, called as Spectral calls it), then
 * the wording Spectral adds for array items and for anyOf/oneOf that nothing matched.
 */
import { createRequire } from 'node:module';
import type { AjvError } from './ajv-error-walk.js';
import type { Schema } from './draft4-check.js';
import type { ExampleItem, Path } from './example-items.js';

const require = createRequire(import.meta.url);
type BetterAjvErrors = (schema: unknown, errors: AjvError[], options: { propertyPath: Path; targetValue: unknown }) => { error: string; path: string; suggestion?: string }[];
const betterAjvErrors = require('@stoplight/better-ajv-errors') as BetterAjvErrors;
const { isPlainObject, pointerToPath } = require('@stoplight/json') as { isPlainObject: (value: unknown) => boolean; pointerToPath: (pointer: string) => string[] };

export interface SpectralResult {
  message: string;
  path: Path;
}

/** Spectral's message for an example that is not there (an `examples` entry without `value`). */
export const mustExist = (path: Path): SpectralResult => ({ path, message: '#{{print("property")}}must exist' });

/** The schema fragment an error's schema path leads to, walked as oasSchema walks it: through plain objects only. */
function fragmentAt(schema: Schema, schemaPath: string): unknown {
  let value: unknown = schema;
  for (const segment of pointerToPath(schemaPath).slice(0, -1)) {
    if (!isPlainObject(value)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function addNullToNullableTypes(schema: Schema, errors: AjvError[]): void {
  for (const error of errors) {
    if (error.keyword !== 'type') continue;
    const fragment = fragmentAt(schema, error.schemaPath);
    if (isPlainObject(fragment) && (fragment as Schema).nullable === true) error.message += ',null';
  }
}

/** Where an anyOf or oneOf matched no branch at all (a oneOf that matched two has passing schemas). */
function unmatchedCombinators(errors: AjvError[]): Map<string, string> {
  const unmatched = new Map<string, string>();
  for (const { keyword, instancePath, params } of errors) {
    if ((keyword === 'oneOf' || keyword === 'anyOf') && !Array.isArray(params.passingSchemas)) unmatched.set(instancePath, keyword);
  }
  return unmatched;
}

function describeArrayItem(message: string, errorPath: string): string {
  const index = errorPath.split('/').pop();
  if (index === undefined || !/^\d+$/.test(index)) return message;
  for (const prefix of [`"${index}" property type`, `"${index}" property`]) {
    if (message.startsWith(prefix)) return `Item at index ${index}${message.slice(prefix.length)}`;
  }
  return message;
}

function describeCombinator(message: string, keyword: string | undefined): string {
  if (keyword === undefined || !message.endsWith(` in ${keyword}`)) return message;
  return `${message}. None of the schemas matched, see the other errors reported for this value`;
}

/** The results for one example whose ajv errors are known; `schema` is the one ajv validated against. */
export function resultsFor(schema: Schema, item: ExampleItem, errors: AjvError[]): SpectralResult[] {
  if (errors.length === 0) return [];
  addNullToNullableTypes(schema, errors);
  const unmatched = unmatchedCombinators(errors);
  return betterAjvErrors(schema, errors, { propertyPath: item.path, targetValue: item.value }).map(({ suggestion, error, path }) => ({
    message: describeCombinator(describeArrayItem(suggestion !== undefined ? `${error}. ${suggestion}` : error, path), unmatched.get(path)),
    path: [...item.path, ...(path !== '' ? path.replace(/^\//, '').split('/') : [])],
  }));
}
