import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit, git, gitRepo } from '../helpers/git.js';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const ENV = { APIGOV_TODAY: '2026-06-01' };

/**
 * apigov:recommended finds apigov-servers-https on the http server, operation-operationId and
 * apigov-operation-security-defined on both operations; DELETE ignores the last one inline.
 */
const SPEC = `openapi: 3.0.3
info:
  title: Pets
  version: 1.0.0
servers:
  - url: http://api.example.com
security: []
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
  /pets/{petId}:
    delete:
      x-apigov-ignore: [apigov-operation-security-defined]
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        '204':
          description: gone
`;

const WAIVER = `waivers:
  - rule: apigov-servers-https
    path: /servers
    reason: the http server is an internal mirror
    owner: team-platform
    expires: 2026-12-31
`;

const BASELINE = `${JSON.stringify({ version: 1, findings: [{ rule: 'operation-operationId', file: 'api.yaml', path: '/paths/~1pets/get' }] })}\n`;

interface Result {
  ruleId: string;
  locations: Array<{ logicalLocations?: Array<{ fullyQualifiedName: string }> }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<Record<string, unknown>>;
}

const resultsOf = (stdout: string) => JSON.parse(stdout).runs[0].results as Result[];
const pointerOf = (r: Result) => r.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName;
const { validate, skipReason } = sarifValidator();

