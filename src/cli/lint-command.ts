import path from 'node:path';
import type { Command } from 'commander';
import { findSpectralRuleset, loadConfig } from '../config/load-config.js';
import { mergeLintSettings, type LintFlags } from '../config/lint-settings.js';
import { governRun } from '../governance/govern-run.js';
import { lintStage } from '../governance/lint-stage.js';
import { suppressedFindings } from '../governance/suppressed.js';
import { FORMATS_REPORTING_FAILURES, LINT_CHUNKED_FORMATTERS, LINT_FORMATTERS } from '../report/formatters/index.js';
import { exitCodeFor, isAtOrAbove } from '../report/threshold.js';
import { todayFrom } from '../waivers/today.js';
import { colorEnabled, type Io } from './io.js';
import { createProgress } from './progress.js';
import { defaultCacheDir } from './cache-dir.js';
import { governanceNotes } from './governance-notes.js';
import { useConfigRefRoot } from './ref-options.js';
import { writeOutputFile } from './write-output.js';

export interface GovernanceFlags {
  baseline?: string;
  updateBaseline?: boolean;
}

export async function lintCommand(args: string[], flags: LintFlags & GovernanceFlags & { verbose: boolean }, io: Io): Promise<number> {
  const config = await loadConfig(io.cwd);
  useConfigRefRoot(config);
  const settings = mergeLintSettings(args, flags, config, findSpectralRuleset(io.cwd), Object.keys(LINT_FORMATTERS));
  const today = todayFrom(io.env);
  const started = performance.now();
  const progress = createProgress(io);
  const linted = await lintStage({ settings, config, cwd: io.cwd, onFile: progress.update });
  progress.done();
  const governed = await governRun(linted, { config, cwd: io.cwd, today, baselineFlag: flags.baseline, updateBaseline: Boolean(flags.updateBaseline), usedConfigSpecs: args.length === 0 });
  if (governed.update) await writeOutputFile(governed.baseline.file, governed.update.text, 'the baseline');
  // Waived and baselined findings are not counted, so formatters and the exit code see only the rest;
  // formats that can record them as suppressed (SARIF) get them apart.
  const report = { ...linted, findings: governed.result.findings.filter((j) => j.status === 'new').map((j) => j.finding), suppressed: suppressedFindings(governed.result.findings) };
  const exitCode = exitCodeFor(report, settings.failSeverity);
  const shown = settings.displayOnlyFailures
    ? { ...report, findings: report.findings.filter((f) => isAtOrAbove(f, settings.failSeverity)), suppressed: report.suppressed.filter((s) => isAtOrAbove(s.finding, settings.failSeverity)) }
    : report;
  for (const failure of report.failures) io.stderr(`apigov: ${failure.message}\n`);
  const quietAndClean = settings.quiet && shown.findings.length === 0 && settings.format === 'stylish';
  // sarif, junit... record unlintable files in the report itself, so they are written even when every file failed.
  const hasSomethingToSay = shown.sources.length > 0 || report.failures.length === 0 || FORMATS_REPORTING_FAILURES.has(settings.format);
  if (!quietAndClean && hasSomethingToSay) {
    const chunked = LINT_CHUNKED_FORMATTERS[settings.format];
    const text = chunked ? chunked(shown) : [LINT_FORMATTERS[settings.format]!(shown, { color: colorEnabled(io) && !settings.output, cwd: io.cwd })];
    if (settings.output) await writeOutputFile(path.resolve(io.cwd, settings.output), text);
    else for (const chunk of text) io.stdout(chunk);
  }
  if (!settings.quiet || governed.update) for (const line of governanceNotes(governed, io.cwd)) io.stderr(`apigov: ${line}\n`);
  if (flags.verbose) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const ruleset = Array.isArray(settings.ruleset) ? settings.ruleset.join(' + ') : settings.ruleset;
    io.stderr(`apigov: ruleset ${ruleset} (${settings.rulesetOrigin}), ${report.sources.length} file(s) (${report.cached ?? 0} from cache) in ${seconds}s\n`);
  }
  return exitCode;
}

export function registerLint(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description('lint OpenAPI/AsyncAPI descriptions with a Spectral ruleset')
    .argument('[specs...]', 'spec files or globs (default: the specs apigov.yaml names)')
    .option('-r, --ruleset <name|file|package>', 'apigov:recommended (default), apigov:naming|versioning|security|design, spectral:oas, spectral:asyncapi, a ruleset file or an npm package')
    .option('-f, --format <format>', `report format: ${Object.keys(LINT_FORMATTERS).join(', ')}`, 'stylish')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-F, --fail-severity <severity>', 'lowest severity that fails the run: error, warn, info, hint', 'error')
    .option('-D, --display-only-failures', 'show only findings at or above --fail-severity', false)
    .option('-q, --quiet', 'print nothing when there is nothing to report', false)
    .option('-j, --jobs <n>', 'worker threads for many files (default: the number of cores)')
    .option('--no-cache', 'lint every file again instead of reusing results for unchanged files')
    .option('--cache-dir <dir>', 'where results are cached (default: $APIGOV_CACHE_DIR, else ~/.cache/apigov)')
    .option('--baseline <file>', 'baseline file of known findings (default: apigov.yaml baseline:, else .apigov-baseline.json)')
    .option('--update-baseline', 'record the current findings as the baseline (drops fixed entries)', false)
    .action(async (specs: string[], options: LintFlags & GovernanceFlags) => {
      const verbose = Boolean(program.opts().verbose);
      setExit(await lintCommand(specs, { ...options, verbose, cacheRoot: defaultCacheDir(io) }, io));
    });
}
