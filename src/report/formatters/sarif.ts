import { jsonPointer } from '../../json-pointer.js';
import { SEVERITY_NAMES, type Finding, type Suppression } from '../finding.js';
import { relativeToCwd } from '../shared/artifact-path.js';
import { operationOf } from '../shared/operation-of.js';
import { sarifLog } from '../shared/sarif-log.js';
import { compareFindings } from '../sort.js';
import type { Formatter } from './types.js';

/**
 * SARIF 2.1.0 for code-scanning dashboards: one result per finding, a failed file as a failed
 * invocation. Waived and baselined findings are results too, with a suppression, so code scanning
 * shows them dismissed instead of closing them as fixed. Counted and suppressed findings are
 * ordered together, so a finding's fingerprint does not depend on whether it is suppressed.
 */
export const sarif: Formatter = (report, context) => {
  const all: Array<{ finding: Finding; suppression?: Suppression }> = [...report.findings.map((finding) => ({ finding })), ...(report.suppressed ?? [])];
  all.sort((a, b) => compareFindings(a.finding, b.finding));
  const ids = [...new Set(all.map(({ finding }) => finding.ruleId))];
  return sarifLog({
    cwd: context.cwd,
    rules: ids.map((id) => ({ id, description: report.ruleDescriptions?.[id] })),
    results: all.map(({ finding, suppression }) => {
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
        suppression,
      };
    }),
    failures: report.failures,
  });
};
