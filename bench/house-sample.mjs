#!/usr/bin/env node
// Lints a deterministic sample of APIs.guru specs with a ruleset (default apigov:recommended)
// and prints which rules fire most: findings and the share of specs each rule fires on.
// Usage: node bench/house-sample.mjs [count=200] [ruleset=apigov:recommended]
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, sampleCorpus } from './lib/cache.mjs';

const run = promisify(execFile);
const count = Number(process.argv[2] ?? 200);
const ruleset = process.argv[3] ?? 'apigov:recommended';
const specs = sampleCorpus(count);
const BATCH = 25;

async function lintBatch(files) {
  const args = [path.join(ROOT, 'bin', 'apigov.js'), 'lint', '-r', ruleset, '-f', 'json', ...files];
  try {
    return { rows: JSON.parse((await run(process.execPath, args, { maxBuffer: 1 << 30 })).stdout), failed: '' };
  } catch (error) {
    if (error.stdout) return { rows: JSON.parse(error.stdout), failed: error.stderr };
    throw error;
  }
}

const started = performance.now();
const rows = [];
let failures = '';
// Two batches at a time: one per core.
for (let i = 0; i < specs.length; i += BATCH * 2) {
  const results = await Promise.all([specs.slice(i, i + BATCH), specs.slice(i + BATCH, i + BATCH * 2)].filter((b) => b.length).map(lintBatch));
  for (const r of results) {
    rows.push(...r.rows);
    failures += r.failed;
  }
}
const seconds = (performance.now() - started) / 1000;

const byRule = new Map();
for (const row of rows) {
  const entry = byRule.get(row.code) ?? { findings: 0, specs: new Set(), severity: row.severity };
  entry.findings += 1;
  entry.specs.add(row.source);
  byRule.set(row.code, entry);
}
const table = [...byRule.entries()].sort((a, b) => b[1].specs.size - a[1].specs.size || b[1].findings - a[1].findings);
console.log(`${ruleset} on ${specs.length} APIs.guru specs: ${rows.length} findings in ${seconds.toFixed(1)} s\n`);
console.log('| rule | severity | findings | specs | share |');
console.log('| --- | --- | --- | --- | --- |');
for (const [rule, e] of table) {
  console.log(`| ${rule} | ${['error', 'warn', 'info', 'hint'][e.severity]} | ${e.findings} | ${e.specs.size} | ${((100 * e.specs.size) / specs.length).toFixed(0)}% |`);
}
if (failures.trim()) console.log(`\nFiles that could not be linted:\n${failures.trim()}`);
