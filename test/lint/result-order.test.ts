import type { IRuleResult } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import { resultFingerprint, sortResults } from '../../src/lint/engine/result-order.js';
import { prepareResults } from '../../src/lint/engine/spectral-internals.js';

// Values where a locale comparison differs from code-unit order (case, accents, digits in codes) and ties.
const SOURCES = [undefined, '/specs/a.yaml', '/specs/B.yaml', '/specs/b.yaml', '/specs/é.yaml', '/specs/e.yaml', '/Specs/a.yaml'];
const CODES = ['rule-9', 'rule-10', 'Rule-9', 'a', 'b', 'B', 'parser', 'oas3-schema', 'oas3_1-x', 'é'];
const PATHS: (string | number)[][] = [[], ['paths'], ['paths', '/a'], ['paths', '/A'], ['paths', 10], ['paths', 9], ['info', 'title'], ['Info']];
const MESSAGES = ['m', 'M', 'other'];

/** A deterministic pseudo-random sequence, so a failure can be reproduced. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

function results(count: number, seed: number): IRuleResult[] {
  const pick = generator(seed);
  const list: IRuleResult[] = [];
  for (let i = 0; i < count; i += 1) {
    const line = pick(4);
    const character = pick(3);
    const result = {
      code: CODES[pick(CODES.length)]!,
      message: MESSAGES[pick(MESSAGES.length)]!,
      path: PATHS[pick(PATHS.length)]!,
      severity: pick(4),
      range: { start: { line, character }, end: { line: line + pick(2), character: pick(5) } },
    } as IRuleResult;
    const source = SOURCES[pick(SOURCES.length)];
    if (source !== undefined) result.source = source;
    list.push(result);
  }
  return list;
}

function firstOfEach(list: IRuleResult[]): IRuleResult[] {
  const seen = new Set<string>();
  return list.filter((result) => {
    const id = resultFingerprint(result);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

describe('Spectral result identity and order', () => {
  it('orders (and, with the fingerprint, deduplicates) results exactly as Spectral prepareResults does', () => {
    for (const seed of [1, 2, 3, 42, 2024]) {
      const list = results(3000, seed);
      const ours = sortResults(firstOfEach(list));
      const spectral = prepareResults(list);
      expect(ours.length).toBe(spectral.length);
      // The same objects in the same order: identity, not just equal contents.
      expect(ours.every((result, index) => result === spectral[index])).toBe(true);
    }
  });

  it('ranks sources and codes by locale order, not code-unit order', () => {
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const make = (code: string, source?: string) => ({ code, message: 'm', path: [], severity: 1, range: at, ...(source ? { source } : {}) }) as IRuleResult;
    const sorted = sortResults([make('rule-10', '/b'), make('rule-9', '/b'), make('x', '/B'), make('x'), make('y', '/a')]);
    expect(sorted.map((result) => `${result.source ?? '-'} ${result.code}`)).toEqual(['- x', '/a y', '/b rule-9', '/b rule-10', '/B x']);
  });
});
