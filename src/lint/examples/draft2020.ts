import path from 'node:path';
import { BUILD_DIR } from '../../build-output.js';
import { everySubschema } from './checkable-schema.js';
import type { Schema } from './draft4-check.js';
import { builtOr, writeStandalone, type Validate } from './prebuilt-validator.js';
import { createSpectralAjv } from './spectral-ajv.js';

/**
 * Keywords whose meaning differs between ajv's draft-04 class, which the interpreter follows, and
 * its draft 2020-12 class, which Spectral uses for OpenAPI 3.1: the exclusive bounds (booleans in
 * draft-04, numbers in 2020-12), additionalItems (gone in 2020-12), and the keywords only 2020-12
 * knows (ignored by draft-04, applied by 2020-12). `items` as an array is also different, and
 * checked apart. test/lint/draft2020.test.ts checks the list against ajv's keyword tables.
 */
export const DIFFERENT_IN_2020 = new Set([
  'exclusiveMaximum',
  'exclusiveMinimum',
  'additionalItems',
  '$dynamicAnchor',
  '$dynamicRef',
  '$recursiveAnchor',
  '$recursiveRef',
  'id',
  'prefixItems',
  'dependentRequired',
  'dependentSchemas',
  'maxContains',
  'minContains',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

/** Whether no keyword of the schema or any subschema means something else under 2020-12 (memoized per subschema). */
const sameTree = everySubschema((schema) => {
  if (Array.isArray(schema.items)) return false;
  for (const key in schema) if (DIFFERENT_IN_2020.has(key)) return false;
  return true;
});

/**
 * ajv's check of a schema against the draft 2020-12 meta-schema, compiled at build time by its
 * standalone mode (compiling it at run time takes ~45 ms) from an instance configured as Spectral
 * configures its own; before a build, compiled now.
 */
export const META_2020_VALIDATOR_FILE = path.join(BUILD_DIR, 'meta-2020-validator.cjs');
const META_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The meta-schema check compiled now, as ajv compiles it for Spectral. */
export function compileMeta2020Validator(): Validate {
  return createSpectralAjv({}, 'ajv/dist/2020').getSchema(META_2020)!;
}

/** The build step: writes {@link META_2020_VALIDATOR_FILE}. */
export function writeMeta2020Validator(): void {
  const ajv = createSpectralAjv({ code: { source: true } }, 'ajv/dist/2020');
  writeStandalone(META_2020_VALIDATOR_FILE, ajv, ajv.getSchema(META_2020)!);
}

/** The built check, or (before a build) the one compiled now. */
export const loadMeta2020Validator = (): Validate => builtOr(META_2020_VALIDATOR_FILE, compileMeta2020Validator);

let meta2020: Validate | undefined;
const metaVerdicts = new WeakMap<object, boolean>();

/**
 * Whether examples of this schema are judged by the draft-04 interpreter exactly as ajv's 2020-12
 * class would judge them valid: the schema passes the 2020-12 meta-schema (else ajv refuses to
 * compile it) and uses no keyword whose meaning differs. The caller has checked that the draft-04
 * stand-in can judge it at all (schemaStanding).
 */
export function judgedAlikeIn2020(schema: Schema): boolean {
  if (!sameTree(schema)) return false;
  let verdict = metaVerdicts.get(schema);
  if (verdict === undefined) {
    meta2020 ??= loadMeta2020Validator();
    verdict = meta2020(schema);
    metaVerdicts.set(schema, verdict);
  }
  return verdict;
}
