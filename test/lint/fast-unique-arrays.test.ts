import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { asksUniqueArray, fastUniqueArray, oasSchema, useFastUniqueArrays } from '../../src/lint/fast-unique-arrays.js';

const OPTIONS = { schema: { type: 'array', uniqueItems: true } };

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const SCALARS: unknown[] = ['a', 'b', 'A', '1', '', ' a', 1, 2, 0, -0, 1.5, 1e21, true, false, null, Number.NaN, Number.POSITIVE_INFINITY];

/** Arrays of scalars (with and without repeats), and some with objects, arrays and undefined. */
function arrays(count: number): unknown[] {
  const random = seeded(7);
  const pick = () => SCALARS[Math.floor(random() * SCALARS.length)];
  const found: unknown[] = [[], ['a'], ['a', 'a'], [1, '1'], [0, -0], [null, null], [true, 'true'], [Number.NaN], [Number.NaN, Number.NaN], [{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: 2 }], [[1], [1]], [undefined], ['a', undefined], 'not an array', { 0: 'a', length: 1 }, null];
  for (let index = 0; index < count; index += 1) found.push(Array.from({ length: Math.floor(random() * 6) }, pick));
  return found;
}

const FORMATS = [new Set([oas3_0]), new Set([oas3_1]), new Set([oas2]), null];

describe('the unique-array stand-in for oasSchema', () => {
  it('gives what oasSchema gives for every array, under every OpenAPI format', () => {
    let scalarsOnly = 0;
    for (const formats of FORMATS) {
      const context = { document: { formats, data: { openapi: '3.0.0' } }, path: ['components', 'schemas', 'X', 'enum'], documentInventory: {}, rule: {} };
      for (const input of arrays(300)) {
        const spectral = oasSchema(input, OPTIONS, context) as unknown[] | undefined;
        const standIn = fastUniqueArray(input, OPTIONS, context) as unknown[] | undefined;
        // An empty list and no list both mean "nothing to report" to the runner.
        expect(standIn ?? [], JSON.stringify(input)).toEqual(spectral ?? []);
        if (standIn === undefined) scalarsOnly += 1;
      }
    }
    // Most inputs take the fast answer; repeats and objects still reach oasSchema.
    expect(scalarsOnly).toBeGreaterThan(300);
  });

  it("replaces oasSchema only where the options ask for nothing but unique array items", async () => {
    expect(asksUniqueArray(OPTIONS)).toBe(true);
    expect(asksUniqueArray({ schema: { type: 'array', uniqueItems: true, maxItems: 3 } })).toBe(false);
    expect(asksUniqueArray({ schema: { type: 'array', uniqueItems: false } })).toBe(false);
    expect(asksUniqueArray({ schema: { type: 'array' } })).toBe(false);
    const ruleset = await loadRuleset('spectral:oas', process.cwd());
    useFastUniqueArrays(ruleset);
    const swapped = Object.values(ruleset.rules).filter((rule) => rule.then.some((then) => (then.function as unknown) === fastUniqueArray));
    expect(swapped.map((rule) => rule.name)).toEqual(['duplicated-entry-in-enum']);
  });
});
