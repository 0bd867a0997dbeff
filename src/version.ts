import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The installed package's version, read once from package.json. */
export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const require = createRequire(import.meta.url);

/**
 * The installed version of a dependency, from the package.json above the file Node resolves it
 * to (a package's `exports` may hide its package.json, and a build folder such as dist/cjs has
 * none of its own); undefined when it cannot be read.
 */
export function installedVersion(name: string): string | undefined {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(name));
  } catch {
    return undefined; // not installed
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version;
    } catch {
      // no package.json here: one folder up
    }
  }
  return undefined;
}
