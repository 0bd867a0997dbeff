import type { Finding, Report, Severity } from './finding.js';

/** Severity numbers grow as severity falls, so "at or above" means "numerically at most". */
export function isAtOrAbove(finding: Finding, threshold: Severity): boolean {
  return finding.severity <= threshold;
}

/** 2 when any file failed, 1 when a finding reaches the threshold, else 0. */
export function exitCodeFor(report: Report, threshold: Severity): 0 | 1 | 2 {
  if (report.failures.length > 0) return 2;
  return report.findings.some((f) => isAtOrAbove(f, threshold)) ? 1 : 0;
}
