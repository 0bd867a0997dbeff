import { createRequire } from 'node:module';
import * as core from '@stoplight/spectral-functions';
import { relaxationFor, type ExampleOptions } from '../examples/example-items.js';
import { fastOasExample, oasExample } from '../examples/fast-example.js';
import { fastSchema } from '../fast-schema.js';
import { fastUniqueArray } from '../fast-unique-arrays.js';

type RuleFunction = (...args: never[]) => unknown;
const oas = createRequire(import.meta.url)('@stoplight/spectral-rulesets/dist/oas/functions/index.js') as Record<string, RuleFunction>;
interface Then {
  function: RuleFunction;
  functionOptions?: unknown;
}

/**
 * Rule functions whose results for a node depend only on the node, their options, the node's
 * last key and document-wide settings (its formats), and which use the node's path only as the
 * prefix of the paths they report. Read from their sources (Spectral 6.16):
 *  - truthy, falsy, defined, undefined, pattern, casing, enumeration, length, xor, or: the input only;
 *  - schema: the input, plus the last key of the path in some messages (better-ajv-errors);
 *  - typedEnum, oasSchema: also the document's formats and jsonSchemaDialect (apigov's stand-in
 *    for oasSchema on unique arrays, fast-unique-arrays.ts, reads less; so does the one for
 *    schema, fast-schema.ts).
 * oasExample (and apigov's fast stand-in) is here with what its options make it read. Not here:
 * alphabetical and unreferencedReusableObject (the document), custom functions, and any function
 * a bundled ruleset carries its own copy of.
 */
const INPUT_ONLY = new Set<unknown>([
  core.truthy,
  core.falsy,
  core.defined,
  core.undefined,
  core.pattern,
  core.casing,
  core.enumeration,
  core.length,
  core.xor,
  core.or,
  core.schema,
  oas.typedEnum,
  oas.oasSchema,
  fastUniqueArray,
  fastSchema,
]);

// House functions that read only their input mark themselves (rulesets/functions/*.js).
const MARK = Symbol.for('apigov.readsOnlyInput');

type Segment = string | number;
/** What, besides the node, a rule's results depend on at a place: '' for nothing; null when it cannot be told from the place. */
export type PlaceContext = (path: Segment[]) => string | null;

/** The context of rules that read nothing from the place. */
export const NOTHING_ELSE: PlaceContext = () => '';
// The longest prefix oasExample's request/response test reads (['paths', '*', '*', 'requestBody']).
const MEDIA_PREFIX = 4;

function contextOf(then: Then): PlaceContext | null {
  const fn = then.function as unknown;
  if (INPUT_ONLY.has(fn) || (fn as Record<symbol, unknown>)[MARK] === true) return NOTHING_ELSE;
  if (fn !== oasExample && fn !== fastOasExample) return null;
  const options = then.functionOptions as ExampleOptions | undefined;
  // Schema examples: the items are the schema's own `example`/`default`; the path is only their prefix.
  if (options?.type === 'schema') return NOTHING_ELSE;
  // Media examples: also whether the path is under a request (readOnly relaxed) or a response
  // (writeOnly relaxed), which the path's first four segments decide.
  if (options?.type === 'media') return (path) => (path.length >= MEDIA_PREFIX ? relaxationFor(options, path) : null);
  return null;
}

/**
 * What a rule's results on a node depend on besides the node, as a function of the place it is
 * met at; null when that is not known (custom functions and the others above). Places with equal
 * answers give the same findings, so shared-walk.ts can skip repeats of a shared subtree. Only
 * rules on the resolved document meet shared subtrees.
 */
export function placeContext(rule: { resolved: boolean; then: Then[] }): PlaceContext | null {
  return rule.resolved ? combineContexts(rule.then.map(contextOf)) : null;
}

/** One context for several (the rules on one path, the `then`s of one rule): null if any is unknown. */
export function combineContexts(parts: (PlaceContext | null)[]): PlaceContext | null {
  if (parts.some((part) => part === null)) return null;
  const distinct = [...new Set(parts as PlaceContext[])];
  if (distinct.length === 1) return distinct[0]!;
  return (path) => {
    let key = '';
    for (const part of distinct) {
      const value = part(path);
      if (value === null) return null;
      key += `${value}\u0000`;
    }
    return key;
  };
}
