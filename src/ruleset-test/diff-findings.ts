import { SEVERITY_NAMES, type Finding, type SeverityName } from '../report/finding.js';
import type { TestCase } from './plan-cases.js';

export type ExpectedOne = TestCase['findings'][number];

/** A finding as a test case compares it: rule, dotted path, severity name, message. */
export interface ReportedFinding {
  rule: string;
  path: string;
  severity: SeverityName;
  message: string;
}

/** What differs between what a case expects and what the engine reported; both empty = pass. */
export interface FindingsDiff {
  missing: ExpectedOne[];
  unexpected: ReportedFinding[];
}

export function reported(finding: Finding): ReportedFinding {
  return { rule: finding.ruleId, path: finding.path.join('.'), severity: SEVERITY_NAMES[finding.severity], message: finding.message };
}

function matches(expected: ExpectedOne, actual: ReportedFinding): boolean {
  return (
    expected.rule === actual.rule &&
    expected.path === actual.path &&
    (expected.severity === undefined || expected.severity === actual.severity) &&
    (expected.message === undefined || expected.message === actual.message)
  );
}

const specificity = (finding: ExpectedOne) => Number(finding.severity !== undefined) + Number(finding.message !== undefined);

/**
 * Pairs expected and reported findings one to one (a rule may report the same path twice).
 * The most specific expectations pick first, so a bare path cannot take the finding that a
 * path-plus-severity expectation needs.
 */
export function diffFindings(expected: ExpectedOne[], actual: ReportedFinding[]): FindingsDiff {
  const unmatched = [...actual];
  const missing: ExpectedOne[] = [];
  for (const finding of [...expected].sort((a, b) => specificity(b) - specificity(a))) {
    const index = unmatched.findIndex((candidate) => matches(finding, candidate));
    if (index === -1) missing.push(finding);
    else unmatched.splice(index, 1);
  }
  const byPlace = (a: { path: string; rule: string }, b: { path: string; rule: string }) => (a.path === b.path ? (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) : a.path < b.path ? -1 : 1);
  return { missing: missing.sort(byPlace), unexpected: unmatched.sort(byPlace) };
}
