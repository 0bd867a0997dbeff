#!/usr/bin/env node
// apigov diff vs npm openapi-diff on a real version pair: GitHub Enterprise Server 3.18 → 3.19
// (npm @octokit/openapi 23.0.2). Median wall time and peak RSS; openapi-diff gets a 4 GB heap.
// Usage: node bench/diff-speed.mjs [runs=3] [--skip-openapi-diff]
import path from 'node:path';
import { ensureOctokit, ensurePeer, ROOT } from './lib/cache.mjs';
import { measure } from './lib/measure.mjs';

const runs = Number(process.argv[2] ?? 3);
const generated = ensureOctokit('23.0.2');
const base = path.join(generated, 'ghes-3.18.json');
const revision = path.join(generated, 'ghes-3.19.json');
const apigov = measure(process.execPath, [path.join(ROOT, 'bin', 'apigov.js'), 'diff', '-f', 'json', base, revision], runs);
console.log(`apigov diff ghes-3.18 → ghes-3.19: ${apigov.seconds.toFixed(2)} s, ${apigov.rssMb.toFixed(0)} MB peak (median of ${runs})`);
if (!process.argv.includes('--skip-openapi-diff')) {
  const bin = ensurePeer('openapi-diff');
  const theirs = measure(process.execPath, ['--max-old-space-size=4096', bin, base, revision], 1);
  console.log(`openapi-diff 0.24 (4 GB heap): ${theirs.seconds.toFixed(2)} s, ${Number.isNaN(theirs.rssMb) ? "n/a" : theirs.rssMb.toFixed(0)} MB peak (1 run; it fails with out-of-memory when RSS hits the heap cap)`);
}
