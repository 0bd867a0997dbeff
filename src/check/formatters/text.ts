import { Chalk } from 'chalk';
import { diffText } from '../../report/diff-formatters/text.js';
import { displaySource } from '../../report/formatters/relative-source.js';
import { stylish } from '../../report/formatters/stylish.js';
import { SEVERITY_NAMES } from '../../report/finding.js';
import type { CheckedSpec, CheckReport } from '../check-report.js';
import { summarize } from './summary.js';
import type { CheckFormatter } from './types.js';

function specHeading(spec: CheckedSpec, cwd: string): string {
  const name = displaySource(spec.source, cwd);
  const policy = `${spec.policy.profile === 'default' ? '' : `profile ${spec.policy.profile}, `}fails on ${spec.policy.failOn}`;
  if (!spec.atBase) return `${name}: new since the base, every part judged as new`;
  if (spec.note) return `${name}: ${spec.note}`;
  return `${name}: API changes since the base (${policy})`;
}

/** The changes of one spec that count, through the diff's own text format. */
function specChanges(report: CheckReport, spec: CheckedSpec, context: Parameters<CheckFormatter>[1]): string | undefined {
  if (!spec.diff) return undefined;
  const counted = new Set(report.changes.filter((c) => c.source === spec.source && c.status === 'new').map((c) => c.change));
  const changes = spec.diff.changes.filter((c) => counted.has(c));
  const summary = { error: 0, warn: 0, info: 0, total: changes.length, breaking: 0 };
  for (const change of changes) summary[change.level] += 1;
  summary.breaking = summary.error;
  return diffText({ ...spec.diff, changes, summary }, context).trimEnd();
}

function verdict(report: CheckReport): string {
  const s = summarize(report);
  if (report.exitCode === 2) return 'check could not judge every spec (see the errors above)';
  if (report.exitCode === 0) return `check passed: no lint finding at or above ${SEVERITY_NAMES[report.failSeverity]}, no change at or above its spec's fail-on level`;
  const parts = [];
  if (s.failingFindings > 0) parts.push(`${s.failingFindings} lint finding${s.failingFindings === 1 ? '' : 's'} at or above ${SEVERITY_NAMES[report.failSeverity]}`);
  if (s.failingChanges > 0) parts.push(`${s.failingChanges} API change${s.failingChanges === 1 ? '' : 's'} at or above fail-on`);
  return `check failed: ${parts.join(', ')}`;
}

/** For a CI log: base, lint findings (stylish), each spec's changes (diff text), then the verdict. */
export const checkText: CheckFormatter = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const lines = [chalk.bold(`apigov check against ${report.base.label} (${report.base.commit.slice(0, 12)})`), ''];
  const counted = report.findings.filter((j) => j.status === 'new').map((j) => j.finding);
  lines.push(stylish({ findings: counted, failures: report.failures, sources: report.specs.map((s) => s.source) }, context).trimEnd(), '');
  for (const spec of report.specs) {
    lines.push(chalk.bold(specHeading(spec, context.cwd)));
    const changes = specChanges(report, spec, context);
    if (changes) lines.push(changes);
    lines.push('');
  }
  const s = summarize(report);
  const excused = [
    s.baselined > 0 ? `${s.baselined} baselined` : '',
    s.waived > 0 ? `${s.waived} waived` : '',
    s.notJudged > 0 ? `${s.notJudged} in untouched parts (their rules judge only new or changed parts)` : '',
  ].filter(Boolean);
  if (excused.length > 0) lines.push(`Not counted: ${excused.join(', ')}.`);
  const baselineName = displaySource(report.baseline.file, context.cwd);
  if (report.baseline.update) lines.push(`Baseline ${baselineName} updated: ${report.baseline.update.entries} entries (${report.baseline.update.added} recorded, ${report.baseline.update.removed} fixed removed).`);
  for (const entry of report.baseline.fixed) lines.push(`Fixed, remove from baseline: ${entry.rule} ${entry.file} ${entry.path || '(document root)'}`);
  if (report.baseline.fixed.length > 0) lines.push(`Run apigov check --update-baseline to remove ${report.baseline.fixed.length === 1 ? 'it' : 'them'} from ${baselineName}.`);
  const paint = report.exitCode === 0 ? chalk.green : chalk.red;
  lines.push(paint(verdict(report)));
  return `${lines.join('\n')}\n`;
};
