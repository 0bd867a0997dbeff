import { Command, CommanderError } from 'commander';
import { isApigovError } from '../errors.js';
import { specLimitsFromEnv, withSpecLimits } from '../load/spec-limits.js';
import { VERSION } from '../version.js';
import type { Io } from './io.js';
import { registerCheck } from './check-command.js';
import { registerDiff } from './diff-command.js';
import { registerInit } from './init-command.js';
import { registerLint } from './lint-command.js';
import { registerRules } from './rules-command.js';
import { registerRuleset } from './ruleset-command.js';

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('apigov')
    .description('API design linting and governance for OpenAPI descriptions')
    .version(VERSION, '-V, --version')
    .option('-v, --verbose', 'print timings, and stack traces for internal errors', false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerLint(program, io, setExit);
  registerDiff(program, io, setExit);
  registerRules(program, io, setExit);
  registerCheck(program, io, setExit);
  registerInit(program, io, setExit);
  registerRuleset(program, io, setExit);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

/**
 * Runs apigov with the given arguments (without `node` and the script) and returns the exit
 * code. Never exits the process and never throws: every failure becomes a message and 2.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    // Spec size and structure limits hold for everything this run reads (APIGOV_MAX_SPEC_BYTES).
    await withSpecLimits(specLimitsFromEnv(io.env), () => program.parseAsync(argv, { from: 'user' }));
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end through here with code 0; usage mistakes were already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isApigovError(error)) {
      io.stderr(`apigov: ${error.message}\n`);
      if (argv.includes('--verbose') || argv.includes('-v')) io.stderr(`${(error.cause as Error | undefined)?.stack ?? error.stack}\n`);
      return error.exitCode;
    }
    const problem = error instanceof Error ? error : new Error(String(error));
    io.stderr(`apigov: internal error: ${problem.message.split('\n')[0]}${argv.includes('--verbose') || argv.includes('-v') ? '' : ' (run with --verbose for details)'}\n`);
    if (argv.includes('--verbose') || argv.includes('-v')) io.stderr(`${problem.stack}\n`);
    return 2;
  }
}
