import { relativeToCwd } from '../shared/artifact-path.js';
import { workflowCommands } from '../shared/workflow-commands.js';
import type { DiffFormatter } from './types.js';

/**
 * GitHub Actions workflow commands for a diff: one annotation per change on the revision file, at
 * the line of what changed (or its nearest surviving parent), breaking changes first.
 */
export const diffGithubActions: DiffFormatter = (report, context) => {
  const file = report.revisionLocation === undefined ? undefined : relativeToCwd(report.revisionLocation, context.cwd);
  const annotations = report.changes.map((change) => ({
    severity: change.level,
    file,
    range: change.range,
    title: change.id,
    message: change.operation ? `${change.operation}: ${change.message}` : change.message,
  }));
  const { summary, semver } = report;
  const tally = `apigov diff ${report.base} → ${report.revision}: ${summary.error} breaking, ${summary.warn} warning, ${summary.info} info; recommended release: ${semver.recommended}.`;
  return workflowCommands(annotations, 'change', tally);
};
