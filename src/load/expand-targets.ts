import path from 'node:path';
import { isGlob, loadFastGlob } from './glob.js';
import type { FileFailure } from '../report/finding.js';
import { isHttpUrl } from './http-url.js';

export interface Targets {
  /** Absolute paths (and http(s) URLs as given), de-duplicated, in a stable order. */
  files: string[];
  failures: FileFailure[];
}

/**
 * Turns spec arguments into files. A literal path is kept even if missing (loading it
 * reports the problem); a glob that matches nothing is a failure of its own.
 */
export async function expandTargets(patterns: string[], cwd: string): Promise<Targets> {
  const files = new Set<string>();
  const failures: FileFailure[] = [];
  for (const pattern of patterns) {
    // `apigov lint "$SPEC"` with the variable unset: say so, rather than lint the working directory.
    if (pattern.trim() === '') {
      failures.push({ source: pattern, message: `${JSON.stringify(pattern)}: an empty spec argument names no file` });
      continue;
    }
    // A URL is linted as itself (with --allow-remote), never globbed or resolved as a path.
    if (isHttpUrl(pattern)) {
      files.add(pattern);
      continue;
    }
    if (!(await isGlob(pattern))) {
      files.add(path.resolve(cwd, pattern));
      continue;
    }
    const matches = await (await loadFastGlob())(pattern, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
    if (matches.length === 0) failures.push({ source: pattern, message: `${pattern}: no files match this pattern` });
    for (const match of matches.sort()) files.add(path.normalize(match));
  }
  return { files: [...files], failures };
}
