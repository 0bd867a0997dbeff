import { judgeVersion, type SemverVerdict } from './semver.js';
import type { Change, Level } from './types.js';

export interface DiffReport {
  base: string;
  revision: string;
  /** The revision's absolute file path (also for `REF:path`) or URL, for reports that point into it. */
  revisionLocation?: string;
  changes: Change[];
  summary: Record<Level, number> & { total: number; breaking: number };
  semver: SemverVerdict;
}

export function buildDiffReport(base: { label: string; version?: string }, revision: { label: string; version?: string; location?: string }, changes: Change[]): DiffReport {
  const summary = { error: 0, warn: 0, info: 0, total: changes.length, breaking: 0 };
  for (const change of changes) summary[change.level] += 1;
  summary.breaking = summary.error;
  return { base: base.label, revision: revision.label, revisionLocation: revision.location, changes, summary, semver: judgeVersion(changes, base.version, revision.version) };
}
