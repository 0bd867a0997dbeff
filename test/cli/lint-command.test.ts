import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { CLEAN_OAS3, MINIMAL_OAS3 } from '../helpers/specs.js';

describe('apigov lint', () => {
  it('reports spectral:oas findings in stylish format with file:line:col and exits 0 on warnings only', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3 });
    const result = await runCli(['lint', '-r', 'spectral:oas', 'api.yaml'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('api.yaml');
    expect(result.stdout).toMatch(/2:6\s+warn\s+info-contact\s+Info object must have "contact" object\./);
    expect(result.stdout).toMatch(/✖ 3 problems \(0 errors, 3 warnings, 0 infos, 0 hints\)/);
    expect(result.stderr).toBe('');
  });

  it('prints Spectral JSON: code, path, message, severity, range, source', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3 });
    const result = await runCli(['lint', '-r', 'spectral:oas', '-f', 'json', 'api.yaml'], dir);
    const rows = JSON.parse(result.stdout);
    const contact = rows.find((r: { code: string }) => r.code === 'info-contact');
    expect(contact).toEqual({
      code: 'info-contact',
      path: ['info'],
      message: 'Info object must have "contact" object.',
      severity: 1,
      range: { start: { line: 1, character: 5 }, end: { line: 3, character: 16 } },
      source: path.join(dir, 'api.yaml'),
    });
    expect(rows.every((r: object) => Object.keys(r).join() === 'code,path,message,severity,range,source')).toBe(true);
  });

  it('fails with exit 1 when a finding reaches --fail-severity, and -D hides the rest', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3 });
    const failing = await runCli(['lint', '-r', 'spectral:oas', '-F', 'warn', 'api.yaml'], dir);
    expect(failing.code).toBe(1);
    const onlyErrors = await runCli(['lint', '-r', 'spectral:oas', '-D', '-f', 'json', 'api.yaml'], dir);
    expect(JSON.parse(onlyErrors.stdout)).toEqual([]);
    expect(onlyErrors.code).toBe(0);
  });

  it('lints several files and globs into one sorted report; a broken file gives exit 2 and the others are still reported', async () => {
    const dir = tempDir({ 'b/api.yaml': MINIMAL_OAS3, 'a/api.yaml': MINIMAL_OAS3, 'a/broken.yaml': 'openapi: [\n' });
    const result = await runCli(['lint', '-r', 'spectral:oas', '-f', 'json', 'b/*.yaml', 'a/*.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`apigov: ${path.join('a', 'broken.yaml')}:2:1: not valid YAML or JSON: Unexpected end of the stream within a flow collection\n`);
    const sources = JSON.parse(result.stdout).map((r: { source: string }) => path.relative(dir, r.source));
    expect(new Set(sources)).toEqual(new Set([path.join('a', 'api.yaml'), path.join('b', 'api.yaml')]));
    expect(sources).toEqual([...sources].sort());
  });

  it('says "No problems found" on a clean spec, and -q prints nothing', async () => {
    const dir = tempDir({ 'api.yaml': CLEAN_OAS3 });
    const result = await runCli(['lint', '-r', 'spectral:oas', 'api.yaml'], dir);
    expect(result).toEqual({ code: 0, stdout: 'No problems found in 1 file.\n', stderr: '' });
    const quiet = await runCli(['lint', '-r', 'spectral:oas', '-q', 'api.yaml'], dir);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3 });
    const result = await runCli(['lint', '-r', 'spectral:oas', '-f', 'json', '-o', 'report.json', 'api.yaml'], dir);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).length).toBe(3);
  });

  it('uses the default house ruleset with no flag and no config', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3 });
    const result = await runCli(['lint', '-v', '-f', 'json', 'api.yaml'], dir);
    expect(result.stderr).toContain('ruleset apigov:recommended (default)');
    expect(JSON.parse(result.stdout).some((r: { code: string }) => r.code === 'info-contact')).toBe(true);
  });

  it('picks up .spectral.yaml from the working directory', async () => {
    const dir = tempDir({
      'api.yaml': MINIMAL_OAS3,
      '.spectral.yaml': 'extends: [[spectral:oas, off]]\nrules:\n  info-contact: error\n',
    });
    const result = await runCli(['lint', '-f', 'json', 'api.yaml'], dir);
    expect(JSON.parse(result.stdout).map((r: { code: string }) => r.code)).toEqual(['info-contact']);
    expect(result.code).toBe(1);
  });

  it('reads ruleset, specs and rule severities from apigov.yaml found in a parent folder', async () => {
    const dir = tempDir({
      'apigov.yaml': 'ruleset: spectral:oas\nspecs: [specs/*.yaml]\nrules:\n  info-contact: error\n  info-description: off\n',
      'specs/api.yaml': MINIMAL_OAS3,
      'sub/dir/.keep': '',
    });
    const result = await runCli(['lint', '-f', 'json'], path.join(dir, 'sub', 'dir'));
    const codes = JSON.parse(result.stdout).map((r: { code: string; severity: number }) => `${r.code}:${r.severity}`);
    expect(codes.sort()).toEqual(['info-contact:0', 'oas3-api-servers:1']);
    expect(result.code).toBe(1);
  });

  it('is deterministic: the same run twice gives byte-identical output', async () => {
    const dir = tempDir({ 'x.yaml': MINIMAL_OAS3, 'y.yaml': MINIMAL_OAS3 });
    const first = await runCli(['lint', '-f', 'json', '*.yaml'], dir);
    const second = await runCli(['lint', '-f', 'json', '*.yaml'], dir);
    expect(second.stdout).toBe(first.stdout);
  });

  it('does not leave a report file behind when it cannot lint', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3 });
    const result = await runCli(['lint', '-r', 'no-such-ruleset.yaml', '-o', 'out.json', 'api.yaml'], dir);
    expect(result.code).toBe(2);
    expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
  });
});

