import { createRequire } from 'node:module';
import type { Ruleset } from '@stoplight/spectral-core';
import { dressAs, swapIn } from './stand-in.js';

const require = createRequire(import.meta.url);
type RuleFunction = ((this: unknown, input: unknown, options: unknown, context: unknown) => unknown) & Record<string, unknown>;

/** Spectral's oasSchema, which the stand-in falls back to. */
export const oasSchema = (require('@stoplight/spectral-rulesets/dist/oas/functions/oasSchema') as { default: RuleFunction }).default;

/** The options of a rule that only asks for an array without repeats (spectral:oas duplicated-entry-in-enum). */
export function asksUniqueArray(options: unknown): boolean {
  if (typeof options !== 'object' || options === null || Object.keys(options).length !== 1) return false;
  const schema = (options as { schema?: unknown }).schema;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return false;
  const keys = Object.keys(schema);
  return keys.length === 2 && (schema as Record<string, unknown>).type === 'array' && (schema as Record<string, unknown>).uniqueItems === true;
}

/**
 * Whether every item is a string, a finite number, a boolean or null, and no two are equal. ajv's
 * `uniqueItems` then has nothing to report whatever the draft: it compares items with deep
 * equality, which for such items is `===` (`1` and `'1'` differ; `0` and `-0` are equal, as
 * they are in a Set).
 */
function distinctScalars(items: unknown[]): boolean {
  const seen = new Set<unknown>();
  for (const item of items) {
    const kind = typeof item;
    if (!(item === null || kind === 'string' || kind === 'boolean' || (kind === 'number' && Number.isFinite(item)))) return false;
    if (seen.has(item)) return false;
    seen.add(item);
  }
  return true;
}

/**
 * Spectral's `duplicated-entry-in-enum` runs oasSchema — option checks, an ajv validator and its
 * error formatting — on every enum of the resolved document (7,008 on GitHub's description),
 * nearly all of them short lists of distinct strings. Those are valid by any draft's
 * `uniqueItems`, and the stand-in says so (no results, as oasSchema's empty list); anything else
 * (a repeat, an object, NaN) goes to oasSchema itself. test/lint/fast-unique-arrays.test.ts
 * compares the two on many arrays under every OpenAPI format.
 */
export const fastUniqueArray = function (this: unknown, input: unknown, options: unknown, context: unknown): unknown {
  if (Array.isArray(input) && distinctScalars(input)) return undefined;
  return oasSchema.call(this, input, options, context);
} as RuleFunction;
dressAs(fastUniqueArray, oasSchema);

/** Swaps oasSchema for the stand-in in every rule `then` that only asks for an array without repeats. */
export function useFastUniqueArrays(ruleset: Ruleset): void {
  swapIn(ruleset, oasSchema, fastUniqueArray, (then) => asksUniqueArray(then.functionOptions));
}
