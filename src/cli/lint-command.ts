import path from 'node:path';
import type { Command } from 'commander';
import { findSpectralRuleset, loadConfig } from '../config/load-config.js';
import { mergeLintSettings, type LintFlags } from '../config/lint-settings.js';
import { FORMATS_REPORTING_FAILURES, LINT_FORMATTERS } from '../report/formatters/index.js';
import { exitCodeFor, isAtOrAbove } from '../report/threshold.js';
import { colorEnabled, type Io } from './io.js';
import { createProgress } from './progress.js';
import { defaultCacheDir } from './cache-dir.js';
import { writeOutputFile } from './write-output.js';

export async function lintCommand(args: string[], flags: LintFlags & { verbose: boolean }, io: Io): Promise<number> {
  // Spectral and rollup load only when a lint actually runs, so --help and --version stay instant.
  const { runLint } = await import('../lint/run-lint.js');
  const config = await loadConfig(io.cwd);
  const settings = mergeLintSettings(args, flags, config, findSpectralRuleset(io.cwd), Object.keys(LINT_FORMATTERS));
  const started = performance.now();
  const recipe = {
    reference: settings.ruleset,
    base: settings.rulesetOrigin === 'config' && config ? path.dirname(config.file) : io.cwd,
    options: config?.options ?? {},
    rules: config?.rules ?? {},
    configFile: config?.file,
    cacheDir: settings.cacheDir,
  };
  const progress = createProgress(io);
  const report = await runLint({ patterns: settings.patterns, cwd: io.cwd, recipe, jobs: settings.jobs, onFile: progress.update });
  progress.done();
  const exitCode = exitCodeFor(report, settings.failSeverity);
  const shown = settings.displayOnlyFailures
    ? { ...report, findings: report.findings.filter((f) => isAtOrAbove(f, settings.failSeverity)) }
    : report;
  for (const failure of report.failures) io.stderr(`apigov: ${failure.message}\n`);
  const quietAndClean = settings.quiet && shown.findings.length === 0 && settings.format === 'stylish';
  const hasSomethingToSay = shown.sources.length > 0 || report.failures.length === 0 || FORMATS_REPORTING_FAILURES.has(settings.format);
  if (!quietAndClean && hasSomethingToSay) {
    const text = LINT_FORMATTERS[settings.format]!(shown, { color: colorEnabled(io) && !settings.output, cwd: io.cwd });
    if (settings.output) await writeOutputFile(path.resolve(io.cwd, settings.output), text);
    else io.stdout(text);
  }
  if (flags.verbose) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stderr(`apigov: ruleset ${settings.ruleset} (${settings.rulesetOrigin}), ${report.sources.length} file(s) (${report.cached ?? 0} from cache) in ${seconds}s\n`);
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
    .action(async (specs: string[], options: LintFlags) => {
      const verbose = Boolean(program.opts().verbose);
      setExit(await lintCommand(specs, { ...options, verbose, cacheRoot: defaultCacheDir(io) }, io));
    });
}
