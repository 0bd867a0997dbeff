#!/usr/bin/env node
// apigov vs Spectral CLI 6.16 vs Redocly CLI on the same specs, in one run: GitHub's REST
// description (13 MB, npm @octokit/openapi 23.0.2), kubernetes (4 MB, APIs.guru) and a 100 KB
// spec (neutrinoapi.net, APIs.guru). Per spec: apigov with the default ruleset, with
// spectral:oas, and warm from its result cache; Spectral CLI with spectral:oas; Redocly CLI with
// its own recommended ruleset. Median wall time and peak RSS (/usr/bin/time -v); a peer that takes
// over a minute runs once.
// Usage: node bench/lint-peers.mjs [runs=3] [--skip-peers]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureCorpus, ensureOctokit, ensurePeer, ROOT, spectralOasRuleset } from './lib/cache.mjs';
import { measure } from './lib/measure.mjs';

const runs = Number(process.argv[2] ?? 3);
const corpus = ensureCorpus();
const specs = [
  ['GitHub api.github.com (13 MB)', path.join(ensureOctokit('23.0.2'), 'api.github.com.json')],
  ['kubernetes.io (4.3 MB)', path.join(corpus, 'kubernetes.io.json')],
  ['neutrinoapi.net (100 KB)', path.join(corpus, 'neutrinoapi.net.json')],
];
const apigov = path.join(ROOT, 'bin', 'apigov.js');

/** Slow peers run once: three 85-second runs say no more than one. */
function measurePeer(command, args) {
  const first = measure(command, args, 1);
  return first.seconds > 60 || runs === 1 ? { ...first, note: '1 run' } : measure(command, args, runs);
}

console.log('| spec | run | wall | peak RSS | vs apigov -r spectral:oas | note |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, spec] of specs) {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'apigov-bench-cache-'));
  const rows = [];
  rows.push(['apigov (default ruleset)', measure(process.execPath, [apigov, 'lint', '--no-cache', '-f', 'json', spec], runs)]);
  // Without the start-up snapshot (src/runtime/snapshot-launch.ts): everything loads in one process.
  rows.push(['apigov (default ruleset), no snapshot', { ...measure(process.execPath, [apigov, 'lint', '--no-cache', '-f', 'json', spec], runs, { APIGOV_NO_SNAPSHOT: '1' }), note: 'APIGOV_NO_SNAPSHOT=1' }]);
  rows.push(['apigov -r spectral:oas', measure(process.execPath, [apigov, 'lint', '--no-cache', '-r', 'spectral:oas', '-f', 'json', spec], runs)]);
  measure(process.execPath, [apigov, 'lint', '--cache-dir', cacheDir, '-f', 'json', spec], 1);
  rows.push(['apigov, warm cache', { ...measure(process.execPath, [apigov, 'lint', '--cache-dir', cacheDir, '-f', 'json', spec], runs), note: 'unchanged spec' }]);
  rmSync(cacheDir, { recursive: true, force: true });
  if (!process.argv.includes('--skip-peers')) {
    rows.push(['Spectral CLI 6.16 -r spectral:oas', measurePeer(ensurePeer('spectral'), ['lint', '-q', '-f', 'json', '-r', spectralOasRuleset(), spec])]);
    const redocly = measurePeer(ensurePeer('redocly'), ['lint', '--format', 'json', spec]);
    rows.push(['Redocly CLI lint (recommended)', { ...redocly, note: [redocly.note, 'its own rules'].filter(Boolean).join(', ') }]);
  }
  const ours = rows[2][1].seconds;
  for (const [run, m] of rows) {
    const rss = Number.isNaN(m.rssMb) ? 'n/a' : `${m.rssMb.toFixed(0)} MB`;
    console.log(`| ${name} | ${run} | ${m.seconds.toFixed(2)} s | ${rss} | ${(m.seconds / ours).toFixed(2)}× | ${m.note ?? ''} |`);
  }
}
