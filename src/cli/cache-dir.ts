import { homedir } from 'node:os';
import path from 'node:path';
import type { Io } from './io.js';

/** $APIGOV_CACHE_DIR, else $XDG_CACHE_HOME/apigov, else ~/.cache/apigov. */
export function defaultCacheDir(io: Io): string {
  if (io.env.APIGOV_CACHE_DIR) return path.resolve(io.cwd, io.env.APIGOV_CACHE_DIR);
  return path.join(io.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'apigov');
}
