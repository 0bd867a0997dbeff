import { createRequire } from 'node:module';
import { oas3_0 } from '@stoplight/spectral-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvErrors } from '../../src/lint/examples/ajv-error-walk.js';
import { schemaStanding } from '../../src/lint/examples/checkable-schema.js';
import { matches, type RequiredRelaxation } from '../../src/lint/examples/draft4-check.js';
import { judgeExamples, oasExample, type ExampleContext } from '../../src/lint/examples/fast-example.js';

// Random draft-04 schemas and examples: the stand-ins must give ajv's error list and Spectral's
// results exactly, whatever the keyword mix. Failures print fast-check's seed and shrunk case.
const RUNS = Number(process.env.APIGOV_PROPERTY_RUNS ?? 400);
const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04').default;
const addFormats = require('ajv-formats').default;
const ajv = new Ajv04({ allErrors: false, meta: true, messages: true, strict: false, allowUnionTypes: true, unicodeRegExp: false, logger: false });
addFormats(ajv);

type Schema = Record<string, unknown>;

// Keys that need escaping in pointers, sort before others in a JSON copy, or match the patterns below.
const KEYS = ['a', 'b', '1', '10', 'a/b', 'c~d', 'x-y', 'z z'];
const STRINGS = ['', 'a', 'ab', 'abc', 'A1', '1', 'x-1', '2024-01-01', '2024-02-30', '2024-01-01T00:00:00Z', 'a@b.co', 'http://x.y/z'];
const NUMBERS = [0, 1, 2, -1, 1.5, 0.7, 10, 2 ** 31];
const TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'];

const { data } = fc.letrec((tie) => ({
  data: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(...STRINGS),
    fc.array(tie('data'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('data'), { maxKeys: 4 }),
  ),
}));

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.constantFrom(...NUMBERS), fc.constantFrom(...STRINGS));
const names = fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 });
const type = fc.oneof(fc.constantFrom(...TYPES), fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 2, maxLength: 3 }));
const bound = fc.constantFrom(0, 1, 2, 3);

/** Assertion keywords, a few at a time; all meta-valid by construction. */
const assertion = fc.oneof(
  fc.record({ type }),
  fc.record({ type, nullable: fc.boolean() }),
  fc.record({ enum: fc.uniqueArray(scalar, { minLength: 1, maxLength: 3, comparator: 'SameValueZero' }) }),
  fc.record({ const: scalar }),
  fc.record({ maximum: fc.constantFrom(...NUMBERS), exclusiveMaximum: fc.boolean() }),
  fc.record({ minimum: fc.constantFrom(...NUMBERS), exclusiveMinimum: fc.boolean() }),
  fc.record({ multipleOf: fc.constantFrom(0.5, 2, 3) }),
  fc.record({ maxLength: bound }),
  fc.record({ minLength: bound }),
  fc.record({ pattern: fc.constantFrom('^a', '^[a-z]+$', '\\d', '^$') }),
  fc.record({ format: fc.constantFrom('date', 'date-time', 'email', 'uri', 'int32', 'float', 'no-such-format') }),
  fc.record({ maxItems: bound }),
  fc.record({ minItems: bound }),
  fc.record({ uniqueItems: fc.boolean() }),
  fc.record({ maxProperties: bound }),
  fc.record({ minProperties: bound }),
  fc.record({ required: names }),
);

const { schema } = fc.letrec((tie) => {
  const sub = tie('schema') as fc.Arbitrary<Schema>;
  const property = fc.tuple(sub, fc.constantFrom(undefined, 'readOnly', 'writeOnly')).map(([s, flag]) => (flag ? { ...s, [flag]: true } : s));
  const branches = fc.array(sub, { minLength: 1, maxLength: 3 });
  const applicator = fc.oneof(
    fc.record({ properties: fc.dictionary(fc.constantFrom(...KEYS), property, { minKeys: 1, maxKeys: 3 }), required: fc.option(names, { nil: undefined }) }),
    fc.record({ additionalProperties: fc.oneof(fc.boolean(), sub) }),
    fc.record({ patternProperties: fc.dictionary(fc.constantFrom('^x', '^[0-9]+$', 'b'), sub, { minKeys: 1, maxKeys: 2 }) }),
    fc.record({ dependencies: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(names, sub), { minKeys: 1, maxKeys: 2 }) }),
    fc.record({ items: fc.oneof(sub, fc.array(sub, { minLength: 1, maxLength: 3 })) }),
    fc.record({ items: fc.array(sub, { minLength: 1, maxLength: 2 }), additionalItems: fc.oneof(fc.boolean(), sub) }),
    fc.record({ allOf: branches }),
    fc.record({ anyOf: branches }),
    fc.record({ oneOf: branches }),
    fc.record({ not: sub }),
  );
  const node = fc.array(fc.oneof(assertion, assertion, applicator), { minLength: 1, maxLength: 4 }).map((parts) => Object.assign({}, ...parts) as Schema);
  return { schema: fc.oneof({ depthSize: 'small', maxDepth: 3 }, fc.array(assertion, { maxLength: 3 }).map((parts) => Object.assign({}, ...parts) as Schema), node) };
});

