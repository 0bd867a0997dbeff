import type { Ruleset } from '@stoplight/spectral-core';
import { expandTargets } from '../load/expand-targets.js';
import type { FileFailure, Finding, Report } from '../report/finding.js';
import { sortFindings } from '../report/sort.js';
import { FindingSpool } from './finding-spool.js';
import { createInterner } from './intern-findings.js';
import { lintFile, type FileResult } from './lint-file.js';
import { buildRuleset, cacheFor, type RulesetRecipe } from './ruleset-recipe.js';
import { firedRuleDescriptions } from './ruleset-summary.js';
import { lintOnWorkers, MIN_FILES_FOR_WORKERS } from './worker-pool.js';

export interface LintRun {
  patterns: string[];
  cwd: string;
  recipe: RulesetRecipe;
  /** Worker threads for many files; 1 lints in this thread. */
  jobs: number;
  /** Called after each file, for progress. */
  onFile?: (done: number, total: number) => void;
  /** The recipe's ruleset when the caller has built it already (to check config against it). */
  ruleset?: Ruleset;
  /** Keep the findings of a run on worker threads on disk (finding-spool.ts), for a caller that streams the report. */
  spool?: boolean;
}

/** A lint report; when spooled, its findings are in `spool` (in report order) and `findings` is empty. */
export interface LintReport extends Report {
  spool?: FindingSpool;
}

/**
 * Lints every file the patterns name. A file that cannot be linted is recorded as a failure
 * and the others are still linted. Returns one report sorted by file, line, column and rule.
 */
export async function runLint(run: LintRun): Promise<LintReport> {
  const { files, failures } = await expandTargets(run.patterns, run.cwd);
  const onWorkers = run.jobs > 1 && files.length >= MIN_FILES_FOR_WORKERS;
  const findings: Finding[] = [];
  const allFailures: FileFailure[] = [...failures];
  const sources: string[] = [];
  let done = 0;
  let cached = 0;
  const intern = createInterner();
  // Findings from worker threads arrive as copies and are interned (intern-findings.ts); this
  // thread's own share the strings they were made from, and a run here lints only a few files.
  const keep = (result: FileResult, copied: boolean) => {
    if ('failure' in result) allFailures.push(result.failure);
    else {
      if (spool) spool.add(result.findings);
      else for (const finding of copied ? intern(result.findings) : result.findings) findings.push(finding);
      sources.push(result.source);
      if (result.cached) cached += 1;
    }
    run.onFile?.((done += 1), files.length);
  };
  const collect = (result: FileResult) => keep(result, true);
  // The ruleset is built here even when workers lint, so a broken ruleset or config fails the run once, up front.
  const ruleset: Ruleset = run.ruleset ?? (await buildRuleset(run.recipe));
  // Created once nothing but the workers can fail; closed here if they do, else by the caller.
  const spool = run.spool && onWorkers ? new FindingSpool() : undefined;
  if (onWorkers) {
    await lintOnWorkers(files, run.jobs, run.recipe, run.cwd, collect).catch((error: unknown) => {
      spool?.close();
      throw error;
    });
  } else {
    const cache = cacheFor(run.recipe, ruleset);
    for (const file of files) {
      const result = await lintFile(file, run.cwd, ruleset, cache);
      // This thread's stack is Node's default; a worker thread gets a much larger one (runtime/stack-size.ts).
      if ('failure' in result && result.stackExhausted) await lintOnWorkers([file], 1, run.recipe, run.cwd, collect);
      else keep(result, false);
    }
  }
  allFailures.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const fired = spool ? spool.firedRules() : new Set(findings.map((f) => f.ruleId));
  return { findings: sortFindings(findings), failures: allFailures, sources: sources.sort(), cached, ruleDescriptions: describeRules(ruleset, fired), ...(spool ? { spool } : null) };
}

/** Descriptions of the rules that fired, for formatters. */
function describeRules(ruleset: Ruleset, fired: ReadonlySet<string>): Record<string, string> {
  return firedRuleDescriptions(fired, (id) => ruleset.rules[id]?.description);
}
