import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_FORMATTERS } from '../../src/report/formatters/index.js';
import { commit, git, gitRepo } from '../helpers/git.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

const ENV = { APIGOV_TODAY: '2026-06-01' };

/** A spec that is clean at error level under spectral:oas; `extra` is inserted under paths. */
const spec = ({ version = '1.0.0', name = true, extra = '' } = {}) => `openapi: 3.0.3
info: {title: Pets, version: ${version}}
paths:
${extra}  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
${name ? '                  name: {type: string}\n' : ''}`;

const CONFIG = 'ruleset: spectral:oas\nspecs: ["api/*.yaml"]\n';

type CheckJson = {
  base: { ref: string; commit: string };
  result: string;
  specs: Array<{ file: string; atBase: boolean; profile: string; failOn: string; note?: string }>;
  findings: Array<{ rule: string; path: string; status: string; part: string | null; severity: string }>;
  changes: Array<{ id: string; level: string; status: string; fails: boolean; waiver?: { owner: string } }>;
};

async function checkJson(repo: string, args: string[] = []): Promise<{ code: number; stderr: string; json: CheckJson }> {
  const result = await runCli(['check', '-f', 'json', ...args], repo, ENV);
  return { code: result.code, stderr: result.stderr, json: JSON.parse(result.stdout) };
}

/** A repository whose main has the config and spec, on a feature branch with `files` committed. */
function featureRepo(files: Record<string, string | null>, base: Record<string, string> = { 'apigov.yaml': CONFIG, 'api/pets.yaml': spec() }): string {
  const repo = gitRepo(base);
  git(repo, 'checkout', '-q', '-b', 'feature');
  commit(repo, 'feature', files);
  return repo;
}

