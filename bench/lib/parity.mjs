// Compares apigov's and Spectral CLI's findings (code + path) on the same spec and ruleset.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, spectralOasRuleset } from './cache.mjs';

const run = promisify(execFile);
const APIGOV = path.join(ROOT, 'bin', 'apigov.js');

async function jsonOf(command, args) {
  try {
    const { stdout } = await run(command, args, { maxBuffer: 1 << 30, timeout: 900_000 });
    return JSON.parse(stdout);
  } catch (error) {
    // Both tools exit 1 when they find errors; the report is still on stdout.
    if (error.code === 1 && error.stdout) return JSON.parse(error.stdout);
    throw new Error(`${path.basename(command)} failed on ${args.at(-1)}: ${(error.stderr || error.message).split('\n')[0]}`);
  }
}

const key = (row) => `${row.code} ${row.path.join('.')}`;
const keyWithSource = (row) => `${path.basename(path.dirname(row.source))}/${path.basename(row.source)} ${key(row)}`;

/** Multiset difference of finding keys: what one side has more often than the other. */
function difference(a, b, keyOf = key) {
  const counts = new Map();
  for (const row of b) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  const extra = [];
  for (const row of a) {
    const k = keyOf(row);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else extra.push(k);
  }
  return extra;
}

export async function compareOnSpec(spectralBin, spec) {
  const [theirs, ours] = await Promise.all([
    jsonOf(spectralBin, ['lint', '--quiet', '-f', 'json', '-r', spectralOasRuleset(), spec]),
    jsonOf(process.execPath, [APIGOV, 'lint', '-r', 'spectral:oas', '-f', 'json', spec]),
  ]);
  return {
    spec,
    spectral: theirs.length,
    apigov: ours.length,
    missing: difference(theirs, ours),
    extra: difference(ours, theirs),
  };
}

/**
 * Runs Spectral CLI with a ruleset file and apigov with a ruleset name over the same files in
 * one invocation each; returns the findings (file + code + path) only one side reports.
 */
export async function compareOnFiles(spectralBin, { spectralRuleset, apigovRuleset }, files) {
  const [theirs, ours] = await Promise.all([
    jsonOf(spectralBin, ['lint', '--quiet', '-f', 'json', '-r', spectralRuleset, ...files]),
    jsonOf(process.execPath, [APIGOV, 'lint', '-r', apigovRuleset, '-f', 'json', ...files]),
  ]);
  return {
    spectral: theirs.length,
    apigov: ours.length,
    missing: difference(theirs, ours, keyWithSource),
    extra: difference(ours, theirs, keyWithSource),
  };
}
