import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';
import { severityFromName, type Severity } from '../report/finding.js';
import type { ApigovConfig } from './types.js';

export interface LintFlags {
  ruleset?: string;
  format: string;
  output?: string;
  failSeverity: string;
  displayOnlyFailures: boolean;
  quiet: boolean;
  jobs?: string;
  /** commander's --no-cache. */
  cache?: boolean;
  cacheDir?: string;
  /** The default cache folder for this environment. */
  cacheRoot?: string;
}

export interface LintSettings {
  /** One ruleset, or several from apigov.yaml. */
  ruleset: string | string[];
  /** Where the ruleset choice came from, for --verbose. */
  rulesetOrigin: 'flag' | 'config' | 'spectral-file' | 'default';
  patterns: string[];
  failSeverity: Severity;
  format: string;
  output?: string;
  displayOnlyFailures: boolean;
  quiet: boolean;
  jobs: number;
  /** undefined: no result cache. */
  cacheDir?: string;
}

/**
 * The one place flags and config meet. Ruleset: --ruleset, else apigov.yaml, else a
 * .spectral.* file in the working directory, else apigov:recommended. Specs: the
 * arguments, else the ones apigov.yaml lists.
 */
export function mergeLintSettings(
  args: string[],
  flags: LintFlags,
  config: ApigovConfig | undefined,
  spectralFile: string | undefined,
  formats: readonly string[],
): LintSettings {
  const failSeverity = severityFromName(flags.failSeverity);
  if (failSeverity === undefined) throw new UsageError(`--fail-severity: must be error, warn, info or hint (got "${flags.failSeverity}")`);
  const jobs = flags.jobs === undefined ? availableParallelism() : Number(flags.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs: must be a whole number of at least 1 (got "${flags.jobs}")`);
  if (!formats.includes(flags.format)) throw new UsageError(`--format: unknown format "${flags.format}" (available: ${formats.join(', ')})`);
  const patterns = args.length > 0 ? args : (config?.specs ?? []);
  if (patterns.length === 0) {
    throw new UsageError(config ? `${config.file}: names no specs; pass a spec file or glob` : 'no spec given: pass a spec file or glob, e.g. apigov lint openapi.yaml');
  }
  const [ruleset, rulesetOrigin]: [string | string[], LintSettings['rulesetOrigin']] = flags.ruleset
    ? [flags.ruleset, 'flag' as const]
    : config?.ruleset
      ? [config.ruleset, 'config' as const]
      : spectralFile
        ? [spectralFile, 'spectral-file' as const]
        : ['apigov:recommended', 'default' as const];
  return {
    ruleset,
    rulesetOrigin,
    patterns,
    failSeverity,
    format: flags.format,
    output: flags.output,
    displayOnlyFailures: flags.displayOnlyFailures,
    quiet: flags.quiet,
    jobs,
    cacheDir: flags.cache === false ? undefined : (flags.cacheDir ?? flags.cacheRoot),
  };
}
