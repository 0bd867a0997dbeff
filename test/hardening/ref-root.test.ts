import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit, gitRepo } from '../helpers/git.js';
import { runCli, tempDir, type RunResult } from '../helpers/memory-io.js';
import { SECRET, SECRET_YAML } from './hostile-cases.js';

/**
 * --ref-root (and `ref-root:` in apigov.yaml) widens where `$ref`ed files may come from, from the
 * spec's folder to a folder above it; everything else about confinement stays. Layout:
 * <dir>/project/{api,shared}, <dir>/outside/secret.yaml, <dir>/elsewhere/api.yaml.
 */

const HEAD = 'openapi: 3.0.3\ninfo: {title: Things, version: 1.0.0}\n';
const withRef = (ref: string) =>
  `${HEAD}paths:\n  /things:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '${ref}'}\n`;
const thing = (idType: string) => `Thing:\n  type: object\n  properties:\n    id: {type: ${idType}}\n  example: {id: 5}\n`;
const SCHEMA_AT = 'paths./things.get.responses.200.content.application/json.schema';

function layout(): { dir: string; api: string } {
  const dir = tempDir({
    'project/api/api.yaml': withRef('../shared/thing.yaml#/Thing'),
    'project/api/revision.yaml': withRef('../shared/thing-v2.yaml#/Thing'),
    'project/api/escape.yaml': withRef('../shared/innocent.yaml'),
    'project/shared/thing.yaml': thing('string'),
    'project/shared/thing-v2.yaml': thing('integer'),
    'outside/secret.yaml': SECRET_YAML,
    'elsewhere/api.yaml': withRef('./thing.yaml#/Thing'),
    'elsewhere/thing.yaml': thing('string'),
  });
  symlinkSync(path.join(dir, 'outside/secret.yaml'), path.join(dir, 'project/shared/innocent.yaml'));
  return { dir, api: path.join(dir, 'project/api') };
}

interface JsonFinding {
  code: string;
  path: string[];
  message: string;
  source: string;
}

async function lintJson(args: string[], cwd: string, env?: Record<string, string>): Promise<{ result: RunResult; findings: JsonFinding[] }> {
  const result = await runCli(['lint', '-r', 'spectral:oas', '-f', 'json', ...args], cwd, env);
  expect(result.stdout + result.stderr).not.toContain(SECRET);
  return { result, findings: result.stdout === '' ? [] : JSON.parse(result.stdout) };
}

const invalidRefs = (findings: JsonFinding[]) => findings.filter((f) => f.code === 'invalid-ref').map((f) => f.message);

describe('--ref-root: lint', () => {
  it('refuses a ref to ../shared by default, naming the folder', async () => {
    const { dir, api } = layout();
    const { findings } = await lintJson(['api.yaml'], api);
    expect(invalidRefs(findings)).toEqual([`${dir}/project/shared/thing.yaml is outside the spec's folder ${dir}/project/api; not read`]);
  });

  it('reads it with --ref-root pointing at the parent: the shared schema is linted', async () => {
    const { dir, api } = layout();
    const { result, findings } = await lintJson(['--ref-root', '..', 'api.yaml'], api);
    expect(invalidRefs(findings)).toEqual([]);
    // The example in the shared file breaks its own schema: only a run that read the file can say so.
    const example = findings.find((f) => f.code === 'oas3-valid-schema-example');
    expect(example).toMatchObject({ source: `${dir}/project/shared/thing.yaml`, message: '"id" property type must be string' });
    expect(result.code).toBe(1);
  });

  it('still refuses a symlink that leads out of the ref root, and never shows its content', async () => {
    const { dir, api } = layout();
    const { findings } = await lintJson(['--ref-root', '..', 'escape.yaml'], api);
    expect(invalidRefs(findings)).toEqual([`${dir}/project/shared/innocent.yaml is outside --ref-root ${dir}/project; not read`]);
  });

  it('refuses a spec that is not under the ref root (exit 2 for that file), and lints the others', async () => {
    const { dir, api } = layout();
    const result = await runCli(['lint', '-r', 'spectral:oas', '-f', 'json', '--ref-root', '..', 'api.yaml', '../../elsewhere/api.yaml'], api);
    expect(result.stderr).toBe(`apigov: ../../elsewhere/api.yaml: not under --ref-root ${dir}/project; every spec must be inside the folder its $refs are confined to\n`);
    expect(new Set((JSON.parse(result.stdout) as JsonFinding[]).map((f) => f.source))).toEqual(new Set([`${dir}/project/api/api.yaml`, `${dir}/project/shared/thing.yaml`]));
    expect(result.code).toBe(2);
  });

  it('is a usage error when the folder does not exist', async () => {
    const { api } = layout();
    expect(await runCli(['lint', '--ref-root', '../nope', 'api.yaml'], api)).toEqual({ code: 2, stdout: '', stderr: 'apigov: --ref-root: ../nope is not a folder\n' });
  });

  it('keys the result cache on the ref root: the same spec under another root is linted again', async () => {
    const { api } = layout();
    const env = { APIGOV_CACHE_DIR: tempDir() };
    const confined = await lintJson(['api.yaml'], api, env);
    const widened = await lintJson(['--ref-root', '..', 'api.yaml'], api, env);
    const again = await lintJson(['api.yaml'], api, env);
    expect(invalidRefs(confined.findings)).toHaveLength(1);
    expect(invalidRefs(widened.findings)).toEqual([]);
    expect(again.findings).toEqual(confined.findings);
  });
});

