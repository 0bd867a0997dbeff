import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileShallowValidator, loadShallowValidator, SHALLOW_VALIDATOR_FILE } from '../../src/lint/examples/meta-valid.js';
import { fixtureObjects } from '../helpers/fixture-objects.js';

/** Each draft-04 keyword with values its meta-schema accepts and refuses (shallowly: subschemas only need to be objects). */
const KEYWORD_VALUES: Record<string, unknown[]> = {
  id: ['x', 1], $schema: ['x', null], title: ['t', 2], description: ['d', []], default: [1, null, {}],
  multipleOf: [2, 0.5, 0, -1, '2'], maximum: [1, -1.5, '1'], exclusiveMaximum: [true, false, 1], minimum: [0, 'x'], exclusiveMinimum: [true, 'x'],
  maxLength: [0, 3, -1, 1.5, '3'], minLength: [0, -1, 2.5], pattern: ['^a', 3], additionalItems: [true, {}, 'x', []],
  items: [{}, [{}], [], ['x'], 'x'], maxItems: [1, -2], minItems: [0, 'a'], uniqueItems: [true, 'yes'], maxProperties: [2, -1], minProperties: [1, 1.1],
  required: [['a'], ['a', 'a'], [], [1], 'a'], additionalProperties: [false, {}, 1], definitions: [{ a: {} }, { a: 1 }, []], properties: [{ a: {} }, { a: 'x' }, 'x'],
  patternProperties: [{ '^a': {} }, { '^a': [] }], dependencies: [{ a: ['b'] }, { a: {} }, { a: [] }, { a: [1] }, { a: 'b' }],
  enum: [['a'], [1, 1], [], [{ a: 1 }, { a: 1 }], 'a'], type: ['string', 'strin', ['string', 'null'], ['string', 'string'], [], 3],
  format: ['date', 3], allOf: [[{}], [], [1], {}], anyOf: [[{}], []], oneOf: [[{}], ['x']], not: [{}, [], 'x'], nullable: [true, 'x'],
};

function craftedSchemas(): object[] {
  const schemas: object[] = [{}, { type: 'object', exclusiveMaximum: true }, { maximum: 3, exclusiveMaximum: true }, { exclusiveMinimum: false }];
  for (const [keyword, values] of Object.entries(KEYWORD_VALUES)) for (const value of values) schemas.push({ [keyword]: value }, { type: 'object', [keyword]: value, minimum: 1 });
  return schemas;
}

describe('the draft-04 shallow meta-schema check compiled at build time', () => {
  it('is the built file, and answers as the check ajv compiles at run time', () => {
    const built = loadShallowValidator();
    const compiled = compileShallowValidator();
    expect(built).toBe(createRequire(import.meta.url)(SHALLOW_VALIDATOR_FILE));
    const crafted = craftedSchemas();
    const everything = [...crafted, ...fixtureObjects()];
    let refused = 0;
    for (const schema of everything) {
      const verdict = compiled(schema);
      expect(built(schema), JSON.stringify(schema).slice(0, 200)).toBe(verdict);
      if (!verdict) refused += 1;
    }
    // Both answers occur: the comparison is not between two functions that always agree trivially.
    expect(refused).toBeGreaterThan(40);
    expect(everything.length - refused).toBeGreaterThan(1000);
  });
});
