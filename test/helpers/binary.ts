import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built binary, what `npx apigov` runs. */
export const BIN = path.join(ROOT, 'bin', 'apigov.js');

/**
 * Runs the built binary as a user would: no colour, and without NODE_OPTIONS (Node options keep a
 * run off the start-up snapshot, runtime/snapshot-launch.cts); `env` is added to the environment.
 */
export function runBinary(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', ...options.env } });
}
