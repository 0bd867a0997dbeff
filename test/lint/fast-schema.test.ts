import { describe, expect, it } from 'vitest';
import { fastSchema, isSimpleSchema, passes, schemaFunction, useFastSchema } from '../../src/lint/fast-schema.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';

/** The option schemas of the rules the stand-in serves, and others it accepts. */
const SCHEMAS: Record<string, unknown>[] = [
  { type: 'array', minItems: 1 }, // spectral:oas openapi-tags, apigov-operation-tags
  { items: { type: 'object' }, minItems: 1, type: 'array' }, // oas3-api-servers
  { items: { type: 'string' }, minItems: 1, type: 'array' }, // oas2-api-schemes
  { type: 'string', pattern: '\\S' }, // apigov-operation-summary
  { type: ['string', 'null'] },
  { type: ['array', 'object'] },
  { type: 'boolean' },
  { type: 'null' },
  { type: 'object' },
  { pattern: '^a' },
  { pattern: '[\u00e9-\u00ff]' },
  { minItems: 2 },
  { minItems: 0 },
  { items: { type: 'array', items: { type: 'boolean' } } },
  { items: { pattern: 'x$' }, type: 'array' },
  {},
];

const VALUES: unknown[] = [
  undefined, null, true, false, 0, 1, -1, 1.5, Number.NaN, '', ' ', '\n', '\t', 'a', 'ab', 'ba', 'x', 'ax', 'é', '\u00ff', '0',
  [], [1], ['a'], ['a', 'b'], [''], [null], [{}], [{}, {}], [{ a: 1 }, 'b'], [[]], [[true]], [[true, 1]], [['x']], [['ax', 'x']],
  ['ax', 'bx'], ['ax', 'b'], [undefined], {}, { length: 1, 0: 'a' }, { type: 'array' },
];

// One document for the whole file: Spectral's function builds its ajv instances once per document.
const DOCUMENT = {};
const context = () => ({ path: ['paths', '/a', 'get', 'tags'], rule: { resolved: true }, documentInventory: DOCUMENT });

describe('the stand-in for Spectral’s schema function', () => {
  it('calls valid exactly what Spectral’s function finds nothing in', () => {
    let judged = 0;
    for (const schema of SCHEMAS) {
      expect(isSimpleSchema(schema), JSON.stringify(schema)).toBe(true);
      for (const value of VALUES) {
        if (value === undefined) continue;
        const spectral = schemaFunction(value, { schema }, context()) as unknown[];
        expect(passes(schema, value), `${JSON.stringify(schema)} on ${JSON.stringify(value)}`).toBe(spectral.length === 0);
        judged += 1;
      }
    }
    expect(judged).toBeGreaterThan(600);
  });

  it('returns what Spectral’s function returns, findings included, under every dialect', () => {
    for (const dialect of [undefined, 'auto', 'draft4', 'draft7', 'draft2020-12']) {
      for (const schema of SCHEMAS) {
        const options = dialect === undefined ? { schema } : { schema, dialect };
        for (const value of VALUES) {
          const label = `${JSON.stringify(options)} on ${JSON.stringify(value)}`;
          expect(fastSchema(value, options, context()), label).toEqual(schemaFunction(value, options, context()));
        }
      }
    }
  });

  it('leaves other schemas, and bad options, to Spectral’s function', () => {
    for (const schema of [{ type: 'integer' }, { type: 'number' }, { type: 'strin' }, { type: [] }, { not: { type: 'string' } }, { minItems: 1.5 }, { items: [{ type: 'string' }] }, { pattern: '(' }, { $ref: '#/x' }, { enum: ['a'] }, { items: { const: 1 } }]) {
      expect(isSimpleSchema(schema), JSON.stringify(schema)).toBe(false);
    }
    // An unknown option is Spectral's error, thrown by its option check as before.
    const badOptions = { schema: { type: 'string' }, extra: true };
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as AggregateError).errors.map((e: Error) => e.message);
      }
      return 'nothing thrown';
    };
    expect(thrown(() => fastSchema('a', badOptions, context()))).toEqual(['"schema" function does not support "extra" option']);
    expect(thrown(() => fastSchema('a', badOptions, context()))).toEqual(thrown(() => schemaFunction('a', badOptions, context())));
    // A broken pattern reaches ajv, whose compile error the real function reports.
    expect(fastSchema('a', { schema: { pattern: '(' } }, context())).toEqual(schemaFunction('a', { schema: { pattern: '(' } }, context()));
  });

  it('stands in for the rules whose schemas it judges, and only those', async () => {
    const ruleset = await loadRuleset('apigov:recommended', process.cwd());
    useFastSchema(ruleset);
    const uses = (fn: unknown) => Object.values(ruleset.rules).filter((rule) => rule.then.some((then) => (then.function as unknown) === fn)).map((rule) => rule.name).sort();
    expect(uses(fastSchema)).toEqual(['apigov-operation-summary', 'apigov-operation-tags', 'oas2-api-schemes', 'oas3-api-servers', 'openapi-tags', 'operation-tags']);
    expect(uses(schemaFunction)).toEqual(['oas3_2-no-deprecated-xml-attribute']);
  });
});
