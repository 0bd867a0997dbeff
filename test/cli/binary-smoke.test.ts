import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, binaryEnv, runBinary } from '../helpers/binary.js';
import { manyOperationsSpec } from '../helpers/report-specs.js';

const apigov = (args: string[]) => runBinary(args);

// The built binary, spawned as a user would run it: the README's quick start must work.
describe('bin/apigov.js', () => {
  it('lints the bundled example with the default ruleset and exits 0', () => {
    const result = apigov(['lint', 'examples/petstore.yaml']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('No problems found in 1 file.\n');
  });

  it('exits 1 and prints findings for a spec with errors', () => {
    const result = apigov(['lint', '-r', 'apigov:security', 'fixtures/lint/apigov-servers-https/invalid.yaml']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/error\s+apigov-servers-https/);
  });

  it('exits 2 with one line on stderr for a missing file', () => {
    const result = apigov(['lint', 'no/such/spec.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('apigov: no/such/spec.yaml: file not found\n');
  });

  it('prints its version and help', () => {
    const version = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: ROOT, encoding: 'utf8' }));
    expect(apigov(['--version']).stdout.trim()).toBe(version);
    const help = apigov(['lint', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--fail-severity');
  });

  it('answers a warm run of an unchanged spec from the result cache without loading Spectral', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apigov-warm-'));
    // Preloaded into the process: at exit, the CommonJS modules it loaded.
    const preload = path.join(dir, 'modules.cjs');
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(path.join(dir, 'modules.json'))}, JSON.stringify(Object.keys(require.cache))));`);
    const run = () => {
      const result = spawnSync(process.execPath, ['--require', preload, BIN, '-v', 'lint', '-f', 'json', 'examples/petstore.yaml'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, APIGOV_CACHE_DIR: path.join(dir, 'cache') } });
      const loaded = JSON.parse(readFileSync(path.join(dir, 'modules.json'), 'utf8')) as string[];
      return { ...result, spectralLoaded: loaded.some((file) => file.includes(`${path.sep}@stoplight${path.sep}spectral-core${path.sep}`)) };
    };
    const cold = run();
    expect(cold.stderr).toContain('(0 from cache)');
    expect(cold.spectralLoaded).toBe(true);
    const warm = run();
    expect(warm.status).toBe(0);
    expect(warm.stderr).toContain('(1 from cache)');
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.spectralLoaded).toBe(false);
  });

  it('writes a report of megabytes whole to a reader that starts late, then ends with the exit code (from the snapshot and in one process)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'apigov-pipe-'));
    writeFileSync(path.join(dir, 'api.yaml'), manyOperationsSpec(600));
    const args = [BIN, 'lint', '--no-cache', '-f', 'json', 'api.yaml'];
    for (const extra of [{}, { APIGOV_NO_SNAPSHOT: '1' }]) {
      const child = spawn(process.execPath, args, { cwd: dir, env: binaryEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
      // Nothing is read for a while: the pipe fills and the run waits on it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      const code = await new Promise((resolve) => child.on('close', resolve));
      const text = Buffer.concat(chunks).toString('utf8');
      expect(text.length, JSON.stringify(extra)).toBeGreaterThan(1_000_000);
      // The same bytes as a run whose output is read as it comes.
      const eager = runBinary(args.slice(1), { cwd: dir, env: extra });
      expect(text === eager.stdout, JSON.stringify(extra)).toBe(true);
      expect((JSON.parse(text) as unknown[]).length, JSON.stringify(extra)).toBeGreaterThan(600);
      expect(code, JSON.stringify(extra)).toBe(1);
    }
  });

  it('exits 2 on an unknown command', () => {
    const result = apigov(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
