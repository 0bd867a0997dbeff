import path from 'node:path';
import { isGlob, loadFastGlob } from '../load/glob.js';

/**
 * The files absolute globs select, as a set to test membership in. Globs are expanded on disk
 * (with the fast-glob apigov already uses for spec arguments) rather than matched as text, so
 * `specs:` and these selectors can never disagree about what a glob means.
 */
export async function fileSet(patterns: readonly string[]): Promise<Set<string>> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    if (!(await isGlob(pattern))) {
      files.add(path.normalize(pattern));
      continue;
    }
    for (const match of await (await loadFastGlob())(pattern, { absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] })) files.add(path.normalize(match));
  }
  return files;
}
