import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { registersIds } from '../../src/lint/examples/ajv-ids.js';
import { metaValid } from '../../src/lint/examples/meta-valid.js';
import { fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';

// meta-valid.ts and ajv-ids.ts judge a schema subtree by subtree and remember each verdict. They
// must give exactly the answers of what they stand in for: ajv's validateSchema (draft-04, as
// Spectral configures it) and a full json-schema-traverse walk with ajv's id test.
const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04').default;
const addFormats = require('ajv-formats').default;
const ajv = new Ajv04({ allErrors: false, meta: true, messages: true, strict: false, allowUnionTypes: true, unicodeRegExp: false, logger: false });
addFormats(ajv);
const traverse = require('json-schema-traverse');
const SCHEMA_KEYWORDS = [...Object.keys(traverse.keywords), ...Object.keys(traverse.arrayKeywords), ...Object.keys(traverse.propsKeywords)];

function ajvMetaValid(schema: unknown): boolean {
  try {
    return ajv.validateSchema(schema) === true;
  } catch {
    return false;
  }
}

/** The walk ajv-ids.ts replaces: the walker itself, every fragment, stack overflow on a cycle. */
function walkerRegistersIds(schema: object): boolean {
  let found = false;
  try {
    traverse(schema, { allKeys: true }, (fragment: Record<string, unknown>, _pointer: string, _root: unknown, parentPointer?: string, parentKeyword?: string) => {
      const cleaned = parentKeyword !== undefined && !SCHEMA_KEYWORDS.includes(parentKeyword);
      if (!cleaned && 'id' in fragment && (parentPointer === undefined || typeof fragment.id === 'string')) found = true;
      if (typeof fragment.$anchor === 'string' || typeof fragment.$dynamicAnchor === 'string') found = true;
    });
  } catch {
    return true;
  }
  return found;
}

const shared = { type: 'object', properties: { id: { type: 'string' } } };
const cyclicExample: Record<string, unknown> = { note: 'x' };
cyclicExample.self = cyclicExample;

const META_CASES: [string, unknown][] = [
  ['an empty schema', {}],
  ['a typical object schema', { type: 'object', required: ['a'], properties: { a: { type: 'string', maxLength: 3 }, b: { type: 'array', items: { type: 'integer' } } } }],
  ['a bad type deep in properties', { properties: { a: { properties: { b: { type: 'text' } } } } }],
  ['a bad type under items given as a list', { items: [{ type: 'string' }, { type: 5 }] }],
  ['an empty items list (schemaArray needs one)', { items: [] }],
  ['items given as a string', { items: 'string' }],
  ['additionalProperties as an array', { additionalProperties: [] }],
  ['additionalProperties false', { additionalProperties: false }],
  ['a bad subschema under additionalProperties', { additionalProperties: { minLength: -1 } }],
  ['dependencies with a string array and a schema', { dependencies: { a: ['b'], c: { required: ['d'] } } }],
  ['dependencies with an empty array', { dependencies: { a: [] } }],
  ['dependencies with a bad schema', { dependencies: { c: { required: [] } } }],
  ['exclusiveMaximum without maximum', { exclusiveMaximum: true }],
  ['exclusiveMaximum without maximum, nested under not', { not: { exclusiveMaximum: true } }],
  ['an empty allOf', { allOf: [] }],
  ['anyOf with a non-object branch', { anyOf: [{ type: 'string' }, 3] }],
  ['oneOf with a bad branch', { oneOf: [{ type: 'string' }, { enum: [] }] }],
  ['definitions with a bad entry', { definitions: { a: { type: ['string', 'string'] } } }],
  ['patternProperties with a bad entry', { patternProperties: { '^x': { multipleOf: 0 } } }],
  ['a bad regex', { pattern: '(' }],
  ['a schema shared at two places, valid', { properties: { a: shared, b: { items: shared } } }],
  ['not an object', ['type', 'string']],
  ['OpenAPI keywords draft-04 does not know', { type: 'string', nullable: true, example: 3, discriminator: { propertyName: 'x' } }],
];

const ID_CASES: [string, object][] = [
  ['no ids', { type: 'object', properties: { a: { type: 'string' } } }],
  ['an id at the root that is not a string', { id: 5, type: 'object' }],
  ['an id below the root that is not a string', { properties: { a: { id: 5 } } }],
  ['a string id under properties', { properties: { a: { id: 'a' } } }],
  ['an id in an example (cleaned by Spectral)', { example: { id: 'x' } }],
  ['an id in an object under an example, deeper', { example: { nested: { id: 'x' } } }],
  ['an id under a skipped keyword', { default: { id: 'x' } }],
  ['an id inside an array that is not a schema list', { example: [{ id: 'x' }] }],
  ['an id inside allOf', { allOf: [{ id: 'x' }] }],
  ['an $anchor', { properties: { a: { $anchor: 'here' } } }],
  ['a key named like an Object.prototype member', { constructor: { a: { id: 'x' } } }],
  ['an anchor in a list under a key named like an Object.prototype member (the walker enters it)', { constructor: [{ $anchor: 'x' }] }],
  ['an anchor in a list under any other key (the walker does not enter it)', { examples: [{ $anchor: 'x' }] }],
  ['a cycle through an example', { example: cyclicExample }],
  ['the same subtree under a schema keyword and under an example', { properties: { a: { properties: { b: { id: 'x' } } } }, example: { properties: { b: { id: 'x' } } } }],
];

describe('memoized schema verdicts agree with the checks they replace', () => {
  it.each(META_CASES)('meta-schema: %s', (_name, schema) => {
    expect(metaValid(schema)).toBe(ajvMetaValid(schema));
  });

  it('the meta-schema cases hold both verdicts', () => {
    const verdicts = new Set(META_CASES.map(([, schema]) => ajvMetaValid(schema)));
    expect(verdicts).toEqual(new Set([true, false]));
  });

  it.each(ID_CASES)('ids: %s', (_name, schema) => {
    expect(registersIds(schema)).toBe(walkerRegistersIds(schema));
  });

  it('the id cases hold both verdicts', () => {
    const verdicts = new Set(ID_CASES.map(([, schema]) => walkerRegistersIds(schema)));
    expect(verdicts).toEqual(new Set([true, false]));
  });

  const fetched = fetchOrSkip(() => sampleCorpus(25, { maxBytes: 1_500_000, offset: 5 }));
  it.skipIf(fetched.skipReason !== undefined)('every schema object of 25 APIs.guru specs, each judged after the subschemas it holds', () => {
    let compared = 0;
    let invalid = 0;
    for (const file of fetched.value!) {
      const document = JSON.parse(readFileSync(file, 'utf8'));
      // Deepest first, so that each verdict is built on remembered ones, as on a resolved document.
      const schemas: object[] = [];
      const collect = (node: unknown) => {
        if (node === null || typeof node !== 'object') return;
        for (const value of Object.values(node)) collect(value);
        if (!Array.isArray(node)) schemas.push(node);
      };
      collect(document.components?.schemas);
      for (const schema of schemas) {
        const expected = ajvMetaValid(schema);
        expect(metaValid(schema), `${file}: ${JSON.stringify(schema).slice(0, 200)}`).toBe(expected);
        expect(registersIds(schema), `${file}: ${JSON.stringify(schema).slice(0, 200)}`).toBe(walkerRegistersIds(schema));
        compared += 1;
        if (!expected) invalid += 1;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
    expect(invalid).toBeGreaterThan(0);
  });
});
