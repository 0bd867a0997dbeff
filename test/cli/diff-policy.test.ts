import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../helpers/git.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const ENV = { APIGOV_TODAY: '2026-06-01' };
/** Two breaking changes (request-parameter-became-required, parameters 0 and 2 of GET /pets) and one info. */
const REQUIRED = 'parameters/required-optional';
/** Only info changes (operation ids and tags added or removed). */
const INFO_ONLY = 'endpoints/operation-id-and-tags';

interface DiffJson {
  changes: Array<{ id: string; level: string; path: string }>;
  summary: { error: number; warn: number; info: number; total: number };
}

/** A temp project: apigov.yaml (when given) and fixture pairs copied to `<folder>/{base,revision}.yaml`. */
function project(config: string | undefined, pairs: Record<string, string>): string {
  const dir = tempDir(config === undefined ? {} : { 'apigov.yaml': config });
  for (const [folder, fixture] of Object.entries(pairs)) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    for (const side of ['base', 'revision']) copyFileSync(path.join(REPO, 'fixtures/diff', fixture, `${side}.yaml`), path.join(dir, folder, `${side}.yaml`));
  }
  return dir;
}

async function diff(dir: string, folder: string, extra: string[] = [], format = 'json') {
  const result = await runCli(['diff', '-f', format, ...extra, `${folder}/base.yaml`, `${folder}/revision.yaml`], dir, ENV);
  return { ...result, json: format === 'json' && result.stdout ? (JSON.parse(result.stdout) as DiffJson) : undefined };
}

const ids = (json: DiffJson | undefined) => json!.changes.map((c) => `${c.level} ${c.id}`);