describe('apigov check: which base', () => {
  it('defaults to the merge base with origin/HEAD in a clone', async () => {
    const upstream = gitRepo({ 'apigov.yaml': CONFIG, 'api/pets.yaml': spec() }, 'trunk');
    const clone = tempDir();
    execFileSync('git', ['clone', '-q', upstream, clone]);
    git(clone, 'checkout', '-q', '-b', 'feature');
    commit(clone, 'remove name', { 'api/pets.yaml': spec({ name: false }) });
    const { json } = await checkJson(clone);
    expect(json.base.ref).toBe('merge-base(HEAD, origin/trunk)');
    expect(json.base.commit).toBe(git(upstream, 'rev-parse', 'trunk').trim());
    expect(json.changes.map((c) => c.id)).toContain('response-optional-property-removed');
  });

  it('uses the branch point, not the tip the default branch has moved on to', async () => {
    const repo = featureRepo({ 'api/pets.yaml': spec({ version: '1.1.0' }) });
    git(repo, 'checkout', '-q', 'main');
    commit(repo, 'main adds an operation', { 'api/pets.yaml': spec({ extra: "  /owners:\n    get:\n      operationId: listOwners\n      responses: {'200': {description: ok}}\n" }) });
    git(repo, 'checkout', '-q', 'feature');
    const fromBranchPoint = await checkJson(repo);
    expect(fromBranchPoint.json.changes.map((c) => c.id)).not.toContain('api-path-removed-without-deprecation');
    expect(fromBranchPoint.code).toBe(0);
    // Against main's tip the operation main added looks removed: that is what --base main asks for.
    const againstTip = await checkJson(repo, ['--base', 'main']);
    expect(againstTip.json.base.ref).toBe('main');
    expect(againstTip.json.changes.filter((c) => c.fails).map((c) => c.id)).toEqual(['api-path-removed-without-deprecation']);
    expect(againstTip.code).toBe(1);
  });

  it('falls back to master', async () => {
    const repo = gitRepo({ 'apigov.yaml': CONFIG, 'api/pets.yaml': spec() }, 'master');
    expect((await checkJson(repo)).json.base.ref).toBe('merge-base(HEAD, master)');
  });

  const refusals: Array<[string, () => string, string[], string]> = [
    ['no default branch to find', () => gitRepo({ 'apigov.yaml': CONFIG, 'api/pets.yaml': spec() }, 'develop'), [], 'apigov: cannot tell the default branch (no origin/HEAD, main or master); pass --base <git-ref>\n'],
    ['an unknown --base', () => gitRepo({ 'apigov.yaml': CONFIG, 'api/pets.yaml': spec() }), ['--base', 'no-such-branch'], 'apigov: --base: "no-such-branch" is not a commit, branch or tag in this repository\n'],
    ['not a git repository', () => tempDir({ 'apigov.yaml': CONFIG, 'api/pets.yaml': spec() }), [], 'apigov: apigov check compares with a git base, but the working directory is not inside a git repository\n'],
    ['a bad --fail-on', () => tempDir({}), ['--fail-on', 'breaking'], 'apigov: --fail-on: must be error, warn or info (got "breaking")\n'],
    ['an unknown --profile', () => gitRepo({ 'apigov.yaml': CONFIG, 'api/pets.yaml': spec() }), ['--profile', 'strict'], 'apigov: --profile: no profile "strict" in apigov.yaml diff.profiles\n'],
  ];
  it.each(refusals)('exit 2 for %s', async (_, makeDir, args, stderr) => {
    expect(await runCli(['check', ...args], makeDir(), ENV)).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('apigov check: what it judges', () => {
  it('a spec that did not exist at the base is all new: every finding judged, nothing to diff', async () => {
    const repo = featureRepo({ 'api/owners.yaml': spec().replace('Pets', 'Owners').replace(/\/pets/g, '/owners').replace('listPets', 'listOwners') });
    const { json, code } = await checkJson(repo);
    const owners = json.specs.find((s) => s.file === 'api/owners.yaml')!;
    expect(owners.atBase).toBe(false);
    const ownerFindings = json.findings.filter((f) => f.path.startsWith('/paths/~1owners'));
    expect(ownerFindings.length).toBeGreaterThan(0);
    expect(new Set(ownerFindings.map((f) => `${f.status} ${f.part}`))).toEqual(new Set(['new added']));
    // The untouched pets spec: its findings are not judged by rules that apply to changed parts only.
    expect(new Set(json.findings.filter((f) => f.path.startsWith('/paths/~1pets')).map((f) => `${f.status} ${f.part}`))).toEqual(new Set(['not-judged unchanged']));
    expect(code).toBe(0);
    const text = await runCli(['check'], repo, ENV);
    expect(text.stdout).toContain('api/owners.yaml: new since the base, every part judged as new');
  });

  it('applies: changed judges a changed operation, added only new ones, always everything', async () => {
    const config = `${CONFIG}rules:\n  operation-description: {severity: error}\n  operation-tags: {severity: error, applies: added}\n  info-contact: {severity: error, applies: always}\n`;
    const changedOp = spec().replace('      operationId: listPets\n', '      operationId: listPets\n      summary: List pets\n');
    const repo = featureRepo({ 'api/pets.yaml': changedOp.replace('paths:\n', "paths:\n  /owners:\n    get:\n      operationId: listOwners\n      description: Owners.\n      responses: {'200': {description: ok}}\n") }, { 'apigov.yaml': config, 'api/pets.yaml': spec() });
    const { json, code } = await checkJson(repo);
    const judged = (rule: string) => json.findings.filter((f) => f.rule === rule).map((f) => `${f.path} ${f.status}`).sort();
    expect(judged('operation-description')).toEqual(['/paths/~1pets/get new']);
    expect(judged('operation-tags')).toEqual(['/paths/~1owners/get new', '/paths/~1pets/get not-judged']);
    expect(judged('info-contact')).toEqual(['/info new']);
    expect(code).toBe(1);
  });

  it('a base version that cannot be read is judged as new, with a note, instead of blocking the fix', async () => {
    const repo = featureRepo({ 'api/pets.yaml': spec() }, { 'apigov.yaml': CONFIG, 'api/pets.yaml': 'openapi: 3.0.3\ninfo: [\n' });
    const { json, code } = await checkJson(repo);
    expect(json.specs[0]!.note).toMatch(/^cannot compare with the base version, so all of it is judged as new: base: .*not valid YAML or JSON/);
    expect(json.findings.every((f) => f.part === 'added')).toBe(true);
    expect(code).toBe(0);
  });
});

describe('apigov check: the diff policy', () => {
  const removal = { 'api/pets.yaml': spec({ name: false }) };

  it('fails on error by default; diff.rules raise, lower or switch off a check; --fail-on overrides', async () => {
    const byDefault = await checkJson(featureRepo(removal));
    expect(byDefault.json.changes.find((c) => c.id === 'response-optional-property-removed')).toMatchObject({ level: 'warn', status: 'new', fails: false });
    expect(byDefault.code).toBe(0);
    const raised = await checkJson(featureRepo(removal, { 'apigov.yaml': `${CONFIG}diff:\n  rules: {response-optional-property-removed: error}\n`, 'api/pets.yaml': spec() }));
    expect(raised.json.changes.find((c) => c.id === 'response-optional-property-removed')).toMatchObject({ level: 'error', fails: true });
    expect(raised.code).toBe(1);
    const off = await checkJson(featureRepo(removal, { 'apigov.yaml': `${CONFIG}diff:\n  rules: {response-optional-property-removed: off}\n`, 'api/pets.yaml': spec() }));
    expect(off.json.changes.map((c) => c.id)).not.toContain('response-optional-property-removed');
    const failOnInfo = await checkJson(featureRepo(removal), ['--fail-on', 'warn']);
    expect(failOnInfo.json.specs[0]!.failOn).toBe('warn');
    expect(failOnInfo.code).toBe(1);
  });

  it('a profile picked by spec glob (or --profile) refines the policy for those specs', async () => {
    const config = `${CONFIG}diff:\n  profiles:\n    strict:\n      specs: [api/public-*.yaml]\n      fail-on: warn\n`;
    const repo = featureRepo({ 'api/pets.yaml': spec({ name: false }), 'api/public-pets.yaml': spec({ name: false }) }, { 'apigov.yaml': config, 'api/pets.yaml': spec(), 'api/public-pets.yaml': spec() });
    const { json, code } = await checkJson(repo);
    expect(json.specs.map((s) => `${s.file} ${s.profile} ${s.failOn}`)).toEqual(['api/pets.yaml default error', 'api/public-pets.yaml strict warn']);
    expect(json.changes.filter((c) => c.fails).length).toBe(1);
    expect(code).toBe(1);
    const forced = await checkJson(repo, ['--profile', 'strict']);
    expect(forced.json.specs.map((s) => s.profile)).toEqual(['strict', 'strict']);
    expect(forced.json.changes.filter((c) => c.fails).length).toBe(2);
  });

  it('a waiver with the change id and operation excuses an intended breaking change', async () => {
    const config = `${CONFIG}waivers:\n  - {rule: response-optional-property-removed, operation: GET /pets, reason: 'name moved to /pets/{id}/profile', owner: team-pets, expires: 2026-07-01}\ndiff:\n  fail-on: warn\n`;
    const { json, code } = await checkJson(featureRepo(removal, { 'apigov.yaml': config, 'api/pets.yaml': spec() }));
    expect(json.changes.find((c) => c.id === 'response-optional-property-removed')).toMatchObject({ status: 'waived', fails: false, waiver: { owner: 'team-pets' } });
    expect(code).toBe(0);
  });
});

describe('apigov check: output', () => {
  it('speaks every lint format, with the breaking change among the results', async () => {
    const repo = featureRepo({ 'api/pets.yaml': spec({ name: false }) }, { 'apigov.yaml': `${CONFIG}diff:\n  fail-on: warn\n`, 'api/pets.yaml': spec() });
    for (const format of Object.keys(LINT_FORMATTERS).filter((name) => name !== 'stylish' && name !== 'json')) {
      const result = await runCli(['check', '-f', format, '-o', `report.${format}`], repo, ENV);
      expect(result, format).toMatchObject({ code: 1, stdout: '', stderr: '' });
      const text = execFileSync('cat', [path.join(repo, `report.${format}`)], { encoding: 'utf8' });
      expect(text, format).toContain('response-optional-property-removed');
    }
  });

  it('refuses an unknown format', async () => {
    const result = await runCli(['check', '-f', 'xml'], tempDir({}), ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^apigov: --format: unknown format "xml" \(available: text, json/);
  });
});
