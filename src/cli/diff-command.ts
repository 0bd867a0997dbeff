import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { DIFF_FORMATS_WITH_POSITIONS, DIFF_FORMATTERS } from '../report/diff-formatters/index.js';
import { colorEnabled, type Io } from './io.js';
import { writeOutputFile } from './write-output.js';

interface DiffFlags {
  format: string;
  failOn: string;
  output?: string;
  allowRemote: boolean;
}

const FAIL_LEVELS = ['error', 'warn', 'info'];

export async function diffCommand(base: string, revision: string, flags: DiffFlags, io: Io): Promise<number> {
  const formatter = DIFF_FORMATTERS[flags.format];
  if (!formatter) throw new UsageError(`--format: unknown format "${flags.format}" (available: ${Object.keys(DIFF_FORMATTERS).join(', ')})`);
  const failAt = FAIL_LEVELS.indexOf(flags.failOn);
  if (failAt === -1) throw new UsageError(`--fail-on: must be error, warn or info (got "${flags.failOn}")`);
  const { runDiff } = await import('../diff/run.js');
  // Sunset dates are compared with today's date; APIGOV_TODAY pins it for reproducible runs.
  const today = io.env.APIGOV_TODAY ?? new Date().toISOString().slice(0, 10);
  const report = await runDiff(base, revision, { cwd: io.cwd, allowRemote: flags.allowRemote, today, locate: DIFF_FORMATS_WITH_POSITIONS.has(flags.format) });
  const text = formatter(report, { color: colorEnabled(io) && !flags.output, cwd: io.cwd });
  if (flags.output) await writeOutputFile(path.resolve(io.cwd, flags.output), text);
  else io.stdout(text);
  return report.changes.some((c) => FAIL_LEVELS.indexOf(c.level) <= failAt) ? 1 : 0;
}

export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('report the changes between two versions of an API description, breaking ones first')
    .argument('<base>', 'the old version: a file, a git revision REF:path, or a URL (with --allow-remote)')
    .argument('<revision>', 'the new version, same forms')
    .option('-f, --format <format>', `report format: ${Object.keys(DIFF_FORMATTERS).join(', ')}`, 'text')
    .option('--fail-on <level>', 'lowest level that fails the run: error, warn, info', 'error')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--allow-remote', 'allow http(s) URLs as base or revision', false)
    .action(async (base: string, revision: string, options: DiffFlags) => setExit(await diffCommand(base, revision, options, io)));
}
