import path from 'node:path';
import { loadRuleset } from '../lint/load-ruleset.js';
import { lintOnlyRules, ruleLookup } from '../lint/lint-only-rules.js';
import { loadSpec, type LoadedSpec } from '../load/load-spec.js';
import { discoverCases } from './discover-cases.js';
import { diffFindings, reported, type FindingsDiff } from './diff-findings.js';
import { findRulesetIn } from './find-ruleset.js';
import { planCases, type TestCase } from './plan-cases.js';

export interface CaseResult {
  testCase: TestCase;
  diff: FindingsDiff;
}

export interface RulesetTestRun {
  dir: string;
  /** --ruleset as given (resolved from cwd); else the ruleset file found in dir. */
  ruleset?: string;
  cwd: string;
  /** Called as each case finishes, so a long suite shows progress. */
  onResult: (result: CaseResult) => void;
}

/**
 * Runs every case of a ruleset's test directory through the real lint engine. Everything
 * that can be wrong with the input (directory, ruleset, expectation files, specs) is checked
 * before the first case runs, so a bad input is one error and no half-printed run.
 */
export async function runRulesetTests(run: RulesetTestRun): Promise<CaseResult[]> {
  const display = (file: string) => path.relative(run.cwd, file) || '.';
  const dir = path.resolve(run.cwd, run.dir);
  const discovered = discoverCases(dir, display);
  const ruleset = run.ruleset === undefined ? await loadRuleset(findRulesetIn(dir, display), dir) : await loadRuleset(run.ruleset, run.cwd);
  const cases = planCases(dir, discovered, ruleLookup(ruleset), display);
  const specs = new Map<string, LoadedSpec>();
  for (const testCase of cases) if (!specs.has(testCase.spec)) specs.set(testCase.spec, await loadSpec(testCase.spec, display(testCase.spec)));
  const results: CaseResult[] = [];
  for (const testCase of cases) {
    const findings = await lintOnlyRules(specs.get(testCase.spec)!, ruleset, testCase.rules, testCase.options);
    const result = { testCase, diff: diffFindings(testCase.findings, findings.map(reported)) };
    results.push(result);
    run.onResult(result);
  }
  return results;
}
