#!/usr/bin/env node
// apigov vs Spectral CLI 6.16 on the same specs: median wall time and peak RSS over several runs.
// Usage: node bench/lint-speed.mjs [runs=3] [spec...]   (default: the bundled example and two APIs.guru specs)
import path from 'node:path';
import { ensureCorpus, ensurePeer, ROOT } from './lib/cache.mjs';
import { measure } from './lib/measure.mjs';

const runs = Number(process.argv[2] ?? 3);
const corpus = ensureCorpus();
const specs = process.argv.length > 3 ? process.argv.slice(3) : [path.join(ROOT, 'examples', 'petstore.yaml'), path.join(corpus, 'azure.com', 'cdn.json'), path.join(corpus, 'googleapis.com', 'sql.json')];
const spectral = ensurePeer('spectral');
const apigov = path.join(ROOT, 'bin', 'apigov.js');
const spectralRuleset = path.join(ROOT, '.cache', 'spectral-oas.yaml');
(await import('node:fs')).writeFileSync(spectralRuleset, 'extends: ["spectral:oas"]\n');

const fmt = (m) => `${m.seconds.toFixed(2)} s / ${Number.isNaN(m.rssMb) ? "n/a" : m.rssMb.toFixed(0)} MB`;
console.log(`| spec | apigov (recommended) | apigov -r spectral:oas | Spectral CLI (spectral:oas) | speed-up on spectral:oas |`);
console.log('| --- | --- | --- | --- | --- |');
for (const spec of specs) {
  const ours = measure(process.execPath, [apigov, 'lint', '-f', 'json', spec], runs);
  const oursOas = measure(process.execPath, [apigov, 'lint', '-r', 'spectral:oas', '-f', 'json', spec], runs);
  const theirs = measure(spectral, ['lint', '-q', '-f', 'json', '-r', spectralRuleset, spec], runs);
  console.log(`| ${path.basename(path.dirname(spec))}/${path.basename(spec)} | ${fmt(ours)} | ${fmt(oursOas)} | ${fmt(theirs)} | ${(theirs.seconds / oursOas.seconds).toFixed(1)}× |`);
}
