import { createRequire } from 'node:module';
import path from 'node:path';
import { BUILD_DIR } from '../../build-output.js';
import { isObject } from './draft4-check.js';
import { builtOr, writeStandalone, type Validate } from './prebuilt-validator.js';
import { createSpectralAjv, spectralAjv } from './spectral-ajv.js';

const require = createRequire(import.meta.url);
type Node = Record<string, unknown>;

/**
 * Draft-04's meta-schema with each `{ $ref: '#' }` (a subschema position) replaced by
 * `{ type: 'object' }`, and without formats (see below): it checks one schema's own keywords. The meta-schema's root is that
 * shallow check plus the same at every subschema position, so a schema passes the whole
 * meta-schema exactly when it and every subschema below it pass the shallow one.
 */
function shallowMetaSchema(): object {
  const meta = structuredClone(require('ajv-draft-04/dist/refs/json-schema-draft-04.json')) as Node;
  delete meta.id;
  delete meta.$schema;
  const replace = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(replace);
    if (!isObject(value)) return value;
    if (value.$ref === '#') return { type: 'object' };
    // ajv compiles its meta-schema when the instance is built, before ajv-formats adds formats:
    // its `uri` and `regex` formats are unknown then, and ignored.
    return Object.fromEntries(Object.entries(value).filter(([key, child]) => !(key === 'format' && typeof child === 'string')).map(([key, child]) => [key, replace(child)]));
  };
  return replace(meta) as object;
}

/**
 * The shallow check compiled ahead of time by ajv's standalone mode (`npm run build`): compiling
 * it at run time — with the draft-04 meta-schema that checks it — was ~35 ms of every process
 * whose spec has examples. The generated code is ajv's own, for the same configuration.
 */
export const SHALLOW_VALIDATOR_FILE = path.join(BUILD_DIR, 'shallow-meta-validator.cjs');

/** The shallow check compiled now, as ajv compiles it for Spectral. */
export function compileShallowValidator(): Validate {
  return spectralAjv().compile(shallowMetaSchema());
}

/** The build step: writes {@link SHALLOW_VALIDATOR_FILE}. */
export function writeShallowMetaValidator(): void {
  const ajv = createSpectralAjv({ code: { source: true } });
  writeStandalone(SHALLOW_VALIDATOR_FILE, ajv, ajv.compile(shallowMetaSchema()));
}

/** The built check, or (before a build) the one compiled now. */
export const loadShallowValidator = (): Validate => builtOr(SHALLOW_VALIDATOR_FILE, compileShallowValidator);

let shallow: Validate | undefined;

function shallowValid(schema: Node): boolean {
  shallow ??= loadShallowValidator();
  return shallow(schema);
}

/** The values at draft-04's subschema positions (where its meta-schema says `$ref: '#'`) that are objects. */
function subschemasOf(schema: Node): Node[] {
  const found: Node[] = [];
  const add = (value: unknown) => isObject(value) && found.push(value);
  add(schema.additionalItems);
  add(schema.additionalProperties);
  add(schema.not);
  if (Array.isArray(schema.items)) schema.items.forEach(add);
  else add(schema.items);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(schema[keyword])) (schema[keyword] as unknown[]).forEach(add);
  // ajv checks the maps' entries as it enumerates them (for…in); dependencies may also hold string arrays.
  for (const keyword of ['definitions', 'properties', 'patternProperties', 'dependencies']) {
    const map = schema[keyword];
    if (isObject(map)) for (const key in map) add(map[key]);
  }
  return found;
}

const verdicts = new WeakMap<object, boolean>();
const checking = new WeakSet<object>();

/**
 * Whether ajv's `validateSchema` (draft-04 meta-schema, Spectral's configuration) accepts this
 * schema, remembered per subschema: a resolved document shares a referenced schema wherever it
 * is used, and validating each example's schema whole re-checked those shared parts every time.
 * A cycle is not judged here (false: left to ajv).
 */
export function metaValid(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const known = verdicts.get(schema);
  if (known !== undefined) return known;
  if (checking.has(schema)) return false;
  checking.add(schema);
  let verdict = false;
  try {
    verdict = shallowValid(schema) && subschemasOf(schema).every(metaValid);
  } catch {
    verdict = false;
  } finally {
    checking.delete(schema);
  }
  verdicts.set(schema, verdict);
  return verdict;
}
