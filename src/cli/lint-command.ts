import path from 'node:path';
import type { Command } from 'commander';
import { findSpectralRuleset, loadConfig } from '../config/load-config.js';
import { mergeLintSettings, type LintFlags, type LintSettings } from '../config/lint-settings.js';
import { governRun, type GovernedRun } from '../governance/govern-run.js';
import { lintStage } from '../governance/lint-stage.js';
import { suppressedFindings } from '../governance/suppressed.js';
import { FORMATS_REPORTING_FAILURES, LINT_CHUNKED_FORMATTERS, LINT_FORMATTERS } from '../report/formatters/index.js';
import type { Report, Severity } from '../report/finding.js';
import type { StreamedReport } from '../report/formatters/types.js';
import { exitCodeFor, isAtOrAbove } from '../report/threshold.js';
import type { FindingSpool } from '../lint/finding-spool.js';
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
  // A report that can be written piece by piece, unfiltered, may keep a many-file run's findings on disk.
  const streamable = settings.format in LINT_CHUNKED_FORMATTERS && !settings.displayOnlyFailures && !flags.updateBaseline;
  let linted = await lintStage({ settings, config, cwd: io.cwd, onFile: progress.update, spool: streamable });
  progress.done();
  try {
    const governOptions = { config, cwd: io.cwd, today, baselineFlag: flags.baseline, updateBaseline: Boolean(flags.updateBaseline), usedConfigSpecs: args.length === 0 };
    let governed = await governRun(linted, { ...governOptions, findingSources: linted.spool?.sources() });
    if (linted.spool && !governed.excusesNothing) {
      // Waivers, inline ignores and a baseline judge findings one by one: read them back into memory.
      const { spool, ...inMemory } = linted;
      linted = { ...inMemory, findings: [...spool.findings()] };
      spool.close();
      governed = await governRun(linted, governOptions);
    }
    if (governed.update) await writeOutputFile(governed.baseline.file, governed.update.text, 'the baseline');
    const outcome = linted.spool ? spooledOutcome(linted, linted.spool, settings.failSeverity) : judgedOutcome(linted, governed, settings);
    for (const failure of linted.failures) io.stderr(`apigov: ${failure.message}\n`);
    await writeReport(outcome.shown, outcome.nothingShown, settings, io);
    if (!settings.quiet || governed.update) for (const line of governanceNotes(governed, io.cwd)) io.stderr(`apigov: ${line}\n`);
    if (flags.verbose) {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const ruleset = Array.isArray(settings.ruleset) ? settings.ruleset.join(' + ') : settings.ruleset;
      io.stderr(`apigov: ruleset ${ruleset} (${settings.rulesetOrigin}), ${linted.sources.length} file(s) (${linted.cached ?? 0} from cache) in ${seconds}s\n`);
    }
    return outcome.exitCode;
  } finally {
    linted.spool?.close();
  }
}

interface Outcome {
  /** What the formatter is given. */
  shown: StreamedReport;
  nothingShown: boolean;
  exitCode: number;
}

/**
 * Waived and baselined findings are not counted, so formatters and the exit code see only the
 * rest; formats that can record them as suppressed (SARIF) get them apart.
 */
function judgedOutcome(linted: Report, governed: GovernedRun, settings: LintSettings): Outcome {
  const report = { ...linted, findings: governed.result.findings.filter((j) => j.status === 'new').map((j) => j.finding), suppressed: suppressedFindings(governed.result.findings) };
  const shown = settings.displayOnlyFailures
    ? { ...report, findings: report.findings.filter((f) => isAtOrAbove(f, settings.failSeverity)), suppressed: report.suppressed.filter((s) => isAtOrAbove(s.finding, settings.failSeverity)) }
    : report;
  return { shown, nothingShown: shown.findings.length === 0, exitCode: exitCodeFor(report, settings.failSeverity) };
}

/** Governance excused nothing (govern-run.ts): the spooled findings are the report, in order, read as it is written. */
function spooledOutcome(linted: Report, spool: FindingSpool, failSeverity: Severity): Outcome {
  const exitCode = linted.failures.length > 0 ? 2 : spool.hasAtOrAbove(failSeverity) ? 1 : 0;
  return { shown: { ...linted, findings: { [Symbol.iterator]: () => spool.findings() }, suppressed: [] }, nothingShown: spool.count === 0, exitCode };
}

async function writeReport(shown: StreamedReport, nothingShown: boolean, settings: LintSettings, io: Io): Promise<void> {
  if (settings.quiet && nothingShown && settings.format === 'stylish') return;
  // sarif, junit... record unlintable files in the report itself, so they are written even when every file failed.
  if (shown.sources.length === 0 && shown.failures.length > 0 && !FORMATS_REPORTING_FAILURES.has(settings.format)) return;
  const chunked = LINT_CHUNKED_FORMATTERS[settings.format];
  const text = chunked ? chunked(shown) : [LINT_FORMATTERS[settings.format]!(shown as Report, { color: colorEnabled(io) && !settings.output, cwd: io.cwd })];
  if (settings.output) await writeOutputFile(path.resolve(io.cwd, settings.output), text);
  else {
    for (const chunk of text) {
      io.stdout(chunk);
      await io.stdoutDrained?.();
    }
  }
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
