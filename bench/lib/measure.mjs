// Runs a command several times under /usr/bin/time -v and reports median wall time and peak RSS.
import { spawnSync } from 'node:child_process';

function parseTime(stderr) {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `env`: variables added to this process's environment for the command. */
export function measure(command, args, runs = 3, env = {}) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
    samples.push(parseTime(result.stderr));
  }
  return { seconds: median(samples.map((s) => s.seconds)), rssMb: Math.max(...samples.map((s) => s.rssMb)) };
}
