import path from 'node:path';
import type { Command } from 'commander';
import { findSpectralRuleset, loadConfig } from '../config/load-config.js';
import { mergeLintSettings, type LintFlags } from '../config/lint-settings.js';
import { DIFF_LEVELS, type DiffLevel } from '../config/types.js';
import { checkFormatters } from '../check/formatters/index.js';
import { UsageError } from '../errors.js';
import { todayFrom } from '../waivers/today.js';
import { defaultCacheDir } from './cache-dir.js';
import { colorEnabled, type Io } from './io.js';
import { createProgress } from './progress.js';
import { useConfigRefRoot } from './ref-options.js';
import { writeOutputFile } from './write-output.js';
import { isHttpUrl } from '../load/http-url.js';

interface CheckFlags extends Pick<LintFlags, 'ruleset' | 'format' | 'output' | 'failSeverity' | 'jobs' | 'cache' | 'cacheDir'> {
  base?: string;
  profile?: string;
  failOn?: string;
  baseline?: string;
  updateBaseline: boolean;
}

export async function checkCommand(args: string[], flags: CheckFlags, io: Io): Promise<number> {
  const formats = checkFormatters();
  if (flags.failOn !== undefined && !(DIFF_LEVELS as readonly string[]).includes(flags.failOn)) throw new UsageError(`--fail-on: must be error, warn or info (got "${flags.failOn}")`);
  // check diffs each spec against its version in git; a URL has none.
  const url = args.find(isHttpUrl);
  if (url) throw new UsageError(`${url}: check compares specs with their base version in git, so it takes files; lint or diff a URL`);
  const config = await loadConfig(io.cwd);
  useConfigRefRoot(config);
  const settings = mergeLintSettings(args, { ...flags, displayOnlyFailures: false, quiet: false, cacheRoot: defaultCacheDir(io) }, config, findSpectralRuleset(io.cwd), Object.keys(formats));
  const today = todayFrom(io.env);
  const { runCheck } = await import('../check/run-check.js');
  const progress = createProgress(io);
  const { report, governed } = await runCheck({
    cwd: io.cwd,
    today,
    config,
    settings,
    baseFlag: flags.base,
    profile: flags.profile,
    failOn: flags.failOn as DiffLevel | undefined,
    baselineFlag: flags.baseline,
    updateBaseline: flags.updateBaseline,
    usedConfigSpecs: args.length === 0,
    onFile: progress.update,
  });
  progress.done();
  if (governed.update) await writeOutputFile(governed.baseline.file, governed.update.text, 'the baseline');
  for (const failure of report.failures) io.stderr(`apigov: ${failure.message}\n`);
  const text = formats[settings.format]!(report, { color: colorEnabled(io) && !settings.output, cwd: io.cwd });
  if (settings.output) await writeOutputFile(path.resolve(io.cwd, settings.output), text);
  else io.stdout(text);
  return report.exitCode;
}

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('the CI gate: lint the specs and diff each against the base branch, one report, one exit code')
    .argument('[specs...]', 'spec files or globs (default: the specs apigov.yaml names)')
    .option('--base <git-ref>', 'compare with this commit, branch or tag (default: the merge base of HEAD and the default branch)')
    .option('-f, --format <format>', `report format: ${Object.keys(checkFormatters()).join(', ')}`, 'text')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-r, --ruleset <name|file|package>', 'lint ruleset (default: apigov.yaml ruleset, else apigov:recommended)')
    .option('-F, --fail-severity <severity>', 'lowest lint severity that fails the run: error, warn, info, hint', 'error')
    .option('--fail-on <level>', 'lowest API change level that fails the run, for every spec (default: the diff policy in apigov.yaml, else error)')
    .option('--profile <name>', 'use this diff profile of apigov.yaml for every spec')
    .option('--baseline <file>', 'baseline file of known findings (default: apigov.yaml baseline:, else .apigov-baseline.json)')
    .option('--update-baseline', 'record the current findings as the baseline (drops fixed entries)', false)
    .option('-j, --jobs <n>', 'worker threads for many files (default: the number of cores)')
    .option('--no-cache', 'lint every file again instead of reusing results for unchanged files')
    .option('--cache-dir <dir>', 'where lint results are cached (default: $APIGOV_CACHE_DIR, else ~/.cache/apigov)')
    .action(async (specs: string[], options: CheckFlags) => setExit(await checkCommand(specs, options, io)));
}
