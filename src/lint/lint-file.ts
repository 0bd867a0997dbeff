import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { isApigovError } from '../errors.js';
import { loadSpec } from '../load/load-spec.js';
import type { FileFailure, Finding } from '../report/finding.js';
import { lintSpec } from './lint-spec.js';

export type FileResult = { source: string; findings: Finding[] } | { source: string; failure: FileFailure };

/**
 * Lints one file. A file apigov refuses (not found, not an API description...) is a failure with
 * its one-line message; so is an unexpected error, so that one bad spec in a large run never
 * stops the others.
 */
export async function lintFile(file: string, cwd: string, ruleset: Ruleset): Promise<FileResult> {
  try {
    const spec = await loadSpec(file, path.relative(cwd, file) || file);
    return { source: file, findings: await lintSpec(spec, ruleset) };
  } catch (error) {
    const message = isApigovError(error) ? error.message : `${path.relative(cwd, file) || file}: internal error while linting: ${(error as Error)?.message ?? String(error)}`;
    return { source: file, failure: { source: file, message } };
  }
}
