// Build steps after tsc, each preparing once what every run would otherwise redo:
// - the CLI's ES modules bundled into a few files (scripts/bundle-cli.mjs);
// - the house ruleset files parsed (src/lint/house-precompiled.ts);
// - the draft-04 and draft 2020-12 meta-schema checks compiled by ajv's standalone mode
//   (src/lint/examples/meta-valid.ts, draft2020.ts);
// - Nimma's answers for the built-in rulesets' paths: whether it falls back to jsonpath-plus,
//   and the code of each filter (src/lint/engine/nimma-recorded.ts);
// - a new identity for this build, so ruleset summaries of another build are not used
//   (src/lint/ruleset-summary.ts);
// - the V8 code cache of the CommonJS dependencies (src/runtime/code-cache.ts), recorded last;
// - then the start-up snapshot with those dependencies loaded (src/runtime/snapshot-entry.cts).
import { bundleCli } from './bundle-cli.mjs';
import { writeMeta2020Validator } from '../dist/lint/examples/draft2020.js';
import { writeShallowMetaValidator } from '../dist/lint/examples/meta-valid.js';
import { writePrecompiledHouse } from '../dist/lint/house-precompiled.js';
import { builtinGivenPaths } from '../dist/lint/builtin-given-paths.js';
import { writeNimmaRecord } from '../dist/lint/engine/nimma-recorded.js';
import { writeBuildId } from '../dist/lint/ruleset-summary.js';

await bundleCli();
writePrecompiledHouse();
writeShallowMetaValidator();
writeMeta2020Validator();
writeNimmaRecord(await builtinGivenPaths());
writeBuildId();

// Last, in a process of its own: the code cache records a run of the built CLI (src/runtime/code-cache.ts).
const { spawnSync } = await import('node:child_process');
const recorded = spawnSync(process.execPath, [new URL('./record-code-cache.mjs', import.meta.url).pathname], { stdio: 'inherit' });
if (recorded.status !== 0) process.exit(recorded.status ?? 1);

// The snapshot: Node's snapshot builder runs the entry, which loads the files the recording runs
// loaded. Not building it is not an error: every run then loads them itself (one line says why).
const { SNAPSHOT_BLOB, writeSnapshotStamp } = await import('../dist/runtime/snapshot-launch.cjs');
const { renameSync, rmSync } = await import('node:fs');
const entry = new URL('../dist/runtime/snapshot-entry.cjs', import.meta.url).pathname;
const temporary = `${SNAPSHOT_BLOB}.${process.pid}.tmp`;
// Node 20.19+ would load one dependency's `module-sync` ES module file, which the builder cannot; its CommonJS file is the same.
const built = spawnSync(process.execPath, ['--no-experimental-require-module', '--snapshot-blob', temporary, '--build-snapshot', entry], { encoding: 'utf8' });
rmSync(SNAPSHOT_BLOB, { force: true });
if (built.status === 0) {
  renameSync(temporary, SNAPSHOT_BLOB);
  writeSnapshotStamp();
} else {
  rmSync(temporary, { force: true });
  const reason = (built.stderr ?? '').split('\n').find((line) => /Error|error:/.test(line)) ?? `exit ${built.status}`;
  process.stderr.write(`build: no start-up snapshot (runs load their dependencies themselves): ${reason.trim()}\n`);
}
