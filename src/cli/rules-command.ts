import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { RULE_FORMATTERS } from '../report/rules/index.js';
import type { Io } from './io.js';
import { writeOutputFile } from './write-output.js';

interface RulesFlags {
  ruleset: string;
  format: string;
  output?: string;
}

export async function rulesCommand(flags: RulesFlags, io: Io): Promise<number> {
  const formatter = RULE_FORMATTERS[flags.format];
  if (!formatter) throw new UsageError(`--format: unknown format "${flags.format}" (available: ${Object.keys(RULE_FORMATTERS).join(', ')})`);
  const { buildCatalog } = await import('../lint/rule-catalog.js');
  const rules = await buildCatalog(flags.ruleset, io.cwd);
  const { allCheckIds } = await import('../diff/registry.js');
  // The diff checks belong to apigov itself, so they are listed with the default ruleset only.
  const diffChecks = flags.ruleset === 'apigov:recommended' ? allCheckIds().map(({ id, level, direction, check, description }) => ({ id, level, direction, check, description })) : [];
  const text = formatter({ ruleset: flags.ruleset, rules, diffChecks });
  if (flags.output) await writeOutputFile(path.resolve(io.cwd, flags.output), text);
  else io.stdout(text);
  return 0;
}

export function registerRules(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description('list every lint rule and diff check with severity, rationale and examples')
    .option('-r, --ruleset <name|file|package>', 'the ruleset to describe', 'apigov:recommended')
    .option('-f, --format <format>', Object.keys(RULE_FORMATTERS).join(', '), 'text')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (options: RulesFlags) => setExit(await rulesCommand(options, io)));
}
