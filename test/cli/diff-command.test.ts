import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';

const BASE = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
      responses:
        '200': { description: ok }
  /pets/{id}:
    delete:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '204': { description: gone } }
`;
/** Breaking: DELETE removed; additive: a new optional parameter. */
const REVISION = BASE.replace('version: 1.0.0', 'version: 2.0.0').replace(/  \/pets\/\{id\}:[\s\S]*$/, '').replace(
  "        - { name: limit, in: query, schema: { type: integer } }\n",
  "        - { name: limit, in: query, schema: { type: integer } }\n        - { name: sort, in: query, schema: { type: string } }\n",
);
const env = { APIGOV_TODAY: '2026-06-01' };

function git(dir: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'ignore' });
}

describe('apigov diff', () => {
  it('reports breaking changes first, with a verdict, and exits 1', async () => {
    const dir = tempDir({ 'base.yaml': BASE, 'revision.yaml': REVISION });
    const result = await runCli(['diff', 'base.yaml', 'revision.yaml'], dir, env);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('DELETE /pets/{id}');
    expect(result.stdout).toContain('error  api-path-removed-without-deprecation  path removed without deprecation');
    expect(result.stdout).toContain('info  new-optional-request-parameter  optional query parameter sort added');
    expect(result.stdout).toContain('Recommended release: major. info.version 1.0.0 → 2.0.0 is a major release.');
  });

  it('prints the documented JSON shape', async () => {
    const dir = tempDir({ 'base.yaml': BASE, 'revision.yaml': REVISION });
    const report = JSON.parse((await runCli(['diff', '-f', 'json', 'base.yaml', 'revision.yaml'], dir, env)).stdout);
    expect(report.changes[0]).toEqual({
      id: 'api-path-removed-without-deprecation',
      level: 'error',
      direction: 'none',
      operation: 'DELETE /pets/{id}',
      path: 'paths./pets/{id}.delete',
      message: 'path removed without deprecation',
      base: null,
      revision: null,
    });
    expect(report.summary).toEqual({ error: 1, warn: 0, info: 1, total: 2, breaking: 1 });
    expect(report.semver).toEqual({ recommended: 'major', actual: 'major', base: '1.0.0', revision: '2.0.0', sufficient: true });
  });

  it('exits 0 below --fail-on and 1 at it', async () => {
    const additive = REVISION.replace(/\n  \/pets\/\{id\}:[\s\S]*$/, '\n');
    const dir = tempDir({ 'base.yaml': BASE.replace(/  \/pets\/\{id\}:[\s\S]*$/, ''), 'revision.yaml': additive });
    expect((await runCli(['diff', 'base.yaml', 'revision.yaml'], dir, env)).code).toBe(0);
    expect((await runCli(['diff', '--fail-on', 'info', 'base.yaml', 'revision.yaml'], dir, env)).code).toBe(1);
  });

  it('writes a markdown changelog a PR comment can carry', async () => {
    const dir = tempDir({ 'base.yaml': BASE, 'revision.yaml': REVISION });
    const result = await runCli(['diff', '-f', 'markdown', 'base.yaml', 'revision.yaml'], dir, env);
    expect(result.stdout).toContain('## API changes: base.yaml → revision.yaml');
    expect(result.stdout).toContain('**1 breaking**, 0 warning, 1 info. Recommended release: **major** (info.version 1.0.0 → 2.0.0: major).');
    expect(result.stdout).toContain('| 🔴 | `api-path-removed-without-deprecation` | path removed without deprecation |');
  });

  it('reads REF:path from a real git repository', async () => {
    const dir = tempDir({ 'api/openapi.yaml': BASE });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    writeFileSync(path.join(dir, 'api', 'openapi.yaml'), REVISION);
    const result = await runCli(['diff', '-f', 'json', 'main:api/openapi.yaml', 'api/openapi.yaml'], dir, env);
    expect(JSON.parse(result.stdout).summary.breaking).toBe(1);
    const fromSubdir = await runCli(['diff', '-f', 'json', 'HEAD:openapi.yaml', 'openapi.yaml'], path.join(dir, 'api'), env);
    expect(JSON.parse(fromSubdir.stdout).summary.breaking).toBe(1);
  });

  it('reports nothing for a description against itself', async () => {
    const dir = tempDir({ 'base.yaml': BASE });
    expect(await runCli(['diff', 'base.yaml', 'base.yaml'], dir, env)).toEqual({ code: 0, stdout: 'No changes.\n', stderr: '' });
  });

  const BAD: Array<[string, Record<string, string>, string[], string]> = [
    ['a missing base', { 'revision.yaml': REVISION }, ['nope.yaml', 'revision.yaml'], 'apigov: base: nope.yaml: file not found'],
    ['an invalid revision', { 'base.yaml': BASE, 'revision.yaml': 'openapi: [\n' }, ['base.yaml', 'revision.yaml'], 'apigov: revision: revision.yaml:2:1: not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['an unknown version', { 'base.yaml': BASE, 'revision.yaml': 'openapi: 5.0.0\ninfo: {title: x, version: "1"}\npaths: {}\n' }, ['base.yaml', 'revision.yaml'], 'apigov: revision: revision.yaml:1:1: unsupported OpenAPI version "5.0.0" (apigov reads Swagger 2.0 and OpenAPI 3.0, 3.1, 3.2)'],
    ['an unresolvable $ref', { 'base.yaml': BASE.replace("'200': { description: ok }", "'200': { $ref: '#/components/responses/Missing' }"), 'revision.yaml': REVISION }, ['base.yaml', 'revision.yaml'], 'apigov: base: base.yaml: $ref "#/components/responses/Missing" at paths./pets.get.responses.200 cannot be resolved'],
    ['a bad git ref', { 'base.yaml': BASE }, ['no-such-branch:base.yaml', 'base.yaml'], 'apigov: base: no-such-branch:base.yaml: not inside a git repository, so the git revision cannot be read'],
    ['a URL without --allow-remote', { 'base.yaml': BASE }, ['http://127.0.0.1:9/api.yaml', 'base.yaml'], 'apigov: base: http://127.0.0.1:9/api.yaml: URLs are read only with --allow-remote'],
  ];
  it.each(BAD)('refuses %s with one line naming the side, exit 2', async (_name, files, argv, stderr) => {
    const result = await runCli(['diff', ...argv], tempDir(files), env);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${stderr}\n` });
  });

  it('names an unknown git revision inside a repository', async () => {
    const dir = tempDir({ 'base.yaml': BASE });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    const result = await runCli(['diff', 'v9:base.yaml', 'base.yaml'], dir, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^apigov: base: v9:base\.yaml: cannot read from git \(.*v9.*\)\n$/);
  });
});
