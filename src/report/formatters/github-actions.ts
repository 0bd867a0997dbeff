import { SEVERITY_NAMES, type Severity } from '../finding.js';
import { relativeToCwd } from '../shared/artifact-path.js';
import { countPhrase } from '../shared/severity-rank.js';
import { type Annotation, workflowCommands } from '../shared/workflow-commands.js';
import type { Formatter } from './types.js';

/** An annotation without a repository file (a URL, a file outside the checkout) names its source in the text. */
function place(source: string, cwd: string, message: string): Pick<Annotation, 'file' | 'message'> {
  const file = relativeToCwd(source, cwd);
  return file === undefined ? { message: `${source}: ${message}` } : { file, message };
}

/** GitHub Actions workflow commands: findings become annotations on the pull request's files. */
export const githubActions: Formatter = (report, context) => {
  const annotations: Annotation[] = [
    ...report.failures.map((failure) => ({ severity: 'error' as const, title: 'apigov', ...place(failure.source, context.cwd, failure.message) })),
    ...report.findings.map((finding) => ({
      severity: SEVERITY_NAMES[finding.severity],
      range: finding.range,
      title: finding.ruleId,
      ...place(finding.source, context.cwd, finding.message),
    })),
  ];
  const counts = ([0, 1, 2, 3] as Severity[]).map((s) => countPhrase(report.findings.filter((f) => f.severity === s).length, SEVERITY_NAMES[s]));
  const files = report.sources.length;
  const failed = report.failures.length > 0 ? `, ${report.failures.length} could not be linted` : '';
  return workflowCommands(annotations, 'finding', `apigov lint: ${counts.join(', ')} in ${files} file${files === 1 ? '' : 's'}${failed}.`);
};