describe('apigov diff honours the diff policy of apigov.yaml', () => {
  it('a per-check level in diff.rules changes the level and the exit code', async () => {
    const plain = await diff(project(undefined, { api: INFO_ONLY }), 'api');
    expect(plain.code).toBe(0);
    expect(ids(plain.json)).toContain('info api-operation-id-removed');
    const raised = await diff(project('diff:\n  rules:\n    api-operation-id-removed: error\n', { api: INFO_ONLY }), 'api');
    expect(raised.code).toBe(1);
    expect(ids(raised.json).filter((c) => c.startsWith('error '))).toEqual(['error api-operation-id-removed', 'error api-operation-id-removed']);
    expect(raised.json!.summary).toMatchObject({ error: 2, total: plain.json!.summary.total });
    // Lowering a breaking check to info lets the run pass.
    const lowered = await diff(project('diff:\n  rules:\n    request-parameter-became-required: info\n', { api: REQUIRED }), 'api');
    expect(lowered.code).toBe(0);
    expect(ids(lowered.json).filter((c) => c.endsWith('became-required'))).toEqual(['info request-parameter-became-required', 'info request-parameter-became-required']);
  });

  it('diff.fail-on sets the failing level; --fail-on on the command line wins over it', async () => {
    const dir = project('diff:\n  fail-on: info\n', { api: INFO_ONLY });
    expect((await diff(dir, 'api')).code).toBe(1);
    expect((await diff(dir, 'api', ['--fail-on', 'error'])).code).toBe(0);
    expect((await diff(project(undefined, { api: INFO_ONLY }), 'api', ['--fail-on', 'info'])).code).toBe(1);
  });

  it('off hides a change from the report, its summary and the exit code', async () => {
    const dir = project('diff:\n  rules:\n    request-parameter-became-required: off\n', { api: REQUIRED });
    const { code, json } = await diff(dir, 'api');
    expect(code).toBe(0);
    expect(ids(json)).toEqual(['info request-parameter-became-optional']);
    expect(json!.summary).toMatchObject({ error: 0, info: 1, total: 1 });
    const text = await diff(dir, 'api', [], 'text');
    expect(text.stdout).not.toContain('request-parameter-became-required');
  });

  it('a profile applies to the revisions its specs globs select, or to any with --profile', async () => {
    const config = 'diff:\n  profiles:\n    strict:\n      specs: [public/*.yaml]\n      fail-on: info\n      rules: {api-tag-added: off}\n';
    const dir = project(config, { public: INFO_ONLY, internal: INFO_ONLY });
    const selected = await diff(dir, 'public');
    expect(selected.code).toBe(1);
    expect(ids(selected.json)).not.toContain('info api-tag-added');
    const other = await diff(dir, 'internal');
    expect(other.code).toBe(0);
    expect(ids(other.json)).toContain('info api-tag-added');
    const forced = await diff(dir, 'internal', ['--profile', 'strict']);
    expect(forced.code).toBe(1);
    expect(ids(forced.json)).not.toContain('info api-tag-added');
    // The command line wins over the profile's fail-on too.
    expect((await diff(dir, 'public', ['--fail-on', 'error'])).code).toBe(0);
    const unknown = await diff(dir, 'internal', ['--profile', 'lenient']);
    expect(unknown).toMatchObject({ code: 2, stdout: '', stderr: 'apigov: --profile: no profile "lenient" in apigov.yaml diff.profiles (available: strict)\n' });
  });

  it('a git revision REF:path is selected by the profile globs of its path', async () => {
    const config = 'diff:\n  profiles:\n    strict:\n      specs: [public/*.yaml]\n      fail-on: info\n';
    const dir = project(config, { public: INFO_ONLY });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'pair');
    const fromGit = await runCli(['diff', '-f', 'json', 'public/base.yaml', 'HEAD:public/revision.yaml'], dir, ENV);
    expect(fromGit.code).toBe(1);
    expect(ids(JSON.parse(fromGit.stdout) as DiffJson)).toContain('info api-operation-id-removed');
    expect((await runCli(['diff', '-f', 'json', 'HEAD:public/revision.yaml', 'HEAD:public/revision.yaml'], dir, ENV)).code).toBe(0);
  });

  it('a config waiver naming a diff check hides the changes it covers; one on a pointer only that one', async () => {
    const waiver = (where: string, expires = '2026-12-31') => `waivers:\n  - rule: request-parameter-became-required\n    ${where}\n    reason: clients were migrated in March\n    owner: team-pets\n    expires: ${expires}\n`;
    const byOperation = await diff(project(waiver('operation: GET /pets'), { api: REQUIRED }), 'api');
    expect(byOperation.code).toBe(0);
    expect(ids(byOperation.json)).toEqual(['info request-parameter-became-optional']);
    expect(byOperation.stderr).toBe('apigov: not counted: 2 waived\n');
    const byPointer = await diff(project(waiver('path: /paths/~1pets/get/parameters/0'), { api: REQUIRED }), 'api');
    expect(byPointer.code).toBe(1);
    expect(byPointer.json!.changes.filter((c) => c.id === 'request-parameter-became-required').map((c) => c.path)).toEqual(['paths./pets.get.parameters.2']);
    // A waiver limited to other specs does not apply.
    const elsewhere = await diff(project(`${waiver('operation: GET /pets')}    specs: [other/*.yaml]\n`, { api: REQUIRED }), 'api');
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.json!.summary.error).toBe(2);
  });

  it('an expired waiver waives nothing and fails the run, naming itself in apigov.yaml', async () => {
    const config = 'waivers:\n  - rule: request-parameter-became-optional\n    operation: GET /pets\n    reason: documented in the changelog\n    owner: team-pets\n    expires: 2026-05-31\n';
    const dir = project(config, { api: REQUIRED });
    const expired = await diff(dir, 'api', ['--fail-on', 'error']);
    // The only change it covered is info, below fail-on: the expired waiver alone fails the run.
    expect(expired.code).toBe(1);
    expect(ids(expired.json)).toContain('info request-parameter-became-optional');
    expect(expired.stderr).toBe('apigov: apigov.yaml:2:5: waiver for request-parameter-became-optional at GET /pets (owner: team-pets) expired on 2026-05-31: documented in the changelog\n');
    // The day before it expired, it held.
    const held = await runCli(['diff', '-f', 'json', '--fail-on', 'warn', 'api/base.yaml', 'api/revision.yaml'], dir, { APIGOV_TODAY: '2026-05-31' });
    expect(held.code).toBe(1);
    expect((JSON.parse(held.stdout) as DiffJson).changes.map((c) => c.id)).not.toContain('request-parameter-became-optional');
    expect(held.stderr).toBe('apigov: not counted: 1 waived\n');
  });

  it('a waiver for a lint rule, expired or not, is not the business of diff', async () => {
    const config = 'waivers:\n  - {rule: info-contact, reason: legacy, owner: team-pets, expires: 2020-01-01}\n';
    const result = await diff(project(config, { api: INFO_ONLY }), 'api');
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('a broken apigov.yaml stops diff as it stops lint and check', async () => {
    const result = await diff(project('diff:\n  fail-on: sometimes\n', { api: INFO_ONLY }), 'api');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^apigov: \S*apigov\.yaml:2:\d+: diff\.fail-on: must be one of error, warn, info \(got "sometimes"\)\n$/);
  });
});
