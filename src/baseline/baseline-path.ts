import path from 'node:path';
import type { ApigovConfig } from '../config/types.js';
import { DEFAULT_BASELINE_FILE } from './baseline-file.js';

/**
 * Which baseline file a run uses: --baseline, else apigov.yaml `baseline:`, else
 * `.apigov-baseline.json` next to apigov.yaml (or in the working directory without one).
 */
export function baselinePath(flag: string | undefined, config: ApigovConfig | undefined, cwd: string): string {
  if (flag !== undefined) return path.resolve(cwd, flag);
  if (config?.baseline) return config.baseline;
  return path.join(config ? path.dirname(config.file) : cwd, DEFAULT_BASELINE_FILE);
}
