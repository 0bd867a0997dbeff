import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstEntryMap } from '../../src/lint/engine/first-entry-map.js';

// Few keys, so gets hit and miss and sets overwrite; the keys a Map compares unlike `===` among them.
const key = fc.constantFrom<unknown>('a', 'b', '0', 0, -0, 1, NaN, null, undefined, 'properties');
type Step = { set: unknown; value: number } | { get: unknown };
const step: fc.Arbitrary<Step> = fc.oneof(fc.record({ set: key, value: fc.integer() }), fc.record({ get: key }));

describe('FirstEntryMap answers as a Map does', () => {
  it('over random sets and gets, the first key among them', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const map = new Map<unknown, number>();
        const small = new FirstEntryMap<unknown, number>();
        for (const s of steps) {
          if ('set' in s) {
            map.set(s.set, s.value);
            expect(small.set(s.set, s.value)).toBe(small);
          } else {
            expect(small.get(s.get)).toBe(map.get(s.get));
          }
        }
        for (const candidate of ['a', 'b', '0', 0, -0, 1, NaN, null, undefined, 'properties']) expect(small.get(candidate)).toBe(map.get(candidate));
      }),
      { numRuns: 2000 },
    );
  });
});
