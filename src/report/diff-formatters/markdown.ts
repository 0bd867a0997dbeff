import { groupByOperation } from './group.js';
import type { DiffFormatter } from './types.js';

const ICON = { error: '🔴', warn: '🟡', info: 'ℹ️' };
const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A changelog a PR comment can carry: verdict, then one table per operation, breaking first. */
export const diffMarkdown: DiffFormatter = (report) => {
  const { summary, semver } = report;
  const lines = [`## API changes: ${report.base} → ${report.revision}`, ''];
  if (summary.total === 0) return `${lines.join('\n')}No changes.\n`;
  lines.push(`**${summary.error} breaking**, ${summary.warn} warning, ${summary.info} info. Recommended release: **${semver.recommended}**${semver.actual === 'unknown' ? '' : ` (info.version ${semver.base} → ${semver.revision}: ${semver.actual}${semver.sufficient ? '' : ', **not enough**'})`}.`, '');
  for (const [operation, changes] of groupByOperation(report.changes)) {
    lines.push(`### ${operation ? `\`${operation}\`` : 'API'}`, '', '| | change | details |', '| --- | --- | --- |');
    for (const c of changes) lines.push(`| ${ICON[c.level]} | \`${c.id}\` | ${escape(c.message)} |`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
};
