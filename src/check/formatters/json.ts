import { jsonPointer } from '../../json-pointer.js';
import { SEVERITY_NAMES } from '../../report/finding.js';
import { displaySource } from '../../report/formatters/relative-source.js';
import { failingChanges } from '../check-report.js';
import { summarize } from './summary.js';
import type { CheckFormatter } from './types.js';

/**
 * Everything `check` decided, for scripts and dashboards: every finding and change with its
 * status (new, baselined, waived with the waiver, not-judged) and part (added, changed,
 * unchanged), the specs with their diff policy, fixed baseline entries, and a summary.
 */
export const checkJson: CheckFormatter = (report, context) => {
  const file = (source: string) => displaySource(source, context.cwd);
  const failing = new Set(failingChanges(report));
  const document = {
    base: { ref: report.base.label, commit: report.base.commit },
    result: report.exitCode === 0 ? 'pass' : report.exitCode === 1 ? 'fail' : 'error',
    specs: report.specs.map((spec) => ({ file: file(spec.source), atBase: spec.atBase, profile: spec.policy.profile, failOn: spec.policy.failOn, ...(spec.note ? { note: spec.note } : {}), ...(spec.diff ? { semver: spec.diff.semver } : {}) })),
    findings: report.findings.map(({ finding, status, part, waiver }) => ({
      rule: finding.ruleId,
      severity: SEVERITY_NAMES[finding.severity],
      message: finding.message,
      file: file(finding.source),
      path: jsonPointer(finding.path),
      line: finding.range ? finding.range.start.line + 1 : null,
      column: finding.range ? finding.range.start.character + 1 : null,
      status,
      part: part ?? null,
      ...(waiver ? { waiver } : {}),
    })),
    changes: report.changes.map((judged) => ({
      id: judged.change.id,
      level: judged.change.level,
      direction: judged.change.direction,
      operation: judged.change.operation ?? null,
      path: judged.change.path,
      message: judged.change.message,
      file: file(judged.source),
      status: judged.status,
      fails: failing.has(judged),
      ...(judged.waiver ? { waiver: judged.waiver } : {}),
    })),
    baseline: { file: file(report.baseline.file), fixed: report.baseline.fixed, ...(report.baseline.update ? { updated: report.baseline.update } : {}) },
    failures: report.failures.map((f) => ({ file: file(f.source), message: f.message })),
    summary: summarize(report),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
