import path from 'node:path';
import { baselineFile, entriesFor, type BaselineEntry } from '../baseline/fingerprint.js';
import type { Baseline } from '../baseline/baseline-file.js';
import { matchBaseline } from '../baseline/match-baseline.js';
import type { ApigovConfig } from '../config/types.js';
import type { Change } from '../diff/types.js';
import { pointerSegments } from '../json-pointer.js';
import type { Finding } from '../report/finding.js';
import { compareFindings, sortFindings } from '../report/sort.js';
import { applyWaivers, type ScopedWaiver } from '../waivers/apply-waivers.js';
import type { InlineIgnore } from '../waivers/inline-ignores.js';
import type { WaiverNote, WaiverSubject } from '../waivers/subject.js';
import { waiverFindings } from '../waivers/waiver-findings.js';
import { operationAt, parseOperationLabel } from './operation-pattern.js';

/** new: counted; baselined/waived: known and excused; not-judged: in a part `check` does not judge for this rule. */
export type FindingStatus = 'new' | 'baselined' | 'waived' | 'not-judged';

export interface JudgedFinding {
  finding: Finding;
  status: FindingStatus;
  waiver?: WaiverNote;
}

/** A diff change of one spec (already at the level the diff policy gives it). */
export interface SpecChange {
  change: Change;
  /** Absolute path of the spec at head. */
  source: string;
}

export interface JudgedChange extends SpecChange {
  status: 'new' | 'waived';
  waiver?: WaiverNote;
}

export interface GovernanceInput {
  /** Lint findings, severities already as overrides set them. */
  findings: readonly Finding[];
  changes?: readonly SpecChange[];
  config?: ApigovConfig;
  waivers: readonly ScopedWaiver[];
  inline: readonly InlineIgnore[];
  today: string;
  baseline?: Baseline;
  /** Absolute paths of the files this run linted. */
  files: readonly string[];
  /** Whether an unused waiver should be reported (this run covered the specs it may apply to). */
  inScope: (waiver: ScopedWaiver) => boolean;
  /** `check` only: whether the rule judges the part of the spec a finding is in. */
  isJudged?: (finding: Finding) => boolean;
}

export interface GovernanceResult {
  findings: JudgedFinding[];
  changes: JudgedChange[];
  /** Baseline entries of this run's files that no longer match a finding. */
  fixedBaseline: BaselineEntry[];
  /** What --update-baseline writes: this run's unwaived findings plus other files' entries (fingerprinted only when asked for). */
  nextBaseline(): BaselineEntry[];
}

/** Whether the findings are already in report order (lint's report is), so sorting them again would change nothing. */
function inReportOrder(judged: readonly JudgedFinding[]): boolean {
  for (let index = 1; index < judged.length; index += 1) if (compareFindings(judged[index - 1]!.finding, judged[index]!.finding) > 0) return false;
  return true;
}

function lintSubject(finding: Finding): WaiverSubject {
  return { rule: finding.ruleId, source: finding.source, location: finding.path, operation: operationAt(finding.path) };
}

function changeSubject({ change, source }: SpecChange): WaiverSubject {
  return { rule: change.id, source, location: change.pointer === undefined ? undefined : pointerSegments(change.pointer), operation: change.operation ? parseOperationLabel(change.operation) : undefined };
}

/**
 * Decides what counts, in this order: waivers (inline and config) excuse findings and changes;
 * the baseline excuses known lint findings; `check` leaves findings in untouched legacy parts
 * unjudged for rules that do not apply there. What is left is new and decides the exit code,
 * together with findings about expired or unused waivers.
 */
export function govern(input: GovernanceInput): GovernanceResult {
  const changes = input.changes ?? [];
  const configName = input.config ? path.basename(input.config.file) : 'apigov.yaml';
  // Without any waiver or inline ignore nothing is waived: no subject per finding (a whole-corpus run has millions).
  const waived =
    input.waivers.length === 0 && input.inline.length === 0
      ? { notes: [], usedWaivers: new Set<never>(), usedInline: new Map<never, never>() }
      : applyWaivers([...input.findings.map(lintSubject), ...changes.map(changeSubject)], input.waivers, input.inline, input.today, configName);
  const findingNotes = waived.notes.slice(0, input.findings.length);
  const changeNotes = waived.notes.slice(input.findings.length);
  const unwaived = input.findings.filter((_, i) => findingNotes[i] === undefined);
  const baselineDir = input.baseline ? path.dirname(input.baseline.file) : '';
  const runFiles = new Set([...new Set([...input.files, ...input.findings.map((f) => f.source)])].map((file) => baselineFile(file, baselineDir)));
  // No entries, nothing to match: every finding's fingerprint would be computed for nothing.
  const match = input.baseline && input.baseline.entries.length > 0 ? matchBaseline(unwaived, input.baseline.entries, baselineDir, runFiles) : undefined;
  const judged: JudgedFinding[] = input.findings.map((finding, i) => {
    const waiver = findingNotes[i];
    if (waiver) return { finding, status: 'waived', waiver };
    if (match?.baselined.has(finding)) return { finding, status: 'baselined' };
    if (input.isJudged && !input.isJudged(finding)) return { finding, status: 'not-judged' };
    return { finding, status: 'new' };
  });
  for (const finding of waiverFindings(input.config, input.waivers, input.inline, waived, input.today, input.inScope)) judged.push({ finding, status: 'new' });
  if (!inReportOrder(judged)) {
    const order = new Map(sortFindings(judged.map((j) => j.finding)).map((finding, index) => [finding, index]));
    judged.sort((a, b) => order.get(a.finding)! - order.get(b.finding)!);
  }
  const kept = (input.baseline?.entries ?? []).filter((entry) => !runFiles.has(entry.file));
  return {
    findings: judged,
    changes: changes.map((change, i) => (changeNotes[i] ? { ...change, status: 'waived', waiver: changeNotes[i] } : { ...change, status: 'new' })),
    fixedBaseline: match?.fixed ?? [],
    nextBaseline: () => [...kept, ...(input.baseline ? entriesFor(unwaived, baselineDir) : [])],
  };
}
