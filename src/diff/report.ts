import type { Suppression } from '../report/finding.js';
import { judgeVersion, type SemverVerdict } from './semver.js';
import type { Change, Level } from './types.js';

/** A change a waiver excuses: not counted, shown as suppressed by formats that can (SARIF). */
export interface SuppressedChange {
  change: Change;
  suppression: Suppression;
}

export interface DiffReport {
  base: string;
  revision: string;
  /** The revision's absolute file path (also for `REF:path`) or URL, for reports that point into it. */
  revisionLocation?: string;
  changes: Change[];
  /** Waived changes, not in `changes` (nor in the summary). */
  suppressed?: SuppressedChange[];
  summary: Record<Level, number> & { total: number; breaking: number };
  semver: SemverVerdict;
}

function summarize(changes: readonly Change[]): DiffReport['summary'] {
  const summary = { error: 0, warn: 0, info: 0, total: changes.length, breaking: 0 };
  for (const change of changes) summary[change.level] += 1;
  summary.breaking = summary.error;
  return summary;
}

/**
 * The report with only these changes counted (a diff policy changed levels or dropped some, or
 * waivers excused some). The semver verdict stays the engine's: it judges what changed in the
 * API, which a policy about what fails a build does not change.
 */
export function withChanges(report: DiffReport, changes: Change[]): DiffReport {
  return { ...report, changes, summary: summarize(changes) };
}

export function buildDiffReport(base: { label: string; version?: string }, revision: { label: string; version?: string; location?: string }, changes: Change[]): DiffReport {
  return { base: base.label, revision: revision.label, revisionLocation: revision.location, changes, summary: summarize(changes), semver: judgeVersion(changes, base.version, revision.version) };
}
