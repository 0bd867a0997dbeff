#!/usr/bin/env node
// The only place that ends the process: everything else returns an exit code.
// First: startup.ts (the code cache, …) must run before any CommonJS dependency loads.
import '../dist/runtime/startup.js';
import { run } from '../dist/cli/program.js';
import { processIo } from '../dist/cli/io.js';

process.exitCode = await run(process.argv.slice(2), processIo());
