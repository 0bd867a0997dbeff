import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/apigov.js');

// --timeout runs the command on a worker thread (the built one in dist/, as lint workers are)
// and stops it at the limit. A lookahead keeps V8 from switching this pattern to its linear
// engine, so checking the example backtracks for minutes: only the timeout ends the run.
const STUCK = `openapi: 3.0.3
info: {title: Stuck, version: 1.0.0}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: string, pattern: '^(?=a)(a+)+$', example: '${'a'.repeat(40)}!'}
`;
const FINE = 'openapi: 3.0.3\ninfo: {title: Fine, version: 1.0.0}\npaths: {}\n';

async function timed<T>(run: () => Promise<T>): Promise<T & { seconds: number }> {
  const started = performance.now();
  const result = await run();
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

describe('--timeout', () => {
  it('stops a lint stuck in a pattern, naming the file and the rule, exit 2, nothing on stdout', async () => {
    const dir = tempDir({ 'api.yaml': STUCK });
    const result = await timed(() => runCli(['lint', '--no-cache', '-r', 'spectral:oas', '--timeout', '2', 'api.yaml'], dir));
    expect(result.stderr).toBe('apigov: api.yaml: timed out after 2 s while running rule oas3-valid-schema-example (--timeout 2)\n');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(result.seconds).toBeGreaterThan(1.9);
    expect(result.seconds).toBeLessThan(8);
  });

  it('names the stuck file among several linted on worker threads, and writes no half report', async () => {
    const dir = tempDir({ 'specs/a.yaml': FINE, 'specs/b.yaml': FINE, 'specs/c.yaml': FINE, 'specs/d.yaml': FINE, 'specs/stuck.yaml': STUCK });
    const result = await timed(() => runCli(['lint', '--no-cache', '-r', 'spectral:oas', '-j', '2', '-o', 'report.json', '-f', 'json', '--timeout=3', 'specs/*.yaml'], dir));
    expect(result.stderr).toBe(`apigov: ${path.join('specs', 'stuck.yaml')}: timed out after 3 s while running rule oas3-valid-schema-example (--timeout 3)\n`);
    expect(result.code).toBe(2);
    expect(result.seconds).toBeLessThan(10);
    expect(existsSync(path.join(dir, 'report.json'))).toBe(false);
  });

  it('leaves no temporary folder behind when it stops a many-file run (real binary, its own TMPDIR)', () => {
    // A many-file run keeps its findings in a temporary folder; the stopped worker cannot remove it, so the run's owner does.
    const dir = tempDir({ 'specs/a.yaml': FINE, 'specs/b.yaml': FINE, 'specs/c.yaml': FINE, 'specs/stuck.yaml': STUCK });
    const temporary = tempDir();
    const result = spawnSync(process.execPath, [BIN, 'lint', '--no-cache', '-r', 'spectral:oas', '-j', '2', '-f', 'json', '-o', 'report.json', '--timeout=3', 'specs/*.yaml'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TMPDIR: temporary },
    });
    expect(result.stderr).toBe(`apigov: ${path.join('specs', 'stuck.yaml')}: timed out after 3 s while running rule oas3-valid-schema-example (--timeout 3)\n`);
    expect(result.status).toBe(2);
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('stops a check stuck in its lint stage the same way', async () => {
    const dir = gitRepo({ 'api.yaml': FINE });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'api.yaml'), STUCK);
    const result = await timed(() => runCli(['check', '--no-cache', '-r', 'spectral:oas', '--base', 'HEAD', '--timeout', '2', 'api.yaml'], dir));
    expect(result.stderr).toBe('apigov: api.yaml: timed out after 2 s while running rule oas3-valid-schema-example (--timeout 2)\n');
    expect(result.code).toBe(2);
    expect(result.seconds).toBeLessThan(8);
  });

  it('changes nothing about a run that finishes in time (lint, diff)', async () => {
    const dir = tempDir({ 'api.yaml': STUCK.replace('(?=a)', ''), 'fine.yaml': FINE });
    const runs: Array<[string[], number]> = [
      [['lint', '--no-cache', '-r', 'spectral:oas', '-f', 'json', 'api.yaml'], 1],
      [['diff', 'fine.yaml', 'api.yaml'], 0],
      [['diff', '-f', 'json', 'api.yaml', 'fine.yaml'], 1],
    ];
    for (const [argv, code] of runs) {
      const plain = await runCli(argv, dir);
      const limited = await runCli([...argv, '--timeout', '60'], dir);
      expect(limited).toEqual(plain);
      expect(plain.code).toBe(code);
      expect(plain.stdout).not.toBe('');
    }
  });

  it('passes bad input through as usual: one line, exit 2', async () => {
    const dir = tempDir({ 'api.yaml': '' });
    const result = await runCli(['diff', '--timeout', '30', 'api.yaml', 'api.yaml'], dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'apigov: base: api.yaml: file is empty\n' });
  });

  it('refuses a value that is not a positive number of seconds', async () => {
    const dir = tempDir({ 'api.yaml': FINE });
    for (const value of ['0', '-1', 'soon', '']) {
      const result = await runCli(['lint', '--timeout', value, 'api.yaml'], dir);
      expect(result).toEqual({ code: 2, stdout: '', stderr: `apigov: --timeout: must be a number of seconds greater than 0 (got "${value}")\n` });
    }
  });
});
