import { jsonPointer } from '../../json-pointer.js';
import { SEVERITY_NAMES, type Finding } from '../finding.js';
import { type JunitCase, type JunitSuite, junitDocument } from '../shared/junit-document.js';
import { displaySource } from './relative-source.js';
import type { Formatter } from './types.js';

function caseFor(finding: Finding, file: string): JunitCase {
  const severity = SEVERITY_NAMES[finding.severity];
  const pointer = jsonPointer(finding.path);
  const at = finding.range ? `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}` : file;
  const text = `${at} ${severity} ${finding.ruleId}: ${finding.message}${pointer ? ` (${pointer})` : ''}`;
  return {
    // The name leaves out line numbers so CI test history follows a finding when lines move.
    name: `${finding.ruleId} at ${pointer || '(document root)'}`,
    classname: file,
    file,
    line: finding.range ? finding.range.start.line + 1 : undefined,
    // error and warn fail the case; info and hint are advice: a passing case that carries the text (docs/decisions.md).
    outcome: finding.severity <= 1 ? { kind: 'failure', type: severity, message: finding.message, details: text } : { kind: 'passed', output: text },
  };
}

/** JUnit XML: a suite per file, a case per finding, a passing case for a clean file, an error case for a file that failed. */
export const junit: Formatter = (report, context) => {
  const suites = new Map<string, JunitSuite>();
  const suiteOf = (source: string) => {
    const name = displaySource(source, context.cwd);
    const suite = suites.get(source) ?? { name, cases: [] };
    suites.set(source, suite);
    return suite;
  };
  for (const finding of report.findings) suiteOf(finding.source).cases.push(caseFor(finding, displaySource(finding.source, context.cwd)));
  for (const source of report.sources) {
    const suite = suiteOf(source);
    if (suite.cases.length === 0) suite.cases.push({ name: 'no findings', classname: suite.name, file: suite.name, outcome: { kind: 'passed' } });
  }
  for (const failure of report.failures) {
    const suite = suiteOf(failure.source);
    suite.cases.push({ name: 'could not be linted', classname: suite.name, file: suite.name, outcome: { kind: 'error', type: 'load', message: failure.message } });
  }
  const ordered = [...suites.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, suite]) => suite);
  return junitDocument('apigov lint', ordered);
};
