import { jsonPointer } from '../../json-pointer.js';
import { SEVERITY_NAMES } from '../finding.js';
import { relativeToCwd } from '../shared/artifact-path.js';
import { operationOf } from '../shared/operation-of.js';
import { sarifLog } from '../shared/sarif-log.js';
import type { Formatter } from './types.js';

/** SARIF 2.1.0 for code-scanning dashboards: one result per finding, a failed file as a failed invocation. */
export const sarif: Formatter = (report, context) => {
  const ids = [...new Set(report.findings.map((f) => f.ruleId))];
  return sarifLog({
    cwd: context.cwd,
    rules: ids.map((id) => ({ id, description: report.ruleDescriptions?.[id] })),
    results: report.findings.map((finding) => {
      const pointer = jsonPointer(finding.path);
      return {
        ruleId: finding.ruleId,
        severity: SEVERITY_NAMES[finding.severity],
        message: finding.message,
        source: finding.source,
        range: finding.range,
        pointer,
        operation: operationOf(finding.path),
        identity: [relativeToCwd(finding.source, context.cwd) ?? finding.source, pointer],
      };
    }),
    failures: report.failures,
  });
};
