import path from 'node:path';
import type { GovernedRun } from '../governance/govern-run.js';

const MAX_LISTED = 20;

function entries(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

/**
 * What the run excused and what the baseline no longer needs, as short lines for people: counts
 * of baselined and waived findings, each fixed baseline entry (capped), and the update made.
 */
export function governanceNotes(governed: GovernedRun, cwd: string): string[] {
  const { result, update } = governed;
  const baselineName = path.relative(cwd, governed.baseline.file) || governed.baseline.file;
  const lines: string[] = [];
  if (update) lines.push(`baseline ${baselineName} updated: ${entries(update.entries)} (${update.added} recorded, ${update.removed} fixed removed)`);
  const count = (status: string) => result.findings.filter((j) => j.status === status).length;
  const excused = [
    [count('baselined'), `in the baseline (${baselineName})`],
    [count('waived') + result.changes.filter((c) => c.status === 'waived').length, 'waived'],
  ].filter(([n]) => (n as number) > 0);
  if (excused.length > 0) lines.push(`not counted: ${excused.map(([n, what]) => `${n} ${what}`).join(', ')}`);
  const fixed = update ? [] : result.fixedBaseline;
  for (const entry of fixed.slice(0, MAX_LISTED)) lines.push(`fixed, remove from baseline: ${entry.rule} ${entry.file} ${entry.path || '(document root)'}`);
  if (fixed.length > MAX_LISTED) lines.push(`... and ${fixed.length - MAX_LISTED} more fixed baseline entries`);
  if (fixed.length > 0) lines.push(`run again with --update-baseline to remove ${fixed.length === 1 ? 'it' : 'them'}`);
  return lines;
}
