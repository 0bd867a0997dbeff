// Build step (own process, run by build-steps.mjs): records V8's code cache for the CommonJS
// dependencies after the runs below, so functions compiled while linting are in the pack too
// (src/runtime/code-cache.ts), and the list of CommonJS files they loaded, which the start-up
// snapshot preloads (src/runtime/snapshot-entry.cts). The runs read only the bundled example.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CODE_CACHE_DIR, installCodeCache } from '../dist/runtime/code-cache.js';
import { provideNativeAggregateError } from '../dist/runtime/native-aggregate-error.cjs';
import { SNAPSHOT_DIR, SNAPSHOT_MODULES } from '../dist/runtime/snapshot-launch.cjs';

const recorder = installCodeCache(CODE_CACHE_DIR, { record: true });
// As startup.ts does in every run: the recorded modules are the ones a run loads.
provideNativeAggregateError();
const { runInProcess } = await import('../dist/cli/program.js');
const example = new URL('../examples/petstore.yaml', import.meta.url).pathname;
const io = { stdout: () => {}, stderr: (text) => process.stderr.write(text), cwd: process.cwd(), env: {}, isTTY: false };
for (const argv of [
  ['lint', example, '--no-cache', '-f', 'json'],
  ['lint', example, '--no-cache', '-f', 'json', '-r', 'spectral:oas'],
  ['diff', example, example, '-f', 'json'],
]) {
  const code = await runInProcess(argv, io);
  if (code === 2) throw new Error(`code cache: recording run failed: apigov ${argv.join(' ')}`);
}
recorder.write();
// In the order they started loading, relative to dist/ (a moved checkout rebuilds its snapshot anyway).
const loaded = Object.keys(createRequire(import.meta.url).cache).map((file) => path.relative(path.dirname(SNAPSHOT_DIR), file));
mkdirSync(SNAPSHOT_DIR, { recursive: true });
writeFileSync(SNAPSHOT_MODULES, `${JSON.stringify(loaded, null, 1)}\n`);
