import { promises as fs } from 'node:fs';
import type { ApigovConfig, DiffLevel } from '../config/types.js';
import type { LintSettings } from '../config/lint-settings.js';
import { DEFAULT_APPLIES } from '../config/types.js';
import { allCheckIds } from '../diff/registry.js';
import { locateChanges } from '../diff/locate-changes.js';
import type { JudgedChange, SpecChange } from '../governance/govern.js';
import { changeAsFinding } from './change-finding.js';
import { governRun, type GovernedRun } from '../governance/govern-run.js';
import { lintStage } from '../governance/lint-stage.js';
import type { Finding } from '../report/finding.js';
import { isAtOrAbove } from '../report/threshold.js';
import { resolveBase } from './base-ref.js';
import { canonicalJson } from './canonical.js';
import { failingChanges, type CheckChange, type CheckedSpec, type CheckReport } from './check-report.js';
import { policyFor } from './diff-policy.js';
import { fileAtCommit, repositoryRoot } from './git.js';
import { parseForComparison } from './parse-data.js';
import { appliesTo, partStatuses, type PartStatus } from './part-status.js';
import { diffAgainstBase } from './spec-diff.js';

export interface CheckRun {
  cwd: string;
  today: string;
  config?: ApigovConfig;
  settings: LintSettings;
  baseFlag?: string;
  profile?: string;
  /** --fail-on: replaces every spec's policy level. */
  failOn?: DiffLevel;
  baselineFlag?: string;
  updateBaseline: boolean;
  usedConfigSpecs: boolean;
  onFile?: (done: number, total: number) => void;
}

export interface CheckOutcome {
  report: CheckReport;
  governed: GovernedRun;
}

/** Part status of any file a finding may be in: linted specs part by part, `$ref`ed files as a whole. */
function statusLookup(specStatus: Map<string, (location: readonly (string | number)[]) => PartStatus>, commit: string, root: string) {
  const wholeFile = new Map<string, Promise<PartStatus>>();
  const fileStatus = (source: string) => {
    if (!wholeFile.has(source)) {
      wholeFile.set(source, (async () => {
        const before = fileAtCommit(commit, source, root);
        if (before === undefined) return 'added';
        const now = await fs.readFile(source, 'utf8').catch(() => '');
        return canonicalJson(parseForComparison(before)) === canonicalJson(parseForComparison(now)) ? 'unchanged' : 'changed';
      })());
    }
    return wholeFile.get(source)!;
  };
  return async (finding: Finding): Promise<PartStatus> => specStatus.get(finding.source)?.(finding.path) ?? fileStatus(finding.source);
}

/** Each change also as a finding located in its spec at head (read and located once per spec). */
async function withFindings(changes: readonly JudgedChange[]): Promise<CheckChange[]> {
  const result: CheckChange[] = [];
  for (const source of new Set(changes.map((c) => c.source))) {
    const text = await fs.readFile(source, 'utf8');
    const ofSource = changes.filter((c) => c.source === source);
    const located = locateChanges(ofSource.map((c) => c.change), text);
    const head = parseForComparison(text);
    ofSource.forEach((judged, i) => result.push({ ...judged, asFinding: changeAsFinding(located[i]!, source, head) }));
  }
  return result;
}

/**
 * The CI gate: lints the specs, diffs each against its version at the base commit, and judges
 * both in one report. New and changed parts of a spec are judged by every rule; untouched parts
 * only by rules whose `applies` is `always`.
 */
export async function runCheck(run: CheckRun): Promise<CheckOutcome> {
  const root = repositoryRoot(run.cwd);
  const base = resolveBase(run.baseFlag, run.cwd);
  const linted = await lintStage({ settings: run.settings, config: run.config, cwd: run.cwd, onFile: run.onFile });
  const specs: CheckedSpec[] = [];
  const specStatus = new Map<string, (location: readonly (string | number)[]) => PartStatus>();
  const changes: SpecChange[] = [];
  for (const source of linted.sources) {
    const before = fileAtCommit(base.commit, source, root);
    const policy = await policyFor(source, run.config, run.profile);
    if (run.failOn) policy.failOn = run.failOn;
    const { diff, note } = before === undefined ? {} : await diffAgainstBase(source, base, policy, run.cwd, run.today);
    const comparable = diff !== undefined ? parseForComparison(before!) : undefined;
    specStatus.set(source, partStatuses(comparable, parseForComparison(await fs.readFile(source, 'utf8'))));
    specs.push({ source, atBase: before !== undefined, policy, diff, note });
    for (const change of diff?.changes ?? []) changes.push({ change, source });
  }
  const statusOf = statusLookup(specStatus, base.commit, root);
  const parts = new Map<Finding, PartStatus>();
  for (const finding of linted.findings) parts.set(finding, await statusOf(finding));
  const isJudged = (finding: Finding) => appliesTo(run.config?.applies[finding.ruleId] ?? DEFAULT_APPLIES, parts.get(finding)!);
  const governed = await governRun(linted, { ...run, changes, isJudged });
  const descriptions: Record<string, string> = { ...(linted.ruleDescriptions ?? {}) };
  for (const check of allCheckIds()) if (changes.some((c) => c.change.id === check.id)) descriptions[check.id] = check.description;
  const report: CheckReport = {
    base,
    specs,
    findings: governed.result.findings.map((judged) => ({ ...judged, part: parts.get(judged.finding) })),
    changes: await withFindings(governed.result.changes),
    failures: linted.failures,
    failSeverity: run.settings.failSeverity,
    baseline: { file: governed.baseline.file, fixed: governed.update ? [] : governed.result.fixedBaseline, update: governed.update && { entries: governed.update.entries, added: governed.update.added, removed: governed.update.removed } },
    ruleDescriptions: descriptions,
    exitCode: 0,
  };
  const lintFails = report.findings.some((j) => j.status === 'new' && isAtOrAbove(j.finding, report.failSeverity));
  report.exitCode = report.failures.length > 0 ? 2 : lintFails || failingChanges(report).length > 0 ? 1 : 0;
  return { report, governed };
}
