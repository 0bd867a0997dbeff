import type { Change } from '../../diff/types.js';
import { relativeToCwd } from '../shared/artifact-path.js';
import { type JunitCase, junitDocument } from '../shared/junit-document.js';
import { groupByOperation } from './group.js';
import type { DiffFormatter } from './types.js';

function caseFor(change: Change, suite: string, file: string | undefined): JunitCase {
  const line = change.range ? change.range.start.line + 1 : undefined;
  const at = file === undefined ? '' : `${file}${line === undefined ? '' : `:${line}`} `;
  const text = `${at}${change.level} ${change.id}: ${change.message} (${change.path})`;
  return {
    name: `${change.id} at ${change.path}`,
    classname: suite,
    file,
    line: file === undefined ? undefined : line,
    // Breaking and warn changes fail the case; info changes pass and carry the text, as in lint.
    outcome: change.level === 'info' ? { kind: 'passed', output: text } : { kind: 'failure', type: change.level, message: change.message, details: text },
  };
}

/** JUnit XML of a diff: a suite per operation (API-wide changes under "API"), a case per change. */
export const diffJunit: DiffFormatter = (report, context) => {
  const file = report.revisionLocation === undefined ? undefined : relativeToCwd(report.revisionLocation, context.cwd);
  const suites = groupByOperation(report.changes).map(([operation, changes]) => {
    const name = operation || 'API';
    return { name, cases: changes.map((change) => caseFor(change, name, file)) };
  });
  if (suites.length === 0) suites.push({ name: 'API', cases: [{ name: 'no changes', classname: 'API', outcome: { kind: 'passed' } }] });
  return junitDocument(`apigov diff ${report.base} → ${report.revision}`, suites);
};
