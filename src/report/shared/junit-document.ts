import { xmlAttribute, xmlText } from './xml-escape.js';

export type JunitOutcome =
  | { kind: 'passed'; output?: string }
  | { kind: 'failure'; type: string; message: string; details: string }
  | { kind: 'error'; type: string; message: string };

export interface JunitCase {
  name: string;
  classname: string;
  /** Extensions GitLab and Jenkins read to link a case to a file and line. */
  file?: string;
  line?: number;
  outcome: JunitOutcome;
}

export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
    .join('');
}

function renderCase(testCase: JunitCase): string[] {
  const open = `    <testcase${attributes({ name: testCase.name, classname: testCase.classname, file: testCase.file, line: testCase.line })}`;
  const outcome = testCase.outcome;
  if (outcome.kind === 'passed') {
    return outcome.output === undefined ? [`${open}/>`] : [`${open}>`, `      <system-out>${xmlText(outcome.output)}</system-out>`, '    </testcase>'];
  }
  const body = outcome.kind === 'failure' ? `${xmlText(outcome.details)}</failure>` : '</error>';
  return [`${open}>`, `      <${outcome.kind}${attributes({ type: outcome.type, message: outcome.message })}>${body}`, '    </testcase>'];
}

function tally(cases: JunitCase[]) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome.kind === 'failure').length,
    errors: cases.filter((c) => c.outcome.kind === 'error').length,
    skipped: 0,
  };
}

/** A JUnit XML document: `<testsuites>` with one `<testsuite>` per group, counts on every level. */
export function junitDocument(name: string, suites: JunitSuite[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = suites.flatMap((suite) => suite.cases);
  lines.push(`<testsuites${attributes({ name, ...tally(all) })}>`);
  for (const suite of suites) {
    lines.push(`  <testsuite${attributes({ name: suite.name, ...tally(suite.cases) })}>`);
    for (const testCase of suite.cases) lines.push(...renderCase(testCase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
