import type { Report } from '../../report/finding.js';
import { sortFindings } from '../../report/sort.js';
import type { CheckReport } from '../check-report.js';

/**
 * The counted lint findings and breaking changes as one lint report, so `check` speaks every
 * lint format (SARIF, JUnit, GitHub annotations, Markdown, HTML) without formats of its own.
 */
export function asLintReport(report: CheckReport): Report {
  const findings = [...report.findings.filter((j) => j.status === 'new').map((j) => j.finding), ...report.changes.filter((c) => c.status === 'new').map((c) => c.asFinding)];
  return { findings: sortFindings(findings), failures: report.failures, sources: report.specs.map((s) => s.source), ruleDescriptions: report.ruleDescriptions };
}
