import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { DIFF_LEVELS, type DiffLevel } from '../config/types.js';
import { LEVEL_RANK } from '../diff/types.js';
import { UsageError } from '../errors.js';
import { DIFF_FORMATS_WITH_POSITIONS, DIFF_FORMATTERS } from '../report/diff-formatters/index.js';
import { todayFrom } from '../waivers/today.js';
import { colorEnabled, type Io } from './io.js';
import { useConfigRefRoot } from './ref-options.js';
import { writeOutputFile } from './write-output.js';

interface DiffFlags {
  format: string;
  /** Absent: the diff policy of apigov.yaml decides (else error). */
  failOn?: string;
  profile?: string;
  output?: string;
  allowRemote: boolean;
}

/** `apigov.yaml:12:5: <message>` for a finding about the config, as one stderr line. */
function configLine(finding: { source: string; range?: { start: { line: number; character: number } }; message: string }, cwd: string): string {
  const file = path.relative(cwd, finding.source) || finding.source;
  const at = finding.range ? `:${finding.range.start.line + 1}:${finding.range.start.character + 1}` : '';
  return `${file}${at}: ${finding.message}`;
}

export async function diffCommand(base: string, revision: string, flags: DiffFlags, io: Io): Promise<number> {
  const formatter = DIFF_FORMATTERS[flags.format];
  if (!formatter) throw new UsageError(`--format: unknown format "${flags.format}" (available: ${Object.keys(DIFF_FORMATTERS).join(', ')})`);
  if (flags.failOn !== undefined && !(DIFF_LEVELS as readonly string[]).includes(flags.failOn)) throw new UsageError(`--fail-on: must be error, warn or info (got "${flags.failOn}")`);
  const config = await loadConfig(io.cwd);
  useConfigRefRoot(config);
  // Sunset dates and waiver expiry are judged against today's date; APIGOV_TODAY pins it for reproducible runs.
  const today = todayFrom(io.env);
  const { runDiff } = await import('../diff/run.js');
  const { governDiff } = await import('../governance/govern-diff.js');
  const raw = await runDiff(base, revision, { cwd: io.cwd, allowRemote: flags.allowRemote, today, locate: DIFF_FORMATS_WITH_POSITIONS.has(flags.format) });
  const { report, policy, expired } = await governDiff(raw, { config, profile: flags.profile, failOn: flags.failOn as DiffLevel | undefined, today });
  const text = formatter(report, { color: colorEnabled(io) && !flags.output, cwd: io.cwd });
  if (flags.output) await writeOutputFile(path.resolve(io.cwd, flags.output), text);
  else io.stdout(text);
  // An expired waiver fails the run as it does in lint and check: the exception it granted is due.
  for (const finding of expired) io.stderr(`apigov: ${configLine(finding, io.cwd)}\n`);
  const waived = report.suppressed?.length ?? 0;
  if (waived > 0) io.stderr(`apigov: not counted: ${waived} waived\n`);
  const fails = report.changes.some((c) => LEVEL_RANK[c.level] <= LEVEL_RANK[policy.failOn]);
  return fails || expired.length > 0 ? 1 : 0;
}

export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('report the changes between two versions of an API description, breaking ones first')
    .argument('<base>', 'the old version: a file, a git revision REF:path, or a URL (with --allow-remote)')
    .argument('<revision>', 'the new version, same forms')
    .option('-f, --format <format>', `report format: ${Object.keys(DIFF_FORMATTERS).join(', ')}`, 'text')
    .option('--fail-on <level>', 'lowest level that fails the run: error, warn, info (default: diff.fail-on of apigov.yaml, else error)')
    .option('--profile <name>', 'use this diff profile of apigov.yaml (default: the profile whose specs select the revision)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--allow-remote', 'allow http(s) URLs as base or revision', false)
    .action(async (base: string, revision: string, options: DiffFlags) => setExit(await diffCommand(base, revision, options, io)));
}
