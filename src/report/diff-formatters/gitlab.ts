import { relativeToCwd } from '../shared/artifact-path.js';
import { codeQualityReport } from '../shared/code-quality.js';
import type { DiffFormatter } from './types.js';

/**
 * GitLab Code Quality for a diff: one entry per change, on the revision file at the line of what
 * changed (or its nearest surviving parent), identified by change id and API path.
 */
export const diffGitlab: DiffFormatter = (report, context) => {
  const location = report.revisionLocation ?? report.revision;
  const file = relativeToCwd(location, context.cwd) ?? location;
  return codeQualityReport(
    report.changes.map((change) => ({
      checkName: change.id,
      severity: change.level,
      description: change.operation ? `${change.operation}: ${change.message}` : change.message,
      path: file,
      line: change.range ? change.range.start.line + 1 : undefined,
      identity: [file, change.path],
    })),
  );
};
