import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';

/** Under spectral:oas: info-contact at /info, operation-operationId and operation-tags on both operations. */
const SPEC = `openapi: 3.0.3
info:
  title: Pets
  version: 1.0.0
  description: Pets.
servers: [{url: 'https://api.example.com'}]
paths:
  /pets:
    get:
      description: List.
      responses:
        '200': {description: ok}
  /pets/{id}:
    get:
      description: One.
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok}
`;

const BASE_CONFIG = 'ruleset: spectral:oas\nspecs: [api.yaml]\n';
const TODAY = { APIGOV_TODAY: '2026-06-01' };

async function lintJson(files: Record<string, string>, env: Record<string, string> = TODAY, args: string[] = []) {
  const dir = tempDir(files);
  const result = await runCli(['lint', '-f', 'json', ...args], dir, env);
  const rows = result.stdout ? (JSON.parse(result.stdout) as Array<{ code: string; path: (string | number)[]; message: string; severity: number; range: { start: { line: number } } }>) : [];
  return { ...result, dir, rows, codes: rows.map((r) => `${r.code} ${r.path.join('.')}`).sort() };
}

const waiver = (fields: string) => `waivers:\n  - {${fields}, reason: legacy, owner: team-pets, expires: 2026-12-31}\n`;

describe('waivers in apigov.yaml', () => {
  it('by JSON pointer: waive the rule at or under that place only', async () => {
    const { codes, code } = await lintJson({ 'api.yaml': SPEC, 'apigov.yaml': BASE_CONFIG + waiver('rule: operation-tags, path: /paths/~1pets') });
    expect(codes).toEqual(['info-contact info', 'operation-operationId paths./pets.get', 'operation-operationId paths./pets/{id}.get', 'operation-tags paths./pets/{id}.get']);
    expect(code).toBe(0);
  });

  it('by operation, with * and ** patterns', async () => {
    const one = await lintJson({ 'api.yaml': SPEC, 'apigov.yaml': BASE_CONFIG + waiver("rule: operation-operationId, operation: 'GET /pets/{id}'") });
    expect(one.codes.filter((c) => c.startsWith('operation-operationId'))).toEqual(['operation-operationId paths./pets.get']);
    const all = await lintJson({ 'api.yaml': SPEC, 'apigov.yaml': BASE_CONFIG + waiver("rule: operation-operationId, operation: '* /pets/**'") });
    expect(all.codes.filter((c) => c.startsWith('operation-operationId'))).toEqual([]);
  });

  it('with neither path nor operation: the rule everywhere in the specs it names', async () => {
    const files = { 'api.yaml': SPEC, 'other.yaml': SPEC, 'apigov.yaml': 'ruleset: spectral:oas\nspecs: ["*.yaml"]\n' + waiver('rule: info-contact, specs: [other.yaml]') };
    const { rows, dir } = await lintJson(files);
    expect(rows.filter((r) => r.code === 'info-contact').map((r) => path.relative(dir, (r as unknown as { source: string }).source))).toEqual(['api.yaml']);
  });

  it('an expired waiver waives nothing and is an error naming it, at its line in apigov.yaml', async () => {
    const config = `${BASE_CONFIG}waivers:\n  - rule: info-contact\n    path: /info\n    reason: contact page pending\n    owner: team-pets\n    expires: 2026-05-31\n`;
    const { rows, code, dir } = await lintJson({ 'api.yaml': SPEC, 'apigov.yaml': config });
    expect(rows.map((r) => r.code)).toContain('info-contact');
    const expired = rows.find((r) => r.code === 'apigov-waiver-expired')!;
    expect(expired).toMatchObject({
      path: ['waivers', 0],
      severity: 0,
      message: 'waiver for info-contact at /info (owner: team-pets) expired on 2026-05-31: contact page pending',
      range: { start: { line: 3, character: 4 } },
      source: path.join(dir, 'apigov.yaml'),
    });
    expect(code).toBe(1);
  });

  it('holds through its expiry day (APIGOV_TODAY pins the date)', async () => {
    const files = { 'api.yaml': SPEC, 'apigov.yaml': BASE_CONFIG + waiver('rule: info-contact, path: /info') };
    expect((await lintJson(files, { APIGOV_TODAY: '2026-12-31' })).codes).not.toContain('info-contact info');
    const dayAfter = await lintJson(files, { APIGOV_TODAY: '2027-01-01' });
    expect(dayAfter.codes).toContain('info-contact info');
    expect(dayAfter.codes).toContain('apigov-waiver-expired waivers.0');
  });

  it('an unused waiver is a warning; not reported when the run did not look at the specs it may cover', async () => {
    const files = { 'api.yaml': SPEC, 'apigov.yaml': BASE_CONFIG + waiver('rule: info-contact, operation: GET /pets') };
    const all = await lintJson(files);
    const unused = all.rows.find((r) => r.code === 'apigov-waiver-unused')!;
    expect(unused).toMatchObject({ severity: 1, message: 'waiver for info-contact at GET /pets (owner: team-pets) waives nothing; remove it', path: ['waivers', 0] });
    const scoped = { 'api.yaml': SPEC, 'apigov.yaml': BASE_CONFIG + waiver('rule: info-contact, operation: GET /pets, specs: [elsewhere.yaml]') };
    expect((await lintJson(scoped)).codes.filter((c) => c.startsWith('apigov-waiver'))).toEqual([]);
    // Linting one file by name does not judge a waiver without specs either.
    expect((await lintJson(files, TODAY, ['api.yaml'])).codes.filter((c) => c.startsWith('apigov-waiver'))).toEqual([]);
  });

  it('refuses a malformed APIGOV_TODAY', async () => {
    const { code, stderr } = await lintJson({ 'api.yaml': SPEC }, { APIGOV_TODAY: '1 June 2026' }, ['api.yaml']);
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'apigov: APIGOV_TODAY: must be a date YYYY-MM-DD (got "1 June 2026")\n' });
  });
});

describe('inline x-apigov-ignore', () => {
  it('waives the listed rules for findings at or under the object that carries it', async () => {
    const spec = SPEC.replace("  /pets/{id}:\n    get:\n", "  /pets/{id}:\n    x-apigov-ignore: [operation-operationId]\n    get:\n").replace("info:\n  title: Pets\n", "info:\n  x-apigov-ignore: info-contact\n  title: Pets\n");
    const { codes, stderr } = await lintJson({ 'api.yaml': spec, 'apigov.yaml': BASE_CONFIG });
    expect(codes).toEqual(['operation-operationId paths./pets.get', 'operation-tags paths./pets.get', 'operation-tags paths./pets/{id}.get']);
    expect(stderr).toBe('apigov: not counted: 2 waived\n');
  });

  it('reports a listed rule that waives nothing, at the x-apigov-ignore line', async () => {
    const spec = SPEC.replace("  /pets:\n    get:\n", "  /pets:\n    get:\n      x-apigov-ignore: [operation-tags, operation-summary]\n");
    const { rows, codes } = await lintJson({ 'api.yaml': spec }, TODAY, ['-r', 'spectral:oas', 'api.yaml']);
    const unused = rows.filter((r) => r.code === 'apigov-waiver-unused');
    expect(unused).toHaveLength(1);
    expect(unused[0]).toMatchObject({ path: ['paths', '/pets', 'get', 'x-apigov-ignore'], message: 'x-apigov-ignore of operation-summary waives nothing here; remove it', range: { start: { line: 9 } } });
    expect(codes).not.toContain('operation-tags paths./pets.get');
    expect(codes).toContain('operation-tags paths./pets/{id}.get');
  });
});
