#!/usr/bin/env node
// Spectral parity on real specs: apigov lint -r spectral:oas vs Spectral CLI 6.16 (code + path).
// Usage: node bench/parity.mjs [count=25]
import path from 'node:path';
import { ensurePeer, sampleCorpus } from './lib/cache.mjs';
import { compareOnSpec } from './lib/parity.mjs';

const count = Number(process.argv[2] ?? 25);
const spectral = ensurePeer('spectral');
const specs = sampleCorpus(count);
let equal = 0;
let findings = 0;
for (const spec of specs) {
  const result = await compareOnSpec(spectral, spec);
  const same = result.missing.length === 0 && result.extra.length === 0;
  if (same) equal += 1;
  findings += result.spectral;
  const name = path.relative(path.dirname(path.dirname(spec)), spec);
  console.log(`${same ? 'same' : 'DIFF'}  ${String(result.spectral).padStart(6)}  ${name}`);
  for (const k of result.missing.slice(0, 5)) console.log(`        only Spectral: ${k}`);
  for (const k of result.extra.slice(0, 5)) console.log(`        only apigov:   ${k}`);
}
console.log(`\n${equal}/${specs.length} specs identical (code + path), ${findings} Spectral findings compared.`);
process.exitCode = equal === specs.length ? 0 : 1;
