#!/usr/bin/env node
// The only place that ends the process: everything else returns an exit code.
// Started from the snapshot when there is a usable one (src/runtime/snapshot-launch.ts): its
// Spectral packages are already loaded. Otherwise, or when Node refuses it, in this process.
// Either way the CLI runs from its bundle (scripts/bundle-cli.mjs): a few files, not ~270 modules.
import { runFromSnapshot, usableSnapshot } from '../dist/runtime/snapshot-launch.js';

const args = process.argv.slice(2);
const blob = usableSnapshot(process.env, process.execArgv);
const outcome = blob === null ? { refused: true } : await runFromSnapshot(blob, args);
if ('signal' in outcome) process.kill(process.pid, outcome.signal);
else if ('exitCode' in outcome) process.exitCode = outcome.exitCode;
else process.exitCode = await (await import('../dist/bundle/main.js')).main(args);
