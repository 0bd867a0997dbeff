import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBinary } from '../helpers/binary.js';
import { tempDir } from '../helpers/memory-io.js';

// CommonJS, as bin/apigov.js requires it: the built file.
const { runFromSnapshot, SNAPSHOT_BLOB, usableSnapshot } = createRequire(import.meta.url)(path.join(ROOT, 'dist', 'runtime', 'snapshot-launch.cjs')) as typeof import('../../src/runtime/snapshot-launch.cjs');

// A function that reports, from inside the lint, whether its process started from the snapshot,
// and what node-fetch (which the snapshot holds a stand-in for) gives a caller there.
const PROBE_RULESET = `functionsDir: ./functions
functions: [probe]
extends: [[spectral:oas, recommended]]
rules:
  probe:
    description: Reports how the process started.
    message: '{{error}}'
    severity: error
    given: $.info
    then:
      function: probe
`;
const PROBE_FUNCTION = `export default () => {
  const require = process.getBuiltinModule('node:module').createRequire(${JSON.stringify(path.join(ROOT, 'node_modules', '@stoplight', 'spectral-runtime', 'dist', 'fetch.js'))});
  const fetch = require('node-fetch');
  return [{ message: 'snapshot=' + process.execArgv.includes('--snapshot-blob') + ' fetch=' + typeof fetch.default + '/' + typeof fetch.Headers }];
};
`;
const SPEC = `openapi: 3.0.3
info: { title: Probe, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200': { description: ok }
`;

const apigov = (args: string[], env: Record<string, string> = {}) => runBinary(args, { env });

