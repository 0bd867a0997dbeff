import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isCheckable } from '../../src/lint/examples/checkable-schema.js';
import { matches, type RequiredRelaxation } from '../../src/lint/examples/draft4-check.js';

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

describe('the draft-04 example check agrees with ajv as Spectral configures it', () => {
  it.each(CASES)('%s', (_name, schema, data, relax = 'none') => {
    expect(isCheckable(schema)).toBe(true);
    const expected = ajv.compile(relaxed(schema, relax))(data) as boolean;
    expect(matches(schema, data, relax)).toBe(expected);
  });

  it('the table holds both verdicts', () => {
    const verdicts = CASES.map(([, schema, data, relax = 'none']) => ajv.compile(relaxed(schema, relax))(data));
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(10);
    expect(verdicts.filter((v: boolean) => !v).length).toBeGreaterThan(10);
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
  ])('%s', (_name, schema) => {
    expect(isCheckable(schema)).toBe(false);
  });

  it('a cyclic schema object', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node.properties as Record<string, unknown>).self = node;
    expect(isCheckable(node)).toBe(false);
  });
});
