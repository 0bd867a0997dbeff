import { createRequire } from 'node:module';
import { oas2, oas3_0 } from '@stoplight/spectral-formats';
import { describe, expect, it } from 'vitest';
import { ajvErrors } from '../../src/lint/examples/ajv-error-walk.js';
import { isCheckable, schemaStanding } from '../../src/lint/examples/checkable-schema.js';
import { matches, type RequiredRelaxation } from '../../src/lint/examples/draft4-check.js';
import { judgeExamples, oasExample, type ExampleContext } from '../../src/lint/examples/fast-example.js';

// The draft-04 check must agree with ajv configured as Spectral's example rules configure it.
const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04').default;
const addFormats = require('ajv-formats').default;
const ajv = new Ajv04({ allErrors: false, meta: true, messages: true, strict: false, allowUnionTypes: true, unicodeRegExp: false, logger: false });
addFormats(ajv);

/** Spectral's relaxation of `required`, applied to a copy as its oasExample does. */
function relaxed(schema: Record<string, unknown>, relax: RequiredRelaxation): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(schema));
  if (relax === 'none') return copy;
  const visit = (node: Record<string, unknown>) => {
    const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
    if (Array.isArray(node.required)) {
      node.required = node.required.filter((name: string) => properties[name]?.[relax] !== true);
      if ((node.required as string[]).length === 0) delete node.required;
    }
    for (const child of Object.values(properties)) visit(child);
    if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) visit(node.items as Record<string, unknown>);
    for (const key of ['allOf', 'anyOf', 'oneOf']) for (const branch of (node[key] as Record<string, unknown>[] | undefined) ?? []) visit(branch);
  };
  visit(copy);
  return copy;
}

type Case = [name: string, schema: Record<string, unknown>, data: unknown, relax?: RequiredRelaxation];

const person = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' }, secret: { type: 'string', writeOnly: true } } };

