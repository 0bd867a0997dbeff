import { jsonPointer } from '../../json-pointer.js';
import { SEVERITY_NAMES } from '../finding.js';
import { relativeToCwd } from '../shared/artifact-path.js';
import { codeQualityReport, type CodeQualityInput } from '../shared/code-quality.js';
import { operationOf } from '../shared/operation-of.js';
import type { Formatter } from './types.js';

/** Rule id of the entry for a file that could not be linted (no rule fired: the run failed on it). */
export const NOT_LINTED_CHECK = 'apigov-file-not-linted';

/**
 * GitLab Code Quality for lint: one entry per counted finding, plus a blocker per file that could
 * not be linted, so the merge request widget says why the job failed.
 */
export const gitlab: Formatter = (report, context) => {
  const pathOf = (source: string) => relativeToCwd(source, context.cwd) ?? source;
  const entries: CodeQualityInput[] = report.findings.map((finding) => {
    const pointer = jsonPointer(finding.path);
    const operation = operationOf(finding.path);
    return {
      checkName: finding.ruleId,
      severity: SEVERITY_NAMES[finding.severity],
      description: operation ? `${operation}: ${finding.message}` : finding.message,
      path: pathOf(finding.source),
      line: finding.range ? finding.range.start.line + 1 : undefined,
      identity: [pathOf(finding.source), pointer],
    };
  });
  for (const failure of report.failures) {
    entries.push({ checkName: NOT_LINTED_CHECK, severity: 'blocker', description: failure.message, path: pathOf(failure.source), identity: [pathOf(failure.source)] });
  }
  return codeQualityReport(entries);
};
