import type { CaseResult } from './run-ruleset-tests.js';

interface DiffLine {
  rule: string;
  path: string;
  severity?: string;
  message?: string;
}

function diffLine(sign: '-' | '+', finding: DiffLine): string {
  const parts = [finding.path, finding.rule, finding.severity, finding.message].filter((part) => part !== undefined);
  return `      ${sign} ${parts.join('  ')}`;
}

export function passed(result: CaseResult): boolean {
  return result.diff.missing.length === 0 && result.diff.unexpected.length === 0;
}

/** `PASS  acme-owner/invalid.yaml`, or FAIL followed by the missing (-) and unexpected (+) findings. */
export function formatCaseResult(result: CaseResult): string {
  const { testCase, diff } = result;
  const name = testCase.variant ? `${testCase.name} [${testCase.variant}]` : testCase.name;
  if (passed(result)) return `PASS  ${name}\n`;
  const lines = [`FAIL  ${name}`, ...diff.missing.map((f) => diffLine('-', f)), ...diff.unexpected.map((f) => diffLine('+', f))];
  return `${lines.join('\n')}\n`;
}

export function formatSummary(results: CaseResult[]): string {
  const failed = results.filter((result) => !passed(result)).length;
  const counts = `${results.length} case${results.length === 1 ? '' : 's'}, ${results.length - failed} passed, ${failed} failed`;
  return failed === 0 ? `\n${counts}\n` : `\n${counts} (- expected but not reported, + reported but not expected)\n`;
}
