import { isAtOrAbove } from '../../report/threshold.js';
import { failingChanges, type CheckReport } from '../check-report.js';

export interface CheckSummary {
  /** Counted lint findings, and those at or above the fail severity. */
  findings: number;
  failingFindings: number;
  changes: number;
  failingChanges: number;
  baselined: number;
  waived: number;
  /** Findings in untouched parts, by rules that judge only new or changed parts. */
  notJudged: number;
  fixedBaselineEntries: number;
}

export function summarize(report: CheckReport): CheckSummary {
  const counted = report.findings.filter((j) => j.status === 'new');
  return {
    findings: counted.length,
    failingFindings: counted.filter((j) => isAtOrAbove(j.finding, report.failSeverity)).length,
    changes: report.changes.filter((c) => c.status === 'new').length,
    failingChanges: failingChanges(report).length,
    baselined: report.findings.filter((j) => j.status === 'baselined').length,
    waived: report.findings.filter((j) => j.status === 'waived').length + report.changes.filter((c) => c.status === 'waived').length,
    notJudged: report.findings.filter((j) => j.status === 'not-judged').length,
    fixedBaselineEntries: report.baseline.fixed.length,
  };
}
