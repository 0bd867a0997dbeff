import { Command, CommanderError } from 'commander';
import { isApigovError } from '../errors.js';
import { specLimitsFromEnv } from '../load/spec-limits.js';
import { fetchTimeoutFromEnv, withRunContext, type RunContext } from '../runtime/run-context.js';
import { enableLinearRegexFallback } from '../runtime/linear-regex.js';
import { VERSION } from '../version.js';
import type { Io } from './io.js';
import { registerCheck } from './check-command.js';
import { registerDiff } from './diff-command.js';
import { registerInit } from './init-command.js';
import { registerLint } from './lint-command.js';
import { registerRules } from './rules-command.js';
import { registerRuleset } from './ruleset-command.js';
import { runWithTimeout } from './timed-run.js';
import { addTimeoutOption, requestedTimeout } from './timeout-option.js';
import { addRefOptions, applyRefOptions } from './ref-options.js';

/** Options every command that reads untrusted input shares (docs/security.md). */
function addHardeningOptions(program: Command): void {
  const command = (name: string) => program.commands.find((c) => c.name() === name)!;
  for (const name of ['lint', 'diff', 'check']) addTimeoutOption(command(name));
  for (const name of ['lint', 'diff', 'check']) addRefOptions(command(name));
  const rulesetTest = command('ruleset').commands.find((c) => c.name() === 'test')!;
  for (const taker of [command('lint'), command('check'), command('rules'), rulesetTest]) {
    taker.option('--allow-remote-ruleset', 'load an http(s) ruleset URL (YAML/JSON only: no JS, no custom functions)', false);
  }
}

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
  addHardeningOptions(program);
  return program;
}

/**
 * Runs apigov with the given arguments (without `node` and the script) and returns the exit
 * code. Never exits the process and never throws: every failure becomes a message and 2.
 * With --timeout the run happens on a worker thread this one can stop (timed-run.ts).
 */
export async function run(argv: string[], io: Io): Promise<number> {
  // Before any spec or ruleset pattern is compiled (docs/security.md, "Regular expressions"). Not
  // as this module loads: it is in the start-up snapshot, which V8 refuses under other flags.
  enableLinearRegexFallback();
  const seconds = requestedTimeout(argv);
  return seconds === undefined ? runInProcess(argv, io) : runWithTimeout(argv, io, seconds);
}

/** `run` on this thread, without a time limit. */
export async function runInProcess(argv: string[], io: Io): Promise<number> {
  enableLinearRegexFallback();
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    // Limits and policy hold for everything this run reads (APIGOV_MAX_SPEC_BYTES, APIGOV_FETCH_TIMEOUT, --allow-remote-ruleset, --allow-remote, --ref-root).
    const context: RunContext = { limits: specLimitsFromEnv(io.env), allowRemoteRuleset: false, allowRemote: false, trustedOrigins: [], fetchTimeoutMs: fetchTimeoutFromEnv(io.env) };
    program.hook('preAction', (_program, command) => {
      context.allowRemoteRuleset = command.opts().allowRemoteRuleset === true;
      applyRefOptions(context, command, io.cwd);
    });
    await withRunContext(context, () => program.parseAsync(argv, { from: 'user' }));
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
