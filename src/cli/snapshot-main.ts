import { CODE_CACHE_DIR, installCodeCache } from '../runtime/code-cache.js';
import { setModuleImporter } from '../runtime/dynamic-import.js';
import { processIo } from './io.js';
import { run } from './program.js';

/**
 * main.ts's counterpart inside the start-up snapshot, which holds apigov's own code too (bundled
 * as CommonJS, scripts/bundle-cli.mjs): the snapshot's main function (bin/snapshot-run.cjs) calls
 * this with an `import()` of its own. What startup.ts does as a process starts happens here, at
 * run time, not while the snapshot is built: the code cache (for files not in the snapshot);
 * the native AggregateError is put in place by the snapshot's entry itself.
 */
export function snapshotMain(argv: string[], importer: (specifier: string) => Promise<Record<string, unknown>>): Promise<number> {
  if (process.env.APIGOV_NO_CODE_CACHE !== '1') installCodeCache(CODE_CACHE_DIR);
  setModuleImporter(importer);
  return run(argv, processIo());
}
