import path from 'node:path';
import { checkRuleIds } from '../config/check-rule-ids.js';
import type { ApigovConfig } from '../config/types.js';
import type { LintSettings } from '../config/lint-settings.js';
import type { LintReport } from '../lint/run-lint.js';
import { readRulesetSummary, summarizeRuleset, summaryKey, writeRulesetSummary } from '../lint/ruleset-summary.js';
import { warmRun } from '../lint/warm-run.js';
import { applyOverrides, rulesOverridesEnable } from '../overrides/apply-overrides.js';

export interface LintStage {
  settings: LintSettings;
  config?: ApigovConfig;
  cwd: string;
  onFile?: (done: number, total: number) => void;
  /** The caller streams the report: findings of a many-file run may stay on disk (run-lint.ts). */
  spool?: boolean;
}

/**
 * Lints with the run's ruleset tuned by apigov.yaml: rule ids in the config are checked against
 * the loaded ruleset first (an unknown id is a config error with its line), then the specs are
 * linted and per-path overrides applied. The report's findings are the overridden ones.
 */
export async function lintStage({ settings, config, cwd, onFile, spool }: LintStage): Promise<LintReport> {
  const overrides = config?.overrides ?? [];
  const recipe = {
    reference: settings.ruleset,
    base: settings.rulesetOrigin === 'config' && config ? path.dirname(config.file) : cwd,
    options: config?.options ?? {},
    rules: config?.rules ?? {},
    configFile: config?.file,
    cacheDir: settings.cacheDir,
    overrideRules: rulesOverridesEnable(overrides),
  };
  // Every file unchanged since a run with the same built-in ruleset and settings: the report
  // comes from the result cache, without building the ruleset (warm-run.ts). No summary id
  // unless caching is on and the ruleset is built in.
  const summaryId = summaryKey(recipe);
  const summary = summaryId === undefined ? undefined : await readRulesetSummary(recipe.cacheDir!, summaryId);
  if (summary !== undefined) {
    if (config) checkRuleIds(config, new Set(summary.loadedRuleIds));
    const warm = await warmRun({ patterns: settings.patterns, cwd, recipe, summary, onFile });
    if (warm !== undefined) return { ...warm, findings: await applyOverrides(warm.findings, overrides, new Set(summary.dormant)) };
  }
  const { runLint } = await import('../lint/run-lint.js');
  const { buildRuleset, rulesEnabledOnlyForOverrides } = await import('../lint/ruleset-recipe.js');
  let loadedRuleIds: ReadonlySet<string> = new Set();
  const ruleset = await buildRuleset(recipe, (ids) => {
    loadedRuleIds = ids;
    if (config) checkRuleIds(config, ids);
  });
  if (summaryId !== undefined && summary === undefined) {
    await writeRulesetSummary(recipe.cacheDir!, summaryId, summarizeRuleset(ruleset, [...loadedRuleIds], rulesEnabledOnlyForOverrides(ruleset)));
  }
  // Overrides rewrite findings one by one: a spooled report would have to be read back for them.
  const report = await runLint({ patterns: settings.patterns, cwd, recipe, jobs: settings.jobs, onFile, ruleset, spool: spool === true && overrides.length === 0 });
  if (report.spool) return report;
  return { ...report, findings: await applyOverrides(report.findings, overrides, rulesEnabledOnlyForOverrides(ruleset)) };
}
