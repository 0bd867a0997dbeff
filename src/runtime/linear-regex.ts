import v8 from 'node:v8';

let enabled = false;

/**
 * Patterns in specs (`pattern:` keywords, whose examples Spectral validates) and rulesets are run
 * by V8's backtracking engine, where `^(a+)+$` against 31 a's and a "!" takes minutes. V8 ships a
 * linear-time engine and can switch a regular expression to it once it has backtracked too much
 * (50,000 times by default); results stay the same, only the time is bounded. The switch covers
 * patterns without backreferences, lookaround and the `i`/`u` flags (Spectral compiles schema
 * patterns without `u`); for the rest, `--timeout` is the bound. The flag is process-wide and must
 * be set before the patterns are compiled, so the CLI sets it first thing.
 */
export function enableLinearRegexFallback(): void {
  if (enabled) return;
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  enabled = true;
}
