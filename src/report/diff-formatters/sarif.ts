import { sarifLog } from '../shared/sarif-log.js';
import type { DiffFormatter } from './types.js';

/**
 * SARIF 2.1.0 of a diff: one result per change, in the revision file at the line of the object the
 * change concerns (or its nearest surviving parent), with the JSON pointer and the operation.
 */
export const diffSarif: DiffFormatter = (report, context) => {
  const rules = new Map(report.changes.map((c) => [c.id, { id: c.id, level: c.level }]));
  return sarifLog({
    cwd: context.cwd,
    rules: [...rules.values()],
    results: report.changes.map((change) => ({
      ruleId: change.id,
      severity: change.level,
      message: change.message,
      source: report.revisionLocation,
      range: change.range,
      pointer: change.pointer ?? '',
      operation: change.operation,
      identity: [change.path],
    })),
    failures: [],
    properties: { base: report.base, revision: report.revision, summary: report.summary, semver: report.semver },
  });
};
