import type { Command } from 'commander';
import type { Io } from './io.js';

interface RulesetTestFlags {
  ruleset?: string;
}

/** Exit 0 when every case passes, 1 when one fails; bad input throws (exit 2) before any case runs. */
export async function rulesetTestCommand(dir: string, flags: RulesetTestFlags, io: Io): Promise<number> {
  // The lint engine loads only when tests actually run, so --help stays instant.
  const { runRulesetTests } = await import('../ruleset-test/run-ruleset-tests.js');
  const { formatCaseResult, formatSummary, passed } = await import('../ruleset-test/format-results.js');
  const results = await runRulesetTests({ dir, ruleset: flags.ruleset, cwd: io.cwd, onResult: (result) => io.stdout(formatCaseResult(result)) });
  io.stdout(formatSummary(results));
  return results.every(passed) ? 0 : 1;
}

export function registerRuleset(program: Command, io: Io, setExit: (code: number) => void): void {
  const ruleset = program.command('ruleset').description('tools for ruleset authors: ruleset test <dir>');
  ruleset
    .command('test')
    .description('run each rule of a ruleset against the test cases kept next to it (<rule-id>/<case>.yaml + expected findings)')
    .argument('<dir>', 'the test directory: one folder per rule id')
    .option('-r, --ruleset <name|file|package>', 'the ruleset under test (default: .spectral.yaml or ruleset.yaml in <dir>)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action(async (dir: string, options: RulesetTestFlags) => setExit(await rulesetTestCommand(dir, options, io)));
}