describe('SARIF records waived and baselined results as suppressed', () => {
  it.skipIf(!validate)(`lint: config waiver external with its reason, x-apigov-ignore inSource, baseline external "baseline" ${skipReason ?? ''}`, async () => {
    const dir = tempDir({ 'api.yaml': SPEC, 'apigov.yaml': WAIVER, '.apigov-baseline.json': BASELINE });
    const result = await runCli(['lint', '-f', 'sarif', 'api.yaml'], dir, ENV);
    const log = JSON.parse(result.stdout);
    expect(validate!(log)).toEqual([]);
    const results = resultsOf(result.stdout);
    const find = (rule: string, pointer: string) => results.find((r) => r.ruleId === rule && pointerOf(r) === pointer)!;
    expect(find('apigov-servers-https', '/servers/0/url').suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'the http server is an internal mirror', properties: { owner: 'team-platform', expires: '2026-12-31', declaredAt: 'apigov.yaml waivers[0]' } },
    ]);
    expect(find('apigov-operation-security-defined', '/paths/~1pets~1{petId}/delete').suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'waived in the spec by /paths/~1pets~1{petId}/delete/x-apigov-ignore', properties: { declaredAt: '/paths/~1pets~1{petId}/delete/x-apigov-ignore' } },
    ]);
    expect(find('operation-operationId', '/paths/~1pets/get').suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'baseline' }]);
    // What still counts carries no suppression, and decides the exit code (GET /pets is unsecured).
    expect(find('apigov-operation-security-defined', '/paths/~1pets/get').suppressions).toBeUndefined();
    expect(find('operation-operationId', '/paths/~1pets~1{petId}/delete').suppressions).toBeUndefined();
    expect(results.filter((r) => r.suppressions).length).toBe(3);
    expect(result.code).toBe(1);
    // A suppressed result keeps the fingerprint it has when it counts, so dismissing is not "fixed + new".
    const plain = resultsOf((await runCli(['lint', '-f', 'sarif', 'api.yaml'], tempDir({ 'api.yaml': SPEC }), ENV)).stdout);
    expect(results.map((r) => `${r.ruleId} ${r.partialFingerprints['apigov/v1']}`).sort()).toEqual(plain.map((r) => `${r.ruleId} ${r.partialFingerprints['apigov/v1']}`).sort());
    // Other formats and the exit code still see only what counts.
    const json = JSON.parse((await runCli(['lint', '-f', 'json', 'api.yaml'], dir, ENV)).stdout) as Array<{ code: string }>;
    expect(json.length).toBe(results.length - 3);
    expect(json.map((f) => f.code)).not.toContain('apigov-servers-https');
  });

  it.skipIf(!validate)('lint: an expired waiver suppresses nothing', async () => {
    const dir = tempDir({ 'api.yaml': SPEC, 'apigov.yaml': WAIVER.replace('2026-12-31', '2026-05-31') });
    const results = resultsOf((await runCli(['lint', '-f', 'sarif', 'api.yaml'], dir, ENV)).stdout);
    expect(results.find((r) => r.ruleId === 'apigov-servers-https')!.suppressions).toBeUndefined();
    expect(results.map((r) => r.ruleId)).toContain('apigov-waiver-expired');
  });

  it.skipIf(!validate)('diff: a waived change is a suppressed result with the waiver reason', async () => {
    const dir = tempDir({ 'apigov.yaml': 'waivers:\n  - {rule: request-parameter-became-required, path: /paths/~1pets/get/parameters/0, reason: limit was always sent, owner: team-pets, expires: 2026-12-31}\n' });
    mkdirSync(path.join(dir, 'api'));
    for (const side of ['base', 'revision']) copyFileSync(path.join(REPO, 'fixtures/diff/parameters/required-optional', `${side}.yaml`), path.join(dir, 'api', `${side}.yaml`));
    const result = await runCli(['diff', '-f', 'sarif', 'api/base.yaml', 'api/revision.yaml'], dir, ENV);
    const log = JSON.parse(result.stdout);
    expect(validate!(log)).toEqual([]);
    const results = resultsOf(result.stdout);
    const required = results.filter((r) => r.ruleId === 'request-parameter-became-required');
    expect(required.map((r) => r.suppressions)).toEqual([undefined, [{ kind: 'external', status: 'accepted', justification: 'limit was always sent', properties: { owner: 'team-pets', expires: '2026-12-31', declaredAt: 'apigov.yaml waivers[0]' } }]]);
    expect(required.map(pointerOf)).toEqual(['/paths/~1pets/get/parameters/2', '/paths/~1pets/get/parameters/0']);
    expect(result.code).toBe(1);
    // The summary counts what counts.
    expect(log.runs[0].properties.summary).toMatchObject({ error: 1, total: 2 });
  });

  it.skipIf(!validate)('check: baselined findings and a waived breaking change are suppressed; unjudged ones are left out', async () => {
    const spec = (withName: boolean) => `openapi: 3.0.3
info: {title: Pets, version: 1.0.0}
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
${withName ? '                  name: {type: string}\n' : ''}  /owners:
    get:
      responses:
        '200': {description: ok}
`;
    const config = `ruleset: spectral:oas\nspecs: [api.yaml]\nwaivers:\n  - {rule: response-optional-property-removed, operation: GET /pets, reason: 'name moved to /pets/{id}/profile', owner: team-pets, expires: 2026-12-31}\ndiff:\n  fail-on: warn\n`;
    const baseline = `${JSON.stringify({ version: 1, findings: [{ rule: 'operation-description', file: 'api.yaml', path: '/paths/~1pets/get' }] })}\n`;
    const repo = gitRepo({ 'apigov.yaml': config, 'api.yaml': spec(true), '.apigov-baseline.json': baseline });
    git(repo, 'checkout', '-q', '-b', 'feature');
    commit(repo, 'remove name', { 'api.yaml': spec(false) });
    const result = await runCli(['check', '-f', 'sarif'], repo, ENV);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const log = JSON.parse(result.stdout);
    expect(validate!(log)).toEqual([]);
    const results = resultsOf(result.stdout);
    const find = (rule: string, pointer: string) => results.find((r) => r.ruleId === rule && pointerOf(r)?.startsWith(pointer));
    expect(find('response-optional-property-removed', '/paths/~1pets/get')!.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'name moved to /pets/{id}/profile', properties: { owner: 'team-pets', expires: '2026-12-31', declaredAt: 'apigov.yaml waivers[0]' } },
    ]);
    expect(find('operation-description', '/paths/~1pets/get')!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'baseline' }]);
    // GET /pets changed, so its other findings are judged and count (warnings: the run still passes).
    expect(find('operation-operationId', '/paths/~1pets/get')!.suppressions).toBeUndefined();
    expect(results.filter((r) => r.suppressions).length).toBe(2);
    // Findings check does not judge (GET /owners is untouched) are neither counted nor suppressed.
    const json = JSON.parse((await runCli(['check', '-f', 'json'], repo, ENV)).stdout) as { findings: Array<{ status: string; path: string }> };
    expect(json.findings.filter((f) => f.status === 'not-judged').map((f) => f.path)).toContain('/paths/~1owners/get');
    expect(results.some((r) => pointerOf(r)?.startsWith('/paths/~1owners'))).toBe(false);
  });
});
