import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexPath } from '../../src/lint/engine/indexed-path.js';

type Step = { push: string | number } | { pop: true } | { find: string | number; from: number } | { truncate: true };

// Few distinct segments, so searches hit, miss and repeat; long runs of pushes, so paths cross
// the depth where the index is built and dropped.
const segment = fc.oneof(fc.constantFrom('content', 'schema', 'properties', 'items'), fc.integer({ min: 0, max: 3 }));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: segment.map((push) => ({ push })) },
  { weight: 3, arbitrary: fc.constant({ pop: true as const }) },
  { weight: 4, arbitrary: fc.record({ find: segment, from: fc.integer({ min: -2, max: 140 }) }) },
  { weight: 1, arbitrary: fc.constant({ truncate: true as const }) },
);

describe('an indexed Nimma path answers indexOf exactly as a plain array', () => {
  it('over random walks that go deep, come back and are cut short', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 600 }), fc.integer({ min: 0, max: 150 }), (steps, climb) => {
        const plain: (string | number)[] = [];
        const indexed: (string | number)[] = [];
        indexPath(indexed);
        // A straight climb first, so every run reaches the indexed depth.
        for (let i = 0; i < climb; i++) {
          plain.push(i % 5 === 0 ? 'content' : i);
          indexed.push(i % 5 === 0 ? 'content' : i);
        }
        for (const s of steps) {
          if ('push' in s) expect(indexed.push(s.push)).toBe(plain.push(s.push));
          else if ('pop' in s) expect(indexed.pop()).toBe(plain.pop());
          else if ('truncate' in s) indexed.length = plain.length = Math.floor(plain.length / 2);
          else expect(indexed.indexOf(s.find, s.from)).toBe(plain.indexOf(s.find, s.from));
        }
        expect(indexed).toEqual(plain);
      }),
      { numRuns: 400 },
    );
  });

  it('on a 3,000-deep path, in linear time', () => {
    const path: (string | number)[] = [];
    indexPath(path);
    for (let i = 0; i < 3000; i++) path.push(i === 10 ? 'content' : `s${i}`);
    expect(path.indexOf('content')).toBe(10);
    expect(path.indexOf('content', 11)).toBe(-1);
    expect(path.indexOf('s2999')).toBe(2999);
    while (path.length > 5) path.pop();
    expect(path.indexOf('content')).toBe(-1);
  });
});
