import type { Change } from '../../diff/types.js';
import type { Suppression } from '../finding.js';
import { sarifLog } from '../shared/sarif-log.js';
import type { DiffFormatter } from './types.js';

/**
 * SARIF 2.1.0 of a diff: one result per change, in the revision file at the line of the object the
 * change concerns (or its nearest surviving parent), with the JSON pointer and the operation.
 * Waived changes follow, with a suppression (see the lint format).
 */
export const diffSarif: DiffFormatter = (report, context) => {
  const all: Array<{ change: Change; suppression?: Suppression }> = [...report.changes.map((change) => ({ change })), ...(report.suppressed ?? [])];
  const rules = new Map(all.map(({ change }) => [change.id, { id: change.id, level: change.level }]));
  return sarifLog({
    cwd: context.cwd,
    rules: [...rules.values()],
    results: all.map(({ change, suppression }) => ({
      ruleId: change.id,
      severity: change.level,
      message: change.message,
      source: report.revisionLocation,
      range: change.range,
      pointer: change.pointer ?? '',
      operation: change.operation,
      identity: [change.path],
      suppression,
    })),
    failures: [],
    properties: { base: report.base, revision: report.revision, summary: report.summary, semver: report.semver },
  });
};