describe('apigov lint on many files', () => {
  const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`specs/api-${i}.yaml`, MINIMAL_OAS3.replace('Minimal', `Minimal ${i}`)]));

  it('gives byte-identical reports on worker threads and in-process, and keeps going past a broken file', async () => {
    const dir = tempDir({ ...files, 'specs/broken.yaml': 'openapi: [\n' });
    const inProcess = await runCli(['lint', '-j', '1', '-f', 'json', 'specs/*.yaml'], dir);
    const onWorkers = await runCli(['lint', '-j', '2', '-f', 'json', 'specs/*.yaml'], dir);
    expect(onWorkers.stdout).toBe(inProcess.stdout);
    expect(onWorkers.stderr).toBe(inProcess.stderr);
    expect(onWorkers.code).toBe(2);
    expect(new Set(JSON.parse(onWorkers.stdout).map((r: { source: string }) => r.source)).size).toBe(6);
  });

  it('draws a progress bar on a terminal stderr only, and clears it', async () => {
    const dir = tempDir(files);
    let stderr = '';
    const { run } = await import('../../src/cli/program.js');
    await run(['lint', '-j', '1', '-q', 'specs/*.yaml'], { stdout: () => {}, stderr: (t) => void (stderr += t), cwd: dir, env: { NO_COLOR: '1' }, isTTY: false, stderrIsTTY: true });
    expect(stderr).toContain('] 6/6 files');
    expect(stderr.endsWith('\r')).toBe(true);
    const piped = await runCli(['lint', '-j', '1', '-q', 'specs/*.yaml'], dir);
    expect(piped.stderr).toBe('');
  });

  it('refuses a bad --jobs', async () => {
    const result = await runCli(['lint', '-j', '0', 'x.yaml'], tempDir({}));
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'apigov: --jobs: must be a whole number of at least 1 (got "0")\n' });
  });
});

describe('apigov lint result cache', () => {
  const spec = `${MINIMAL_OAS3.replace('paths: {}\n', '')}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './schema.yaml'}\n`;

  it('reuses the result of an unchanged spec, and lints again when a referenced file changes', async () => {
    const dir = tempDir({ 'api.yaml': spec, 'schema.yaml': 'type: object\n' });
    const env = { APIGOV_CACHE_DIR: path.join(dir, '.cache') };
    const cold = await runCli(['-v', 'lint', '-r', 'spectral:oas', '-f', 'json', 'api.yaml'], dir, env);
    expect(cold.stderr).toContain('(0 from cache)');
    const warm = await runCli(['-v', 'lint', '-r', 'spectral:oas', '-f', 'json', 'api.yaml'], dir, env);
    expect(warm.stderr).toContain('(1 from cache)');
    expect(warm.stdout).toBe(cold.stdout);
    writeFileSync(path.join(dir, 'schema.yaml'), 'type: object\nexample: 1\nproperties: {a: {type: string}}\n');
    const changed = await runCli(['-v', 'lint', '-r', 'spectral:oas', '-f', 'json', 'api.yaml'], dir, env);
    expect(changed.stderr).toContain('(0 from cache)');
    expect(changed.stdout).not.toBe(cold.stdout);
  });

  it('serves a warm run from the ruleset summary: same report, overrides and dormant rules applied as cold', async () => {
    const config = 'ruleset: spectral:oas\nrules: {info-contact: off}\noverrides:\n  - operations: ["GET /a"]\n    rules: {info-contact: error, operation-tags: error}\n';
    const dir = tempDir({ 'apigov.yaml': config, 'api.yaml': spec, 'schema.yaml': 'type: object\n' });
    const env = { APIGOV_CACHE_DIR: path.join(dir, '.cache') };
    const cold = await runCli(['-v', 'lint', '-f', 'json', 'api.yaml'], dir, env);
    expect(readdirSync(path.join(dir, '.cache', 'rulesets'))).toHaveLength(1);
    const warm = await runCli(['-v', 'lint', '-f', 'json', 'api.yaml'], dir, env);
    expect(warm.stderr).toContain('(1 from cache)');
    expect(warm.stdout).toBe(cold.stdout);
    expect(JSON.parse(warm.stdout).map((row: { code: string }) => row.code)).toContain('operation-tags');
    // Another setting is another ruleset: the summary is not used, the rule's findings go.
    writeFileSync(path.join(dir, 'apigov.yaml'), config.replace('{info-contact: off}', '{info-contact: off, operation-tags: off}').replace(', operation-tags: error', ''));
    const changed = await runCli(['-v', 'lint', '-f', 'json', 'api.yaml'], dir, env);
    expect(changed.stderr).toContain('(0 from cache)');
    expect(JSON.parse(changed.stdout).map((row: { code: string }) => row.code)).not.toContain('operation-tags');
    expect(readdirSync(path.join(dir, '.cache', 'rulesets'))).toHaveLength(2);
  });

  it('keys on the ruleset too, and --no-cache bypasses it', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3 });
    const env = { APIGOV_CACHE_DIR: path.join(dir, '.cache') };
    await runCli(['lint', '-r', 'spectral:oas', 'api.yaml'], dir, env);
    const otherRuleset = await runCli(['-v', 'lint', '-r', 'apigov:naming', 'api.yaml'], dir, env);
    expect(otherRuleset.stderr).toContain('(0 from cache)');
    const bypass = await runCli(['-v', 'lint', '--no-cache', '-r', 'spectral:oas', 'api.yaml'], dir, env);
    expect(bypass.stderr).toContain('(0 from cache)');
    expect(existsSync(path.join(dir, '.cache'))).toBe(true);
  });
});
