import { Chalk } from 'chalk';
import { groupByOperation } from './group.js';
import type { DiffFormatter } from './types.js';

/** For a terminal: grouped by operation, breaking first, coloured by level, a verdict at the end. */
export const diffText: DiffFormatter = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const paint = { error: chalk.red, warn: chalk.yellow, info: chalk.blue };
  const lines: string[] = [];
  for (const [operation, changes] of groupByOperation(report.changes)) {
    lines.push(chalk.bold(operation || 'API'));
    const width = Math.max(...changes.map((c) => c.level.length));
    for (const change of changes) lines.push(`  ${paint[change.level](change.level.padEnd(width))}  ${change.id}  ${change.message}${chalk.gray(`  ${change.path}`)}`);
    lines.push('');
  }
  const { summary, semver } = report;
  if (summary.total === 0) lines.push(chalk.green('No changes.'));
  else lines.push(`${summary.error} breaking (error), ${summary.warn} warning, ${summary.info} info change${summary.total === 1 ? '' : 's'}.`);
  const bump =
    semver.actual === 'unknown' ? '' : semver.actual === 'none' ? ` info.version unchanged (${semver.base})${semver.sufficient ? '' : chalk.red(', not enough')}.` : ` info.version ${semver.base} → ${semver.revision} is a ${semver.actual} release${semver.sufficient ? '' : chalk.red(', not enough')}.`;
  if (summary.total > 0) lines.push(`Recommended release: ${semver.recommended}.${bump}`);
  return `${lines.join('\n')}\n`;
};
