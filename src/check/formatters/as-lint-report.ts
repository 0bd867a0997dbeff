import type { Report } from '../../report/finding.js';
import { sortFindings } from '../../report/sort.js';
import { suppressedFindings } from '../../governance/suppressed.js';
import { suppressionOf } from '../../waivers/suppression.js';
import type { CheckReport } from '../check-report.js';

/**
 * The counted lint findings and breaking changes as one lint report (waived and baselined ones
 * apart, as `suppressed`), so `check` speaks every lint format (SARIF, JUnit, GitHub annotations,
 * Markdown, HTML, GitLab) without formats of its own.
 */
export function asLintReport(report: CheckReport): Report {
  const findings = [...report.findings.filter((j) => j.status === 'new').map((j) => j.finding), ...report.changes.filter((c) => c.status === 'new').map((c) => c.asFinding)];
  // Waived changes are suppressed like waived findings; a change is never baselined (it is relative to a base already).
  const suppressed = [
    ...suppressedFindings(report.findings),
    ...report.changes.filter((c) => c.status === 'waived' && c.waiver).map((c) => ({ finding: c.asFinding, suppression: suppressionOf(c.waiver!) })),
  ];
  return { findings: sortFindings(findings), suppressed, failures: report.failures, sources: report.specs.map((s) => s.source), ruleDescriptions: report.ruleDescriptions };
}
