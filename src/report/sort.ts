import type { Finding } from './finding.js';

function comparePaths(a: (string | number)[], b: (string | number)[]): number {
  const left = a.join('\u0000');
  const right = b.join('\u0000');
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Deterministic order: file, line, column, rule id, then path and message as tie-breakers. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  const lineA = a.range?.start.line ?? -1;
  const lineB = b.range?.start.line ?? -1;
  if (lineA !== lineB) return lineA - lineB;
  const colA = a.range?.start.character ?? -1;
  const colB = b.range?.start.character ?? -1;
  if (colA !== colB) return colA - colB;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  const byPath = comparePaths(a.path, b.path);
  if (byPath !== 0) return byPath;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
