import { createRequire } from 'node:module';
import type { Ruleset } from '@stoplight/spectral-core';
import { oas2, oas3_0, oas3_1, oas3_2 } from '@stoplight/spectral-formats';
import { dressAs, swapIn } from '../stand-in.js';
import { ajvErrors } from './ajv-error-walk.js';
import { schemaStanding } from './checkable-schema.js';
import { judgedAlikeIn2020 } from './draft2020.js';
import { isObject, matches, Undecidable, type Schema } from './draft4-check.js';
import { exampleItems, relaxationFor, type ExampleOptions } from './example-items.js';
import { oas2View } from './oas2-view.js';
import { mustExist, resultsFor, type SpectralResult } from './spectral-results.js';

const require = createRequire(import.meta.url);
type RuleFunction = ((this: unknown, input: unknown, options: unknown, context: ExampleContext) => unknown) & Record<string, unknown>;
export interface ExampleContext {
  path: (string | number)[];
  document: { formats?: Set<unknown> | null; data?: unknown };
}

/** Spectral's own function, which the fast one falls back to. */
export const oasExample = (require('@stoplight/spectral-rulesets/dist/oas/functions/oasExample') as { default: RuleFunction }).default;

type Validated = { schema: Schema; dialect: 'draft4' | 'draft2020-12' };

/** The schema Spectral would validate against (for Swagger 2.0, its rewritten copy) and the draft; undefined for schemas it cannot copy. */
function validatedSchema(target: Record<string, unknown>, options: ExampleOptions, context: ExampleContext, formats: Set<unknown>): Validated | undefined {
  const schema = options.schemaField === '$' ? target : target[options.schemaField];
  if (!isObject(schema)) return undefined;
  // The dialect choice of Spectral's oasSchema: 3.1 and later validate with the document's
  // jsonSchemaDialect (left to ajv) or else draft 2020-12; 3.0 and the rest with draft-04,
  // Swagger 2.0 after turning x-nullable into nullable.
  if (formats.has(oas3_2) || formats.has(oas3_1)) {
    const data = context.document.data;
    return isObject(data) && typeof data.jsonSchemaDialect === 'string' ? undefined : { schema, dialect: 'draft2020-12' };
  }
  const draft4 = !formats.has(oas3_0) && formats.has(oas2) ? oas2View(schema) : schema;
  return draft4 && { schema: draft4, dialect: 'draft4' };
}

/**
 * What became of a target: 'valid' (Spectral reports nothing), 'invalid' with the very results
 * Spectral's function returns, or 'delegated' to that function (a schema or example beyond the
 * stand-ins).
 */
export type Judgement = { verdict: 'valid' } | { verdict: 'invalid'; results: SpectralResult[] } | { verdict: 'delegated' };
export type ExampleVerdict = Judgement['verdict'];

const VALID: Judgement = { verdict: 'valid' };
const DELEGATED: Judgement = { verdict: 'delegated' };

export function judgeExamples(target: unknown, options: ExampleOptions, context: ExampleContext): Judgement {
  const formats = context.document.formats;
  if (!isObject(target) || !formats) return DELEGATED;
  const validated = validatedSchema(target, options, context, formats);
  const schema = validated?.schema;
  const standing = schema && schemaStanding(schema);
  if (!schema || !standing) return DELEGATED;
  const items = exampleItems(target, options, context.path);
  if (items.length === 0) return VALID;
  if (validated.dialect === 'draft2020-12') return judge2020(schema, standing, items, relaxationFor(options, context.path));
  if ('compileError' in standing) {
    // ajv refuses the schema: Spectral reports its message once per example.
    return { verdict: 'invalid', results: items.map((item) => (item.value === undefined ? mustExist(item.path) : { message: standing.compileError, path: item.path })) };
  }
  const relax = relaxationFor(options, context.path);
  try {
    if (items.every((item) => item.value !== undefined && matches(schema, item.value, relax))) return VALID;
    const results = items.flatMap((item) => (item.value === undefined ? [mustExist(item.path)] : resultsFor(schema, item, ajvErrors(schema, item.value, relax))));
    // The interpreter errs on the strict side in a few corners of ajv's code (see ajv-error-walk.ts); the error list decides.
    return results.length > 0 ? { verdict: 'invalid', results } : VALID;
  } catch (error) {
    // Undecidable: a corner the interpreter does not model. Anything else thrown is ajv's own helper
    // failing on the data (deep equality on objects without a prototype has no valueOf): Spectral's
    // function catches that inside its schema check and reports the message, so it decides.
    if (error instanceof Undecidable || error instanceof Error) return DELEGATED;
    throw error;
  }
}

/**
 * Draft 2020-12 (OpenAPI 3.1): where the interpreter's draft-04 judgement is also ajv's 2020-12
 * one (draft2020.ts), examples it finds valid are valid; anything else — an invalid example, whose
 * error list 2020-12 words its own way, a schema beyond the shared keywords — goes to Spectral's
 * function. Before this every 3.1 example went to ajv, which compiles each distinct schema.
 */
function judge2020(schema: Schema, standing: NonNullable<ReturnType<typeof schemaStanding>>, items: ReturnType<typeof exampleItems>, relax: ReturnType<typeof relaxationFor>): Judgement {
  if (!('checkable' in standing) || !judgedAlikeIn2020(schema)) return DELEGATED;
  try {
    return items.every((item) => item.value !== undefined && matches(schema, item.value, relax)) ? VALID : DELEGATED;
  } catch {
    return DELEGATED; // Undecidable, or ajv's helper failing on the data: Spectral's function decides
  }
}

/**
 * Spectral's `oasExample` compiles an ajv validator for every schema it meets — on GitHub's
 * description over two thousand of them, most of the lint time — although nearly every example
 * is valid. This stand-in checks the examples with an interpreter that agrees with ajv on the
 * schemas it accepts, and for invalid ones replays ajv's error list and Spectral's wording of
 * it (differential-tested against Spectral's function on real specs); only a schema or example
 * beyond those goes to Spectral's function.
 */
export const fastOasExample = function (this: unknown, target: unknown, options: unknown, context: ExampleContext): unknown {
  if (!isObject(target)) return oasExample.call(this, target, options, context);
  // As Spectral's wrapper does for an object input: check the options (it throws on bad ones).
  (oasExample.validator as (options: unknown) => void)(options);
  const judgement = judgeExamples(target, options as ExampleOptions, context);
  if (judgement.verdict === 'valid') return undefined;
  if (judgement.verdict === 'invalid') return judgement.results;
  return oasExample.call(this, target, options, context);
} as RuleFunction;
dressAs(fastOasExample, oasExample);

/** Swaps Spectral's example function for the fast one in every rule of the ruleset that uses it. */
export function useFastExampleValidation(ruleset: Ruleset): void {
  swapIn(ruleset, oasExample, fastOasExample);
}
