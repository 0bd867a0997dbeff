import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built binary, what `npx apigov` runs. */
export const BIN = path.join(ROOT, 'bin', 'apigov.js');

/**
 * Runs the built binary as a user would: no colour, and without NODE_OPTIONS (Node options keep a
 * run off the start-up snapshot, runtime/snapshot-launch.cts); `env` is added to the environment.
 */
export function runBinary(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  const timeout = options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const };
  return spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: binaryEnv(options.env), ...timeout });
}

/** The environment runBinary gives the binary: this one without NODE_OPTIONS, no colour, then `extra`. */
export function binaryEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  return { ...inherited, NO_COLOR: '1', ...extra };
}
