// Build step (own process, run by build-steps.mjs): records V8's code cache for the CommonJS
// dependencies after the runs below, so functions compiled while linting are in the pack too
// (src/runtime/code-cache.ts). The runs read only the bundled example and write nothing else.
import { CODE_CACHE_DIR, installCodeCache } from '../dist/runtime/code-cache.js';

const recorder = installCodeCache(CODE_CACHE_DIR, { record: true });
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
