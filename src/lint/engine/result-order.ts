import type { IRuleResult } from '@stoplight/spectral-core';

/**
 * Spectral's result identity (runner/utils/results.ts, computeResultFingerprint): code, then
 * `place` — the path as JSON, or the range as JSON when the path is empty — the file and the
 * message. Its runner keeps the first result of each identity. Callers that know the place's
 * text already (lint-node.ts, before computing a range) pass it.
 */
export function fingerprintOf(code: string | number, place: string, source: string | undefined, message: string | undefined): string {
  let id = String(code) + place;
  if (source !== undefined) id += source;
  if (message !== undefined) id += message;
  return id;
}

/** {@link fingerprintOf} for a finished result. */
export function resultFingerprint(result: IRuleResult): string {
  const place = result.path.length > 0 ? JSON.stringify(result.path) : JSON.stringify(result.range);
  return fingerprintOf(result.code, place, result.source, result.message);
}

type Compare<T> = (left: T, right: T) => number;

/**
 * Each distinct value's place in `compare`'s order, values it calls equal sharing one: comparing
 * two ranks then has the sign comparing the values has. `compare` is a locale comparison here,
 * the costly part of sorting tens of thousands of results that nearly all share one file.
 * Both comparisons put undefined first (Array sort would put it last without asking).
 */
function ranks<T>(values: Iterable<T | undefined>, compare: Compare<T>): Map<T | undefined, number> {
  const distinct = [...new Set(values)].filter((value): value is T => value !== undefined).sort(compare);
  const rank = new Map<T | undefined, number>([[undefined, -1]]);
  let current = 0;
  distinct.forEach((value, index) => {
    if (index > 0 && compare(distinct[index - 1]!, value) !== 0) current += 1;
    rank.set(value, current);
  });
  return rank;
}

// Spectral's comparisons of sources and codes (besides undefined, see above), and of positions.
const compareSource: Compare<string> = (left, right) => left.localeCompare(right);
// `a.localeCompare(b, undefined, options)` is specified as `new Intl.Collator(undefined, options).compare(a, b)`,
// and V8 builds that collator on every call with options (~60 µs): one, made on first use, gives the same answers.
let numericCollator: Intl.Collator | undefined;
const compareCode: Compare<string | number> = (left, right) => (numericCollator ??= new Intl.Collator(undefined, { numeric: true })).compare(String(left), String(right));
const comparePosition = (left: { line: number; character: number }, right: { line: number; character: number }): number =>
  Math.sign(left.line - right.line) || Math.sign(left.character - right.character);

/**
 * Spectral's result order (sortResults: file, start position, code, path joined), computed with
 * each file's and code's rank instead of a locale comparison per pair. Every pair compares with
 * the sign Spectral's comparator gives it, and the sort is stable, as Spectral's is: the order is
 * Spectral's. test/lint/result-order.test.ts holds it to Spectral's function.
 */
export function sortResults(results: readonly IRuleResult[]): IRuleResult[] {
  const sourceRank = ranks(results.map((result) => result.source), compareSource);
  const codeRank = ranks(results.map((result) => result.code), compareCode);
  return [...results].sort(
    (left, right) =>
      sourceRank.get(left.source)! - sourceRank.get(right.source)! ||
      comparePosition(left.range.start, right.range.start) ||
      codeRank.get(left.code)! - codeRank.get(right.code)! ||
      Math.sign(left.path.join().localeCompare(right.path.join())),
  );
}
