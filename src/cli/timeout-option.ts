import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export const TIMEOUT_FLAG = '--timeout';

/** Seconds from the flag's text, or undefined when it is not a positive number. */
function secondsFrom(text: string): number | undefined {
  const seconds = Number(text);
  return text.trim() !== '' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * `--timeout <seconds>` as the user wrote it, read before commander runs: a run with a time limit
 * is started differently (on a worker thread the CLI can stop), so it must be known up front.
 * An invalid value returns undefined and is then reported by commander's parser below.
 */
export function requestedTimeout(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === TIMEOUT_FLAG) return argv[i + 1] === undefined ? undefined : secondsFrom(argv[i + 1]!);
    if (arg.startsWith(`${TIMEOUT_FLAG}=`)) return secondsFrom(arg.slice(TIMEOUT_FLAG.length + 1));
  }
  return undefined;
}

/** Declares --timeout on a command (lint, diff, check), so help lists it and bad values are usage errors. */
export function addTimeoutOption(command: Command): Command {
  return command.option(`${TIMEOUT_FLAG} <seconds>`, 'stop the run after this many seconds with exit 2, naming the file (and rule) it was busy with', (value: string) => {
    const seconds = secondsFrom(value);
    if (seconds === undefined) throw new UsageError(`${TIMEOUT_FLAG}: must be a number of seconds greater than 0 (got "${value}")`);
    return seconds;
  });
}
