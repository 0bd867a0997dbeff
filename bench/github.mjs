#!/usr/bin/env node
// GitHub's REST description (13 MB, npm @octokit/openapi 23.0.2): apigov (default ruleset,
// spectral:oas, warm cache) vs Spectral CLI 6.16 (spectral:oas) vs Redocly CLI (its recommended
// ruleset), in one run. Median wall time and peak RSS; the slow peers run once.
// Usage: node bench/github.mjs [runs=3] [--skip-peers]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureOctokit, ensurePeer, ROOT } from './lib/cache.mjs';
import { measure } from './lib/measure.mjs';

const runs = Number(process.argv[2] ?? 3);
const spec = path.join(ensureOctokit('23.0.2'), 'api.github.com.json');
const apigov = path.join(ROOT, 'bin', 'apigov.js');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'apigov-bench-cache-'));
const rows = [];
const row = (name, m, note = '') => rows.push({ name, ...m, note });

row('apigov lint (apigov:recommended)', measure(process.execPath, [apigov, 'lint', '--no-cache', '-f', 'json', spec], runs));
row('apigov lint -r spectral:oas', measure(process.execPath, [apigov, 'lint', '--no-cache', '-r', 'spectral:oas', '-f', 'json', spec], runs));
measure(process.execPath, [apigov, 'lint', '--cache-dir', cacheDir, '-f', 'json', spec], 1);
row('apigov lint, warm cache', measure(process.execPath, [apigov, 'lint', '--cache-dir', cacheDir, '-f', 'json', spec], runs), 'unchanged spec');
if (!process.argv.includes('--skip-peers')) {
  const rulesetDir = mkdtempSync(path.join(tmpdir(), 'apigov-bench-'));
  writeFileSync(path.join(rulesetDir, '.spectral.yaml'), 'extends: ["spectral:oas"]\n');
  row('Spectral CLI 6.16 -r spectral:oas', measure(ensurePeer('spectral'), ['lint', '-q', '-f', 'json', '-r', path.join(rulesetDir, '.spectral.yaml'), spec], 1), '1 run');
  row('Redocly CLI lint (recommended)', measure(ensurePeer('redocly'), ['lint', '--format', 'json', spec], 1), '1 run, its own rules');
}
const ours = rows[1].seconds;
console.log('| run | wall | peak RSS | vs apigov -r spectral:oas | note |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${r.seconds.toFixed(2)} s | ${Number.isNaN(r.rssMb) ? 'n/a' : `${r.rssMb.toFixed(0)} MB`} | ${(r.seconds / ours).toFixed(2)}× | ${r.note} |`);