const CASES: Case[] = [
  ['type string', { type: 'string' }, 'a'],
  ['type string, number given', { type: 'string' }, 1],
  ['integer with a fraction', { type: 'integer' }, 1.5],
  ['integer 2.0', { type: 'integer' }, 2],
  ['union type', { type: ['string', 'null'] }, null],
  ['nullable string, null', { type: 'string', nullable: true }, null],
  ['not nullable, null', { type: 'string' }, null],
  ['nullable enum without null', { type: 'string', nullable: true, enum: ['a'] }, null],
  ['enum of objects', { enum: [{ a: 1 }, { b: [1, 2] }] }, { b: [1, 2] }],
  ['enum miss', { enum: ['a', 'b'] }, 'c'],
  ['maximum', { type: 'number', maximum: 5 }, 5],
  ['exclusive maximum', { type: 'number', maximum: 5, exclusiveMaximum: true }, 5],
  ['exclusive minimum', { type: 'number', minimum: 1, exclusiveMinimum: true }, 1],
  ['multipleOf float', { type: 'number', multipleOf: 0.01 }, 0.07],
  ['multipleOf miss', { type: 'number', multipleOf: 3 }, 7],
  ['maxLength counts code points', { type: 'string', maxLength: 2 }, '😀😀'],
  ['minLength', { type: 'string', minLength: 3 }, 'ab'],
  ['pattern', { type: 'string', pattern: '^[a-z]+$' }, 'abc'],
  ['pattern miss', { type: 'string', pattern: '^[a-z]+$' }, 'aBc'],
  ['format date-time', { type: 'string', format: 'date-time' }, '2024-01-01T10:00:00Z'],
  ['format date-time miss', { type: 'string', format: 'date-time' }, '2024-01-01 10:00'],
  ['format date', { type: 'string', format: 'date' }, '2024-02-30'],
  ['format email', { type: 'string', format: 'email' }, 'octocat@github.com'],
  ['format uri miss', { type: 'string', format: 'uri' }, 'not a uri'],
  ['format int32 overflow', { type: 'integer', format: 'int32' }, 2 ** 31],
  ['format byte', { type: 'string', format: 'byte' }, 'aGVsbG8='],
  ['unknown format', { type: 'string', format: 'github-login' }, 'x'],
  ['format on another type', { format: 'email' }, 5],
  ['uniqueItems', { type: 'array', uniqueItems: true }, [{ a: 1 }, { a: 1 }]],
  ['uniqueItems scalar', { type: 'array', items: { type: 'integer' }, uniqueItems: true }, [1, 2, 1]],
  ['minItems', { type: 'array', minItems: 2 }, [1]],
  ['tuple items + additionalItems false', { type: 'array', items: [{ type: 'string' }], additionalItems: false }, ['a', 'b']],
  ['tuple items + additionalItems schema', { type: 'array', items: [{ type: 'string' }], additionalItems: { type: 'integer' } }, ['a', 2, 3]],
  ['items', { type: 'array', items: { type: 'string' } }, ['a', 1]],
  ['required', person, { id: 1 }],
  ['required met', person, { id: 1, name: 'x' }],
  ['readOnly relaxed for requests', person, { name: 'x' }, 'readOnly'],
  ['readOnly not relaxed for responses', person, { name: 'x' }, 'writeOnly'],
  ['additionalProperties false', { type: 'object', properties: { a: {} }, additionalProperties: false }, { a: 1, b: 2 }],
  ['additionalProperties with patternProperties', { type: 'object', patternProperties: { '^x-': {} }, additionalProperties: false }, { 'x-a': 1 }],
  ['additionalProperties schema', { type: 'object', additionalProperties: { type: 'integer' } }, { a: 1, b: 'c' }],
  ['patternProperties', { type: 'object', patternProperties: { '^n': { type: 'number' } } }, { n1: 'x' }],
  ['maxProperties', { type: 'object', maxProperties: 1 }, { a: 1, b: 2 }],
  ['dependencies array', { type: 'object', dependencies: { a: ['b'] } }, { a: 1 }],
  ['dependencies schema', { type: 'object', dependencies: { a: { required: ['c'] } } }, { a: 1, c: 2 }],
  ['allOf', { allOf: [{ type: 'object', required: ['a'] }, { required: ['b'] }] }, { a: 1 }],
  ['anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, 1.5],
  ['oneOf both match', { oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1],
  ['oneOf one match', { oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1.5],
  ['not', { not: { type: 'string' } }, 'a'],
  ['not is never relaxed', { not: person }, { name: 'x' }, 'readOnly'],
  ['const', { const: { a: [1] } }, { a: [1] }],
  ['keywords of other types do not apply', { maxLength: 1, maximum: 1, required: ['a'], minItems: 3 }, true],
  ['nested object', { type: 'object', properties: { owner: person } }, { owner: { id: 1 } }],
];

/** ajv's verdict and error list for data, with the schema relaxed as Spectral relaxes it. */
function ajvOutcome(schema: Record<string, unknown>, data: unknown, relax: RequiredRelaxation): { valid: boolean; errors: unknown[] } {
  const validate = ajv.compile(relaxed(schema, relax));
  const valid = validate(data) as boolean;
  return { valid, errors: validate.errors ?? [] };
}

describe('the draft-04 example check agrees with ajv as Spectral configures it', () => {
  it.each(CASES)('%s', (_name, schema, data, relax = 'none') => {
    expect(isCheckable(schema)).toBe(true);
    const expected = ajvOutcome(schema, data, relax);
    expect(matches(schema, data, relax)).toBe(expected.valid);
    expect(ajvErrors(schema, data, relax)).toEqual(expected.errors);
  });

  it('the table holds both verdicts', () => {
    const verdicts = CASES.map(([, schema, data, relax = 'none']) => ajv.compile(relaxed(schema, relax))(data));
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(10);
    expect(verdicts.filter((v: boolean) => !v).length).toBeGreaterThan(10);
  });
});

// Where Spectral's media example rule meets a target, and so which `required` entries it relaxes.
const MEDIA_PATHS: Record<RequiredRelaxation, string[]> = {
  none: ['components', 'headers', 'X-Rate', 'content', 'application/json'],
  readOnly: ['paths', '/pets', 'post', 'requestBody', 'content', 'application/json'],
  writeOnly: ['paths', '/pets', 'get', 'responses', '200', 'content', 'application/json'],
};
const inventory = {};

/** Spectral's oasExample and the fast path on one media target: Spectral's results and the fast judgement. */
function bothOn(schema: Record<string, unknown>, examples: Record<string, unknown>, relax: RequiredRelaxation, oas: 2 | 3 = 3) {
  const path = oas === 3 ? MEDIA_PATHS[relax] : ['paths', '/pets', 'get', 'responses', '200'];
  const context = { path, document: { formats: new Set([oas === 3 ? oas3_0 : oas2]), data: {} }, documentInventory: inventory, rule: {} } as ExampleContext;
  const target = { schema, ...examples };
  const options = { oasVersion: oas, schemaField: 'schema', type: 'media' as const };
  const spectral = (oasExample.call(undefined, target, options, context) as { message: string; path: unknown[] }[] | undefined) ?? [];
  const judgement = judgeExamples(target, options, context);
  return { spectral: spectral.map(({ message, path }) => ({ message, path })), judgement };
}

type ErrorCase = [name: string, schema: Record<string, unknown>, data: unknown, relax?: RequiredRelaxation];

const pet = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string', minLength: 1 }, tag: { type: 'string', nullable: true } } };

const ERROR_CASES: ErrorCase[] = [
  ['type', { type: 'string' }, 5],
  ['type, union', { type: ['string', 'integer'] }, 1.5],
  ['type of a nullable string', { type: 'string', nullable: true }, 5],
  ['type of a nullable property', pet, { id: 1, name: 'x', tag: 3 }],
  ['type of a nullable branch (Spectral adds no ",null" under arrays)', { oneOf: [{ type: 'string', nullable: true }, { type: 'integer' }] }, 1.5],
  ['type checked after the string rules', { type: 'string', maxLength: 3 }, 5],
  ['enum before a deferred type error', { type: 'string', maxLength: 3, enum: ['a'] }, 5],
  ['enum with a suggestion', { type: 'string', enum: ['active', 'inactive'] }, 'activ'],
  ['enum of numbers', { enum: [1, 2, 3] }, 4],
  ['enum of a nullable property', { type: 'object', properties: { state: { type: 'string', nullable: true, enum: ['open', 'closed'] } } }, { state: 'opened' }],
  ['required', pet, { name: 'x' }],
  ['required, relaxed for a request', pet, { tag: 'x' }, 'readOnly'],
  ['required, not relaxed for a response', pet, { name: 'x' }, 'writeOnly'],
  ['maximum', { type: 'integer', maximum: 10 }, 11],
  ['exclusive minimum', { type: 'number', minimum: 0, exclusiveMinimum: true }, 0],
  ['multipleOf', { type: 'number', multipleOf: 0.5 }, 0.7],
  ['maxLength', { type: 'string', maxLength: 2 }, 'abc'],
  ['minItems', { type: 'array', minItems: 2 }, [1]],
  ['maxProperties', { type: 'object', maxProperties: 1 }, { a: 1, b: 2 }],
  ['pattern', { type: 'string', pattern: '^[A-Z]{3}$' }, 'usd'],
  ['format date-time', { type: 'string', format: 'date-time' }, '2024-13-01T00:00:00Z'],
  ['format email in a property', { type: 'object', properties: { email: { type: 'string', format: 'email' } } }, { email: 'nobody' }],
  ['format int32 among numbers, before the string type error', { type: 'string', format: 'int32' }, 2 ** 40],
  ['additionalProperties false', { type: 'object', properties: { a: {} }, additionalProperties: false }, { a: 1, b: 2, c: 3 }],
  ['additionalProperties with more than eight properties', { type: 'object', properties: Object.fromEntries('abcdefghi'.split('').map((k) => [k, {}])), additionalProperties: false }, { a: 1, z: 2 }],
  ['additionalProperties schema', { type: 'object', additionalProperties: { type: 'integer' } }, { a: 1, 'b/c': 'x' }],
  ['patternProperties', { type: 'object', patternProperties: { '^x-': { type: 'string' } } }, { 'x-a': 'ok', 'x-b': 2 }],
  ['dependencies, property list', { type: 'object', dependencies: { card: ['billing', 'cvc'] } }, { card: 1, cvc: 2 }],
  ['dependencies, schema', { type: 'object', dependencies: { card: { required: ['billing'] } } }, { card: 1 }],
  ['anyOf, nothing matched', { anyOf: [{ type: 'string', minLength: 2 }, { type: 'integer' }] }, 'a'],
  ['anyOf of objects', { anyOf: [{ type: 'object', required: ['a'] }, { type: 'object', required: ['b'] }] }, { c: 1 }],
  ['oneOf, nothing matched', { oneOf: [{ type: 'string' }, { type: 'boolean' }] }, 1],
  ['oneOf, two matched', { oneOf: [{ type: 'number' }, { type: 'integer' }, { type: 'string' }] }, 1],
  ['oneOf, type error and enum in one branch', { oneOf: [{ type: 'string', enum: ['a'] }, { type: 'object' }] }, 5],
  ['allOf', { allOf: [{ type: 'object' }, { required: ['a'] }] }, {}],
  ['not', { not: { type: 'string' } }, 'a'],
  ['nested path through arrays and objects', { type: 'object', properties: { pets: { type: 'array', items: pet } } }, { pets: [{ id: 1, name: 'a' }, { id: 2, name: '' }] }],
  ['array item type', { type: 'array', items: { type: 'string' } }, ['a', 'b', 3]],
  ['array item in an anyOf', { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } }, ['a', 1.5]],
  ['tuple items and additionalItems false', { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false }, ['a', 1, true]],
  ['tuple shorter than its items skips uniqueItems', { type: 'array', items: [{}, {}, { type: 'string' }], uniqueItems: true }, [1, 1]],
  ['uniqueItems over objects', { type: 'array', uniqueItems: true }, [{ a: 1 }, { b: 2 }, { a: 1 }]],
  ['uniqueItems over scalars', { type: 'array', items: { type: ['string', 'integer'] }, uniqueItems: true }, ['1', 1, 2, 2]],
  ['property names that need escaping', { type: 'object', properties: { 'a/b': { type: 'string' }, 'c~d': { type: 'string' } } }, { 'a/b': 'x', 'c~d': 1 }],
  ['array-index property names come first', { type: 'object', properties: { b: { type: 'string' }, 1: { type: 'string' } } }, { b: 1, 1: 2 }],
  ['const', { const: 'fixed' }, 'other'],
];

describe('ajv error lists and Spectral results for invalid examples', () => {
  it.each(ERROR_CASES)('%s', (_name, schema, data, relax = 'none') => {
    expect(isCheckable(schema)).toBe(true);
    const expected = ajvOutcome(schema, data, relax);
    expect(ajvErrors(schema, data, relax)).toEqual(expected.errors);
    const { spectral, judgement } = bothOn(schema, { example: data }, relax);
    expect(judgement).toEqual(expected.valid ? { verdict: 'valid' } : { verdict: 'invalid', results: spectral });
  });

  it('the table is mostly invalid examples, each with a finding', () => {
    const invalid = ERROR_CASES.filter(([, schema, data, relax = 'none']) => !ajvOutcome(schema, data, relax).valid);
    expect(invalid.length).toBeGreaterThan(ERROR_CASES.length - 3);
  });

  it('several examples, one missing its value', () => {
    const examples = { examples: { good: { value: { id: 1, name: 'a' } }, bad: { value: { id: 'x' } }, none: { summary: 'no value' }, far: { externalValue: 'x.json' } } };
    const { spectral, judgement } = bothOn(pet, examples, 'writeOnly');
    // The invalid one (first error only: ajv stops there) and the one without a value.
    expect(spectral.length).toBe(2);
    expect(judgement).toEqual({ verdict: 'invalid', results: spectral });
  });

  it('Swagger 2.0: x-nullable reads as nullable, examples keyed by media type', () => {
    const schema = { type: 'object', properties: { note: { type: 'string', 'x-nullable': true } } };
    const { spectral, judgement } = bothOn(schema, { examples: { 'application/json': { note: 5 } } }, 'writeOnly', 2);
    expect(spectral.map((result) => result.message)).toEqual(['"note" property type must be string,null']);
    expect(judgement).toEqual({ verdict: 'invalid', results: spectral });
  });
});

describe('schemas ajv refuses to compile get its message once per example', () => {
  it.each([
    ['nullable without type, nested', { type: 'object', properties: { a: { nullable: true } } }, '"nullable" cannot be used without "type"'],
    ['type null with nullable false', { type: 'null', nullable: false }, 'type: null contradicts nullable: false'],
    ['nullable without type under items', { type: 'array', items: { nullable: false } }, '"nullable" cannot be used without "type"'],
  ])('%s', (_name, schema, message) => {
    expect(schemaStanding(schema)).toEqual({ compileError: message });
    expect(() => ajv.compile(schema)).toThrow(message);
    const { spectral, judgement } = bothOn(schema, { examples: { one: { value: 1 }, two: { value: 2 } } }, 'none');
    expect(spectral.map((result) => result.message)).toEqual([message, message]);
    expect(judgement).toEqual({ verdict: 'invalid', results: spectral });
  });

  it('not where ajv never compiles the fragment: an anyOf with a branch that checks nothing', () => {
    expect(schemaStanding({ anyOf: [{}, { nullable: true }] })).toEqual({ checkable: true });
  });

  it('two different failures are left to ajv (which one it meets first is its business)', () => {
    expect(schemaStanding({ type: 'object', properties: { a: { nullable: true }, b: { type: 'null', nullable: false } } })).toBeUndefined();
  });
});

describe('schemas ajv would resolve, refuse or read beyond draft-04 are delegated to ajv', () => {
  it.each([
    ['a $ref', { type: 'object', properties: { a: { $ref: '#/definitions/a' } } }],
    ['an id', { id: 'http://example.com/s', type: 'string' }],
    ['nullable without type', { nullable: true }],
    ['type null with nullable false', { type: 'null', nullable: false }],
    ['a broken pattern', { type: 'string', pattern: '([a-z' }],
    ['a schema the meta-schema rejects', { type: 'object', required: [] }],
    ['a numeric exclusiveMaximum (draft-06)', { type: 'number', exclusiveMaximum: 3 }],
    ['if/then', { if: { type: 'string' }, then: { minLength: 1 } }],
    ['a non-string format', { type: 'string', format: 5 }],
    ['an ajv-formats limit keyword', { type: 'string', format: 'date', formatMaximum: '2030-01-01' }],
    ['contains (draft-06)', { type: 'array', contains: { type: 'string' } }],
  ])('%s', (_name, schema) => {
    expect(isCheckable(schema)).toBe(false);
  });

  it('a cyclic schema object', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node.properties as Record<string, unknown>).self = node;
    expect(isCheckable(node)).toBe(false);
  });
});
