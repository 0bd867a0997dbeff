import type { BaselineEntry } from '../baseline/fingerprint.js';
import type { DiffReport } from '../diff/report.js';
import type { JudgedChange, JudgedFinding } from '../governance/govern.js';
import type { FileFailure, Finding, Severity } from '../report/finding.js';
import type { BaseRef } from './base-ref.js';
import type { EffectivePolicy } from './diff-policy.js';
import type { PartStatus } from './part-status.js';

/** One spec as `check` saw it. */
export interface CheckedSpec {
  /** Absolute path. */
  source: string;
  /** Whether the spec existed at the base commit (if not, every part of it is new). */
  atBase: boolean;
  policy: EffectivePolicy;
  /** The diff against the base, with levels as the policy sets them (absent for a new spec). */
  diff?: DiffReport;
  /** Why the base version could not be compared, when it could not. */
  note?: string;
}

export interface CheckFinding extends JudgedFinding {
  /** Whether the finding's part of the spec is new, changed or untouched since the base. */
  part?: PartStatus;
}

export interface CheckChange extends JudgedChange {
  /** The change as a finding in the spec at head, for lint formats. */
  asFinding: Finding;
}

/** Everything `apigov check` decided, for its formatters and its exit code. */
export interface CheckReport {
  base: BaseRef;
  specs: CheckedSpec[];
  findings: CheckFinding[];
  changes: CheckChange[];
  failures: FileFailure[];
  /** Lint's fail severity: counted findings at or above it fail the run. */
  failSeverity: Severity;
  baseline: { file: string; fixed: BaselineEntry[]; update?: { entries: number; added: number; removed: number } };
  /** Rule and check descriptions, for formats that describe rules. */
  ruleDescriptions: Record<string, string>;
  exitCode: 0 | 1 | 2;
}

/** Changes that fail the run: counted, at or above the fail-on level of their spec's policy. */
export function failingChanges(report: Pick<CheckReport, 'changes' | 'specs'>): CheckChange[] {
  const rank = { error: 0, warn: 1, info: 2 };
  const failOn = new Map(report.specs.map((spec) => [spec.source, rank[spec.policy.failOn]]));
  return report.changes.filter((c) => c.status === 'new' && rank[c.change.level] <= (failOn.get(c.source) ?? 0));
}