describe('the start-up snapshot (runtime/snapshot-entry.cts)', () => {
  it('is built by npm run build for this Node, and used when nothing says otherwise', () => {
    expect(existsSync(SNAPSHOT_BLOB)).toBe(true);
    expect(usableSnapshot({}, [])).toBe(SNAPSHOT_BLOB);
  });

  it('is not used with Node options, NODE_OPTIONS or APIGOV_NO_SNAPSHOT=1 (V8 refuses a snapshot under other flags)', () => {
    expect(usableSnapshot({}, ['--max-old-space-size=4096'])).toBeNull();
    expect(usableSnapshot({ NODE_OPTIONS: '--max-old-space-size=4096' }, [])).toBeNull();
    expect(usableSnapshot({ NODE_OPTIONS: ' ' }, [])).toBe(SNAPSHOT_BLOB);
    expect(usableSnapshot({ APIGOV_NO_SNAPSHOT: '1' }, [])).toBeNull();
  });

  it('runs the real binary: the same report and exit code as a run in one process; node-fetch loads on first use', () => {
    const dir = tempDir({ 'ruleset.yaml': PROBE_RULESET, 'functions/probe.js': PROBE_FUNCTION, 'spec.yaml': SPEC });
    const args = ['lint', path.join(dir, 'spec.yaml'), '-r', path.join(dir, 'ruleset.yaml'), '--no-cache', '-f', 'json'];
    const fromSnapshot = apigov(args);
    const inProcess = apigov(args, { APIGOV_NO_SNAPSHOT: '1' });
    expect(fromSnapshot.stderr).toBe('');
    expect(fromSnapshot.status).toBe(1);
    const probe = (stdout: string) => (JSON.parse(stdout) as { code: string; message: string }[]).find((finding) => finding.code === 'probe')?.message;
    expect(probe(fromSnapshot.stdout)).toBe('snapshot=true fetch=function/function');
    expect(probe(inProcess.stdout)).toBe('snapshot=false fetch=function/function');
    const withoutProbe = (stdout: string) => (JSON.parse(stdout) as { code: string }[]).filter((finding) => finding.code !== 'probe');
    expect(withoutProbe(fromSnapshot.stdout)).toEqual(withoutProbe(inProcess.stdout));
    expect(withoutProbe(fromSnapshot.stdout).length).toBeGreaterThan(0);
    expect(inProcess.status).toBe(fromSnapshot.status);
  });

  it("holds apigov's own code too: a lint with the default ruleset loads none of apigov's files at run time", () => {
    const dir = tempDir({ 'spec.yaml': SPEC });
    const args = ['lint', path.join(dir, 'spec.yaml'), '--no-cache', '-f', 'json'];
    // Node's loaders name every file they load (CommonJS and ES modules) on stderr.
    const traced = apigov(args, { NODE_DEBUG: 'module,esm' });
    const loaded = traced.stderr.split('\n').filter((line) => /\/(dist|rulesets)\//.test(line) && !/snapshot-launch\.cjs/.test(line));
    expect(loaded).toEqual([]);
    // The same findings as the bundle run in one process (which does load them: the trace would show it).
    const inProcess = apigov(args, { APIGOV_NO_SNAPSHOT: '1', NODE_DEBUG: 'module,esm' });
    expect(inProcess.stderr).toMatch(/rulesets\/functions\/|dist\/bundle\//);
    expect(traced.stdout).toBe(apigov(args, { APIGOV_NO_SNAPSHOT: '1' }).stdout);
    expect(JSON.parse(traced.stdout).length).toBeGreaterThan(0);
  });

  it('switches on the linear-time regular expression fallback at run time (a V8 flag set while building would make Node refuse the snapshot)', () => {
    // 31 a's and a "!": minutes of backtracking for V8's default engine, milliseconds for the linear one.
    const spec = `${SPEC.replace("        '200': { description: ok }\n", '')}        '200':
          description: ok
          content:
            application/json:
              schema: { type: string, pattern: '^(a+)+$', example: '${'a'.repeat(31)}!' }
`;
    const dir = tempDir({ 'spec.yaml': spec });
    const result = runBinary(['lint', path.join(dir, 'spec.yaml'), '--no-cache', '-r', 'spectral:oas', '-f', 'json'], { timeoutMs: 60_000 });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { code: string }[]).map((finding) => finding.code)).toContain('oas3-valid-schema-example');
  });

  it('runs a glob over several files on worker threads, as in one process', () => {
    const dir = tempDir(Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`spec-${n}.yaml`, SPEC.replace('Probe', `Probe ${n}`)])));
    const args = ['lint', path.join(dir, '*.yaml'), '--no-cache', '-f', 'json'];
    const fromSnapshot = apigov(args);
    expect(fromSnapshot.stderr).toBe('');
    expect(fromSnapshot.stdout).toBe(apigov(args, { APIGOV_NO_SNAPSHOT: '1' }).stdout);
    expect(JSON.parse(fromSnapshot.stdout).length).toBeGreaterThan(4);
  });

  it('a SIGTERM to the binary ends the run started from the snapshot, and the binary ends by it', async () => {
    const dir = tempDir({
      'ruleset.yaml': PROBE_RULESET.replace('extends: [[spectral:oas, recommended]]\n', ''),
      'functions/probe.js': 'export default () => { for (;;); };\n',
      'spec.yaml': SPEC,
    });
    const marker = path.join(dir, 'spec.yaml');
    const launcher = spawn(process.execPath, [BIN, 'lint', marker, '-r', path.join(dir, 'ruleset.yaml'), '--no-cache'], { stdio: 'ignore' });
    const running = () => spawnSync('pgrep', ['-f', `snapshot-blob.*${marker}`], { encoding: 'utf8' }).stdout.trim();
    for (let tries = 0; running() === '' && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running()).not.toBe('');
    const ended = new Promise<NodeJS.Signals | null>((resolve) => launcher.on('exit', (_code, signal) => resolve(signal)));
    launcher.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    for (let tries = 0; running() !== '' && tries < 50; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running()).toBe('');
  });

  it('a snapshot Node refuses (made under other V8 flags) is reported as refused, so the binary runs in-process', async () => {
    const dir = tempDir({ 'entry.js': "require('v8').startupSnapshot.setDeserializeMainFunction(() => console.log('ran'));\n" });
    const blob = path.join(dir, 'other.blob');
    const built = spawnSync(process.execPath, ['--stack-size=900', '--snapshot-blob', blob, '--build-snapshot', path.join(dir, 'entry.js')], { encoding: 'utf8' });
    expect(built.status).toBe(0);
    expect(await runFromSnapshot(blob, ['--version'])).toEqual({ refused: true });
  });
});
