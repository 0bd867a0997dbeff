import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit, git, gitRepo } from '../helpers/git.js';
import { runCli } from '../helpers/memory-io.js';

const CONFIG = `ruleset: spectral:oas
specs: [api/*.yaml]
rules:
  operation-operationId: {severity: error, applies: always}
`;

const PETS_V1 = `openapi: 3.0.3
info: {title: Pets, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: The pets.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: string}
        name: {type: string}
`;

const withLimit = (required: boolean, version: string) =>
  PETS_V1.replace('version: 1.0.0', `version: ${version}`).replace(
    '      operationId: listPets\n',
    `      operationId: listPets\n      parameters:\n        - {name: limit, in: query, required: ${required}, schema: {type: integer}}\n`,
  );

const LEGACY = `openapi: 3.0.3
info: {title: Legacy, version: 1.0.0}
paths:
  /orders:
    get:
      responses: {'200': {description: ok}}
  /orders/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
`;

const LEGACY_WITH_ITEMS = `${LEGACY}  /orders/{id}/items:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
`;

const waiver = (expires: string) => `${CONFIG}waivers:
  - rule: operation-operationId
    operation: GET /orders/{id}/items
    reason: generated client pins the anonymous operation until v2
    owner: team-orders
    expires: ${expires}
`;

const ENV = { APIGOV_TODAY: '2026-06-01' };

describe('apigov check: the CI gate, end to end in a real git repository', () => {
  it('passes a non-breaking change, fails a breaking one, baselines legacy debt, fails a new violation and an expired waiver', async () => {
    const repo = gitRepo({ 'apigov.yaml': CONFIG, 'api/pets.yaml': PETS_V1 });
    git(repo, 'checkout', '-q', '-b', 'feature');

    // 1. A non-breaking change (an optional parameter, a minor version bump) passes.
    commit(repo, 'optional limit', { 'api/pets.yaml': withLimit(false, '1.1.0') });
    const nonBreaking = await runCli(['check'], repo, ENV);
    expect(nonBreaking.stderr).toBe('');
    expect(nonBreaking.stdout).toContain('apigov check against merge-base(HEAD, main)');
    expect(nonBreaking.stdout).toMatch(/info\s+new-optional-request-parameter\s+optional query parameter limit added/);
    expect(nonBreaking.stdout).toContain('check passed');
    expect(nonBreaking.code).toBe(0);

    // 2. A breaking one (the parameter becomes required, for clients that never sent it) fails, naming the change.
    commit(repo, 'required limit', { 'api/pets.yaml': withLimit(true, '1.1.0') });
    const breaking = await runCli(['check'], repo, ENV);
    expect(breaking.code).toBe(1);
    expect(breaking.stdout).toMatch(/error\s+new-required-request-parameter\s+required query parameter limit added/);
    expect(breaking.stdout).toContain('check failed: 1 API change at or above fail-on');
    commit(repo, 'optional again', { 'api/pets.yaml': withLimit(false, '1.1.0') });

    // 3. Legacy debt arrives from main: operations without operationId, a rule that applies always.
    git(repo, 'checkout', '-q', 'main');
    commit(repo, 'legacy orders API', { 'api/legacy.yaml': LEGACY });
    git(repo, 'checkout', '-q', 'feature');
    git(repo, 'merge', '-q', '--no-edit', 'main');
    const legacy = await runCli(['check', '-f', 'json'], repo, ENV);
    expect(legacy.code).toBe(1);
    const legacyFindings = JSON.parse(legacy.stdout).findings.filter((f: { rule: string }) => f.rule === 'operation-operationId');
    expect(legacyFindings.map((f: { path: string; status: string; part: string }) => [f.path, f.status, f.part])).toEqual([
      ['/paths/~1orders/get', 'new', 'unchanged'],
      ['/paths/~1orders~1{id}/get', 'new', 'unchanged'],
    ]);

    // Recording a baseline makes the run pass; the file lists the debt by rule, file and pointer.
    const record = await runCli(['check', '--update-baseline'], repo, ENV);
    expect(record.code).toBe(0);
    expect(record.stdout).toContain('Baseline .apigov-baseline.json updated');
    const baseline = JSON.parse(readFileSync(path.join(repo, '.apigov-baseline.json'), 'utf8'));
    expect(baseline.findings).toContainEqual({ rule: 'operation-operationId', file: 'api/legacy.yaml', path: '/paths/~1orders/get' });
    expect(baseline.findings).toContainEqual({ rule: 'operation-operationId', file: 'api/legacy.yaml', path: '/paths/~1orders~1{id}/get' });
    commit(repo, 'baseline');
    const afterBaseline = await runCli(['check'], repo, ENV);
    expect(afterBaseline.code).toBe(0);
    expect(afterBaseline.stdout).toMatch(/Not counted: \d+ baselined/);

    // 4. A new violation fails, named, while the baselined ones stay quiet.
    commit(repo, 'order items', { 'api/legacy.yaml': LEGACY_WITH_ITEMS });
    const violation = await runCli(['check'], repo, ENV);
    expect(violation.code).toBe(1);
    expect(violation.stdout).toMatch(/error\s+operation-operationId\s+Operation must have "operationId"\.\s+paths\.\/orders\/\{id\}\/items\.get/);
    expect(violation.stdout.match(/operation-operationId/g)).toHaveLength(1);
    expect(violation.stdout).toContain('check failed: 1 lint finding at or above error');

    // 5. Waiving it with an expiry in the past does not waive it, and the expired waiver fails the run by name.
    commit(repo, 'waive, expired', { 'apigov.yaml': waiver('2026-01-31') });
    const expired = await runCli(['check'], repo, ENV);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toMatch(/error\s+apigov-waiver-expired\s+waiver for operation-operationId at GET \/orders\/\{id\}\/items \(owner: team-orders\) expired on 2026-01-31/);
    expect(expired.stdout).toMatch(/error\s+operation-operationId\s+Operation must have "operationId"/);

    // ...while the same waiver, still valid, waives it (the expiry day itself included).
    commit(repo, 'waive, renewed', { 'apigov.yaml': waiver('2026-06-01') });
    const waived = await runCli(['check'], repo, ENV);
    expect(waived.stdout).toContain('1 waived');
    expect(waived.code).toBe(0);
  });
});
