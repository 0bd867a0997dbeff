import { createRequire } from 'node:module';
import type { Ruleset } from '@stoplight/spectral-core';
import { oas2, oas3_0, oas3_1, oas3_2 } from '@stoplight/spectral-formats';
import { isCheckable } from './checkable-schema.js';
import { isObject, matches, Undecidable, type Schema } from './draft4-check.js';
import { exampleValues, relaxationFor, type ExampleOptions } from './example-items.js';
import { oas2View } from './oas2-view.js';

const require = createRequire(import.meta.url);
type RuleFunction = ((this: unknown, input: unknown, options: unknown, context: ExampleContext) => unknown) & Record<string, unknown>;
export interface ExampleContext {
  path: (string | number)[];
  document: { formats?: Set<unknown> | null };
}

/** Spectral's own function, which the fast one falls back to. */
export const oasExample = (require('@stoplight/spectral-rulesets/dist/oas/functions/oasExample') as { default: RuleFunction }).default;

/** The schema Spectral would validate against, when it is one the draft-04 check covers. */
function checkableSchema(target: Record<string, unknown>, options: ExampleOptions, formats: Set<unknown>): Schema | undefined {
  const schema = options.schemaField === '$' ? target : target[options.schemaField];
  if (!isObject(schema)) return undefined;
  // The dialect choice of Spectral's oasSchema: 3.1 and later validate with draft 2020-12 (left
  // to ajv); 3.0 and the rest with draft-04, Swagger 2.0 after turning x-nullable into nullable.
  if (formats.has(oas3_2) || formats.has(oas3_1)) return undefined;
  const view = !formats.has(oas3_0) && formats.has(oas2) ? oas2View(schema) : schema;
  return view !== undefined && isCheckable(view) ? view : undefined;
}

export type ExampleVerdict = 'valid' | 'invalid' | 'delegated';

/**
 * 'valid' when every example of the target is valid (then ajv would report nothing either),
 * 'invalid' when one is not, 'delegated' when the schema or an example is beyond the draft-04 check.
 */
export function judgeExamples(target: unknown, options: ExampleOptions, context: ExampleContext): ExampleVerdict {
  const formats = context.document.formats;
  if (!isObject(target) || !formats) return 'delegated';
  const schema = checkableSchema(target, options, formats);
  if (schema === undefined) return 'delegated';
  const relax = relaxationFor(options, context.path);
  try {
    for (const value of exampleValues(target, options)) {
      if (value === undefined) return 'delegated';
      if (!matches(schema, value, relax)) return 'invalid';
    }
    return 'valid';
  } catch (error) {
    if (error instanceof Undecidable) return 'delegated';
    throw error;
  }
}

/**
 * Spectral's `oasExample` compiles an ajv validator for every schema it meets — on GitHub's
 * description over two thousand of them, most of the lint time — although nearly every example
 * is valid. This stand-in first checks the examples with an interpreter that agrees with ajv
 * on the schemas it accepts (differential-tested against ajv on real specs); only a target with
 * an invalid example, or a schema beyond that interpreter, goes to Spectral's function, which
 * then produces the very findings it always did.
 */
const fastOasExample = function (this: unknown, target: unknown, options: unknown, context: ExampleContext): unknown {
  if (judgeExamples(target, options as ExampleOptions, context) === 'valid') return undefined;
  return oasExample.call(this, target, options, context);
} as RuleFunction;
Object.assign(fastOasExample, oasExample);
Reflect.defineProperty(fastOasExample, 'name', { value: oasExample.name });

const installed = new WeakSet<object>();

/** Swaps Spectral's example function for the fast one in every rule of the ruleset that uses it. */
export function useFastExampleValidation(ruleset: Ruleset): void {
  if (installed.has(ruleset)) return;
  installed.add(ruleset);
  for (const rule of Object.values(ruleset.rules)) {
    if (!rule.then.some((then) => (then.function as unknown) === oasExample)) continue;
    rule.then = rule.then.map((then) => ((then.function as unknown) === oasExample ? { ...then, function: fastOasExample as never } : then));
  }
}
