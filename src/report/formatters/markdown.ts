import { jsonPointer } from '../../json-pointer.js';
import { SEVERITY_NAMES, type Finding, type Report, type Severity } from '../finding.js';
import { markdownCell, markdownCode } from '../shared/markdown-escape.js';
import { countPhrase, worstFirst } from '../shared/severity-rank.js';
import { displaySource } from './relative-source.js';
import type { Formatter } from './types.js';

/** GitHub refuses comments over 65,536 characters; stop short of it with room for the closing line. */
export const MARKDOWN_LIMIT = 65_536;
const RESERVE = 400;
const ICON: Record<Severity, string> = { 0: '🔴', 1: '🟡', 2: '🔵', 3: '⚪' };
const TABLE_HEAD = ['| | line | rule | message | path |', '| --- | --- | --- | --- | --- |'];

function row(finding: Finding): string {
  const line = finding.range ? `${finding.range.start.line + 1}:${finding.range.start.character + 1}` : '';
  const pointer = jsonPointer(finding.path);
  return `| ${ICON[finding.severity]} ${SEVERITY_NAMES[finding.severity]} | ${line} | ${markdownCode(finding.ruleId)} | ${markdownCell(finding.message)} | ${pointer ? markdownCode(pointer) : ''} |`;
}

function summaryLines(report: Report, cwd: string): string[] {
  const counts = ([0, 1, 2, 3] as Severity[]).map((s) => countPhrase(report.findings.filter((f) => f.severity === s).length, SEVERITY_NAMES[s]));
  const files = report.sources.length;
  const lines = ['## apigov lint', '', report.findings.length === 0 ? `No problems found in ${files} file${files === 1 ? '' : 's'}.` : `**${counts.join(', ')}** in ${files} file${files === 1 ? '' : 's'}.`, ''];
  if (report.failures.length > 0) {
    lines.push(`**${report.failures.length} file${report.failures.length === 1 ? '' : 's'} could not be linted:**`, '');
    for (const failure of report.failures) lines.push(`- ${markdownCode(displaySource(failure.source, cwd))}: ${markdownCell(failure.message)}`);
    lines.push('');
  }
  return lines;
}

/**
 * For a pull-request comment: a summary line, then a table per file. Findings are taken worst
 * first until the comment would exceed GitHub's limit, so a truncated comment drops hints before
 * errors; files with the worst findings come first.
 */
export const markdown: Formatter = (report, context) => {
  const lines = summaryLines(report, context.cwd);
  let budget = MARKDOWN_LIMIT - RESERVE - lines.join('\n').length;
  const byFile = new Map<string, string[]>();
  const hidden: Finding[] = [];
  for (const finding of worstFirst(report.findings, (f) => SEVERITY_NAMES[f.severity])) {
    // Once one finding did not fit, the milder rest are not shown either: the cut is worst first.
    if (hidden.length > 0) {
      hidden.push(finding);
      continue;
    }
    const text = row(finding);
    const rows = byFile.get(finding.source);
    const opening = rows ? 0 : `### ${markdownCode(displaySource(finding.source, context.cwd))}\n\n${TABLE_HEAD.join('\n')}\n\n`.length;
    if (text.length + 1 + opening > budget) {
      hidden.push(finding);
      continue;
    }
    budget -= text.length + 1 + opening;
    if (rows) rows.push(text);
    else byFile.set(finding.source, [text]);
  }
  // Map order is the order of each file's worst finding, which is what "worst first" means per file.
  for (const [source, rows] of byFile) lines.push(`### ${markdownCode(displaySource(source, context.cwd))}`, '', ...TABLE_HEAD, ...rows, '');
  if (hidden.length > 0) {
    const counts = ([0, 1, 2, 3] as Severity[]).map((s) => [s, hidden.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    const tally = counts.map(([s, n]) => countPhrase(n, SEVERITY_NAMES[s])).join(', ');
    lines.push(`… and ${hidden.length} more finding${hidden.length === 1 ? '' : 's'} not shown (${tally}): the comment would exceed GitHub's limit of ${MARKDOWN_LIMIT} characters. Use another --format for the full report.`, '');
  }
  return lines.join('\n');
};
