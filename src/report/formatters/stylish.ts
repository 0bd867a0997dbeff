import { Chalk } from 'chalk';
import { SEVERITY_NAMES, type Finding, type Severity } from '../finding.js';
import { displaySource } from './relative-source.js';
import type { Formatter } from './types.js';

const NOUNS = ['error', 'warning', 'info', 'hint'] as const;

function groupBySource(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.source) ?? [];
    group.push(finding);
    groups.set(finding.source, group);
  }
  return groups;
}

/** ESLint-style: a block per file, `line:col severity rule message path`, then a tally. */
export const stylish: Formatter = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const paint: Record<Severity, (text: string) => string> = {
    0: chalk.red,
    1: chalk.yellow,
    2: chalk.blue,
    3: chalk.gray,
  };
  const lines: string[] = [];
  for (const [source, findings] of groupBySource(report.findings)) {
    lines.push(chalk.underline(displaySource(source, context.cwd)));
    const rows = findings.map((f) => [
      f.range ? `${f.range.start.line + 1}:${f.range.start.character + 1}` : '',
      SEVERITY_NAMES[f.severity],
      f.ruleId,
      f.message,
      f.path.join('.'),
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
    rows.forEach((row, index) => {
      const severity = findings[index]!.severity;
      const [position, name, rule, message, pointer] = row as [string, string, string, string, string];
      lines.push(
        `  ${position.padStart(widths[0]!)}  ${paint[severity](name.padEnd(widths[1]!))}  ` +
          `${rule.padEnd(widths[2]!)}  ${message}${pointer ? chalk.gray(`  ${pointer}`) : ''}`,
      );
    });
    lines.push('');
  }
  const counts = [0, 0, 0, 0];
  for (const finding of report.findings) counts[finding.severity]! += 1;
  const total = report.findings.length;
  if (total === 0) {
    const files = report.sources.length;
    lines.push(chalk.green(`No problems found in ${files} file${files === 1 ? '' : 's'}.`));
  } else {
    const tally = counts.map((n, i) => `${n} ${NOUNS[i]}${n === 1 ? '' : 's'}`).join(', ');
    const worst = counts.findIndex((n) => n > 0) as Severity;
    lines.push(paint[worst](`✖ ${total} problem${total === 1 ? '' : 's'} (${tally})`));
  }
  return `${lines.join('\n')}\n`;
};