describe('ref-root: in apigov.yaml', () => {
  it('widens the root, relative to the config file, and the flag wins over it', async () => {
    const { dir, api } = layout();
    writeFileSync(path.join(dir, 'project/apigov.yaml'), 'ruleset: spectral:oas\nref-root: .\n');
    expect(invalidRefs((await lintJson(['api.yaml'], api)).findings)).toEqual([]);
    expect(invalidRefs((await lintJson(['--ref-root', '.', 'api.yaml'], api)).findings)).toEqual([
      `${dir}/project/shared/thing.yaml is outside --ref-root ${dir}/project/api; not read`,
    ]);
  });

  it('names the config line when the folder does not exist', async () => {
    const { dir, api } = layout();
    writeFileSync(path.join(dir, 'project/apigov.yaml'), 'ruleset: spectral:oas\nref-root: ./nope\n');
    expect(await runCli(['lint', 'api.yaml'], api)).toEqual({ code: 2, stdout: '', stderr: `apigov: ${dir}/project/apigov.yaml:2:1: ref-root: ${dir}/project/nope is not a folder\n` });
  });
});

describe('--ref-root: diff', () => {
  it('refuses the ref by default, with the reason', async () => {
    const { dir, api } = layout();
    expect(await runCli(['diff', 'api.yaml', 'revision.yaml'], api)).toEqual({
      code: 2,
      stdout: '',
      stderr: `apigov: base: api.yaml: $ref "../shared/thing.yaml#/Thing" at ${SCHEMA_AT} cannot be resolved: ${dir}/project/shared/thing.yaml is outside the spec's folder ${dir}/project/api; not read\n`,
    });
  });

  it('compares the shared schemas with --ref-root', async () => {
    const { api } = layout();
    const result = await runCli(['diff', '--ref-root', '..', '-f', 'json', 'api.yaml', 'revision.yaml'], api);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { changes: Array<{ id: string }> }).changes.map((c) => c.id)).toContain('response-property-type-changed');
    expect(result.code).toBe(1);
  });

  it('still refuses the symlink out of the root', async () => {
    const { dir, api } = layout();
    const result = await runCli(['diff', '--ref-root', '..', 'api.yaml', 'escape.yaml'], api);
    expect(result.stderr).toBe(`apigov: revision: escape.yaml: $ref "../shared/innocent.yaml" at ${SCHEMA_AT} cannot be resolved: ${dir}/project/shared/innocent.yaml is outside --ref-root ${dir}/project; not read\n`);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.code).toBe(2);
  });

  it('refuses a side that is not under the root', async () => {
    const { dir, api } = layout();
    expect(await runCli(['diff', '--ref-root', '..', 'api.yaml', '../../elsewhere/api.yaml'], api)).toEqual({
      code: 2,
      stdout: '',
      stderr: `apigov: revision: ../../elsewhere/api.yaml: not under --ref-root ${dir}/project; every spec must be inside the folder its $refs are confined to\n`,
    });
  });
});

describe('--ref-root: check', () => {
  it('lints and diffs a spec whose schemas live in a shared folder, base version read from git', async () => {
    const repo = gitRepo({ 'apigov.yaml': 'ruleset: spectral:oas\nspecs: ["api/*.yaml"]\n', 'api/api.yaml': withRef('../shared/thing.yaml#/Thing'), 'shared/thing.yaml': thing('string') });
    commit(repo, 'change the shared schema', { 'shared/thing.yaml': thing('integer') });
    const confined = await runCli(['check', '-f', 'json', '--base', 'HEAD~1'], repo);
    const refused = JSON.parse(confined.stdout) as { findings: Array<{ rule: string }>; specs: Array<{ note?: string }> };
    expect(refused.findings.map((f) => f.rule)).toContain('invalid-ref');
    expect(refused.specs[0]!.note).toContain('is outside the spec\'s folder');

    const widened = await runCli(['check', '-f', 'json', '--base', 'HEAD~1', '--ref-root', '.'], repo);
    const json = JSON.parse(widened.stdout) as { findings: Array<{ rule: string }>; changes: Array<{ id: string }>; specs: Array<{ note?: string }> };
    expect(json.findings.map((f) => f.rule)).not.toContain('invalid-ref');
    expect(json.specs[0]!.note).toBeUndefined();
    expect(json.changes.map((c) => c.id)).toContain('response-property-type-changed');
  });
});