const MEDIA_PATHS: Record<RequiredRelaxation, string[]> = {
  none: ['components', 'headers', 'X-Rate', 'content', 'application/json'],
  readOnly: ['paths', '/pets', 'post', 'requestBody', 'content', 'application/json'],
  writeOnly: ['paths', '/pets', 'get', 'responses', '200', 'content', 'application/json'],
};
const inventory = {};

/** Whether a value holds an object without a prototype (fast-check's dictionaries make some): ajv's deep equality throws on those. */
function holdsPrototypelessObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) === null) return true;
  return Object.values(value).some(holdsPrototypelessObject);
}
const options = { oasVersion: 3, schemaField: 'schema', type: 'media' } as const;

function spectralResults(target: Schema, relax: RequiredRelaxation): { message: string; path: unknown[] }[] {
  const context = { path: MEDIA_PATHS[relax], document: { formats: new Set([oas3_0]), data: {} }, documentInventory: inventory, rule: {} } as ExampleContext;
  const results = (oasExample.call(undefined, target, options, context) as { message: string; path: unknown[] }[] | undefined) ?? [];
  return results.map(({ message, path }) => ({ message, path }));
}

describe('property: invalid examples get ajv errors and Spectral results exactly', () => {
  it('hands an example ajv cannot compare (objects without a prototype under uniqueItems) to Spectral, which reports the error', () => {
    const bare = () => Object.create(null) as object;
    const target = { schema: { uniqueItems: true, maximum: 0, exclusiveMaximum: false }, example: [bare(), bare()] };
    const context = { path: MEDIA_PATHS.none, document: { formats: new Set([oas3_0]) } } as ExampleContext;
    expect(judgeExamples(target, options, context)).toEqual({ verdict: 'delegated' });
    expect(spectralResults(target, 'none')).toEqual([{ message: 'a.valueOf is not a function', path: [...MEDIA_PATHS.none, 'example'] }]);
  });

  it('random draft-04 schemas and examples', () => {
    const seen = { checkable: 0, compileError: 0, delegated: 0, withFindings: 0 };
    fc.assert(
      fc.property(schema, data, fc.constantFrom<RequiredRelaxation>('none', 'readOnly', 'writeOnly'), (generated, example, relax) => {
        const standing = schemaStanding(generated);
        if (standing === undefined) {
          seen.delegated++;
          return;
        }
        seen['checkable' in standing ? 'checkable' : 'compileError']++;
        const target = { schema: generated, example };
        const spectral = spectralResults(target, relax);
        if (spectral.length > 0) seen.withFindings++;
        const context = { path: MEDIA_PATHS[relax], document: { formats: new Set([oas3_0]) } } as ExampleContext;
        const judgement = judgeExamples(target, options, context);
        // The one place the fast path hands over a checkable schema: ajv's helper throwing on the data.
        if (judgement.verdict === 'delegated') {
          expect(holdsPrototypelessObject(example)).toBe(true);
          seen.delegated++;
          return;
        }
        expect(judgement).toEqual(spectral.length === 0 ? { verdict: 'valid' } : { verdict: 'invalid', results: spectral });
        if ('checkable' in standing && relax === 'none') {
          const validate = ajv.compile(JSON.parse(JSON.stringify(generated)));
          const valid = validate(example);
          expect(ajvErrors(generated, example, 'none')).toEqual(validate.errors ?? []);
          // The fast 'valid' verdict never passes what ajv fails.
          if (matches(generated, example, 'none')) expect(valid).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // The property is not vacuous: most schemas are checked, and many examples fail them.
    expect(seen.checkable).toBeGreaterThan(RUNS / 2);
    expect(seen.withFindings).toBeGreaterThan(RUNS / 5);
  }, 120_000);
});
