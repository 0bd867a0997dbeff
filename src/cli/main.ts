// First: startup.ts (the code cache, …) must run before any CommonJS dependency loads.
import '../runtime/startup.js';
import { processIo } from './io.js';
import { run } from './program.js';

/** The CLI on this process's streams: what bin/apigov.js runs, in its own process or in the snapshot's (bin/snapshot-run.cjs). */
export function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}
