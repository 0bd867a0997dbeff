#!/usr/bin/env node
// The only place that ends the process: everything else returns an exit code.
// First: the code cache must be in place before any CommonJS dependency loads.
import '../dist/runtime/use-code-cache.js';
import { run } from '../dist/cli/program.js';
import { processIo } from '../dist/cli/io.js';

process.exitCode = await run(process.argv.slice(2), processIo());
