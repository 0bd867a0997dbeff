import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLocatorFor } from '../../src/load/json-positions.js';
import { locatorForText } from '../../src/load/yaml-positions.js';

type Path = Array<string | number>;

/** Every path into a value, each also extended by a segment that does not exist. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const own: Path[] = [prefix, [...prefix, 'missing~/"key']];
  if (Array.isArray(value)) return [...own, [...prefix, value.length], ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value !== null && typeof value === 'object') return [...own, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return own;
}

describe('jsonLocatorFor', () => {
  it('finds every path (or its deepest existing part) where the YAML locator does, in compact and indented JSON', () => {
    const documents = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 });
    fc.assert(
      fc.property(documents, fc.constantFrom(0, 2, '\t'), (document, indent) => {
        const text = JSON.stringify(document, null, indent);
        const paths = pathsOf(document);
        const json = jsonLocatorFor(text, paths);
        const yaml = locatorForText(text);
        for (const path of paths) expect(json(path), JSON.stringify(path)).toEqual(yaml(path));
      }),
      { numRuns: 200 },
    );
  });

  it('throws on text that is not JSON, so callers can fall back to the YAML locator', () => {
    for (const text of ['{a: 1}', '{"a": 1,}', '{"a": 1} x', '["unterminated]']) expect(() => jsonLocatorFor(text, [['a']]), text).toThrow();
  });
});
