import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git.js';
import { runCli, tempDir, type RunResult } from '../helpers/memory-io.js';
import { SECRET, SECRET_YAML } from './hostile-cases.js';
import { startListener, type Listener } from './http-listener.js';

/**
 * --allow-remote, with two loopback listeners: `named` stands for a server the user names on the
 * command line (so it may be reached, loopback or not), `other` for an internal service a spec
 * points at — it must never see a connection. Every test checks that last part.
 */

const HEAD = 'openapi: 3.0.3\ninfo: {title: Things, version: 1.0.0}\n';
const withRef = (ref: string) =>
  `${HEAD}paths:\n  /things:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '${ref}'}\n`;
const thing = (idType: string) => `Thing:\n  type: object\n  properties:\n    id: {type: ${idType}}\n  example: {id: 5}\n`;
const SCHEMA_AT = 'paths./things.get.responses.200.content.application/json.schema';
const REF_AT = `${SCHEMA_AT}.$ref`;

let named: Listener;
let other: Listener;

beforeAll(async () => {
  other = await startListener({ '/secret.yaml': { body: SECRET_YAML } });
  named = await startListener({
    '/api.yaml': { body: withRef('./thing.yaml#/Thing') },
    '/api-v2.yaml': { body: withRef('./thing-v2.yaml#/Thing') },
    '/thing.yaml': { body: thing('string') },
    '/thing-v2.yaml': { body: thing('integer') },
    '/hostile.yaml': { body: withRef(`${other.origin}/secret.yaml`) },
    '/via-redirect.yaml': { body: withRef('./to-other') },
    '/to-other': { redirect: `${other.origin}/secret.yaml` },
    '/moved.yaml': { redirect: '/api.yaml' },
    '/endless.yaml': { endless: 'x-filler: lorem ipsum\n' },
    '/declared.yaml': { declares: 1_000_000_000 },
    '/hang.yaml': { hang: true },
    '/refs-endless.yaml': { body: withRef('./endless.yaml') },
    '/refs-declared.yaml': { body: withRef('./declared.yaml') },
    '/refs-hang.yaml': { body: withRef('./hang.yaml') },
  });
});
afterAll(async () => {
  await named.close();
  await other.close();
});
let otherConnections = 0;
afterEach(() => {
  expect(other.connections(), 'connections to the listener no one named').toBe(otherConnections);
  otherConnections = other.connections();
});

interface JsonFinding {
  code: string;
  message: string;
  path: string[];
  source: string;
}

async function lint(args: string[], cwd: string = tempDir(), env?: Record<string, string>): Promise<RunResult & { findings: JsonFinding[] }> {
  const result = await runCli(['lint', '-r', 'spectral:oas', '-f', 'json', ...args], cwd, env);
  expect(result.stdout + result.stderr).not.toContain(SECRET);
  expect(result.stderr).not.toContain('internal error');
  return { ...result, findings: result.stdout === '' ? [] : JSON.parse(result.stdout) };
}

const invalidRefs = (findings: JsonFinding[]) => findings.filter((f) => f.code === 'invalid-ref').map((f) => ({ path: f.path.join('.'), message: f.message }));

describe('a $ref in a local spec to a non-public address', () => {
  const targets: Array<[string, () => string, string | RegExp]> = [
    ['the loopback listener', () => `${other.origin}/secret.yaml`, '127.0.0.1 is a loopback address; not fetched'],
    ['localhost', () => `http://localhost:${new URL(other.origin).port}/secret.yaml`, /^localhost resolves to (127\.0\.0\.1|::1), a loopback address; not fetched$/],
    ['an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${new URL(other.origin).port}/secret.yaml`, '[::ffff:7f00:1] is a loopback address; not fetched'],
    ['IPv6 loopback', () => 'http://[::1]:9/secret.yaml', '[::1] is a loopback address; not fetched'],
    ['the unspecified address', () => `http://0.0.0.0:${new URL(other.origin).port}/secret.yaml`, '0.0.0.0 is an unspecified address; not fetched'],
    ['cloud metadata (link-local)', () => 'http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address; not fetched'],
    ['a private network', () => 'https://10.0.0.1/schemas.yaml', '10.0.0.1 is a private address; not fetched'],
    ['a decimal-encoded loopback', () => `http://2130706433:${new URL(other.origin).port}/secret.yaml`, '127.0.0.1 is a loopback address; not fetched'],
  ];

  it.each(targets)('lint: %s is refused as an invalid-ref finding, no connection made', async (_, target, reason) => {
    const url = target();
    const dir = tempDir({ 'api.yaml': withRef(url) });
    const result = await lint(['--allow-remote', 'api.yaml'], dir);
    const refs = invalidRefs(result.findings);
    expect(refs).toHaveLength(1);
    expect(refs[0]!.path).toBe(REF_AT);
    // The ref as written; the reason names the host as the URL standard reads it.
    const prefix = `${url}: cannot fetch (`;
    expect(refs[0]!.message.slice(0, prefix.length)).toBe(prefix);
    const inner = refs[0]!.message.slice(prefix.length, -1);
    if (typeof reason === 'string') expect(inner).toBe(reason);
    else expect(inner).toMatch(reason);
  });

  it('diff: refuses the side, naming the ref and the reason', async () => {
    const dir = tempDir({ 'api.yaml': withRef(`${other.origin}/secret.yaml`) });
    expect(await runCli(['diff', '--allow-remote', 'api.yaml', 'api.yaml'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: `apigov: base: api.yaml: $ref "${other.origin}/secret.yaml" at ${SCHEMA_AT} cannot be resolved: ${other.origin}/secret.yaml: cannot fetch (127.0.0.1 is a loopback address; not fetched)\n`,
    });
  });

  it('check: the same finding, no connection', async () => {
    const repo = gitRepo({ 'apigov.yaml': 'ruleset: spectral:oas\nspecs: ["api/*.yaml"]\n', 'api/api.yaml': withRef(`${other.origin}/secret.yaml`) });
    const result = await runCli(['check', '-f', 'json', '--base', 'HEAD', '--allow-remote'], repo);
    const findings = (JSON.parse(result.stdout) as { findings: Array<{ rule: string; message: string }> }).findings.filter((f) => f.rule === 'invalid-ref');
    expect(findings.map((f) => f.message)).toEqual([`${other.origin}/secret.yaml: cannot fetch (127.0.0.1 is a loopback address; not fetched)`]);
  });

  it('without --allow-remote nothing is even looked up', async () => {
    const dir = tempDir({ 'api.yaml': withRef(`${other.origin}/secret.yaml`) });
    const result = await lint(['api.yaml'], dir);
    expect(invalidRefs(result.findings)).toEqual([{ path: REF_AT, message: `${other.origin}/secret.yaml: remote references are fetched only with --allow-remote` }]);
  });
});

describe('a URL the user names', () => {
  it('lint: is fetched with its relative refs (same origin), and the findings name the fetched files', async () => {
    const before = named.requests().length;
    const result = await lint(['--allow-remote', `${named.origin}/api.yaml`]);
    expect(named.requests().slice(before)).toEqual(['/api.yaml', '/thing.yaml']);
    expect(invalidRefs(result.findings)).toEqual([]);
    expect(result.findings.find((f) => f.code === 'oas3-valid-schema-example')).toMatchObject({ source: `${named.origin}/thing.yaml`, message: '"id" property type must be string' });
    expect(result.code).toBe(1);
  });

  it('lint: is refused without --allow-remote, before any connection', async () => {
    const connections = named.connections();
    const result = await lint([`${named.origin}/api.yaml`]);
    expect(result.stderr).toBe(`apigov: ${named.origin}/api.yaml: URLs are read only with --allow-remote\n`);
    expect(result.code).toBe(2);
    expect(named.connections()).toBe(connections);
  });

  it("lint: its document's refs to another host are still refused", async () => {
    const result = await lint(['--allow-remote', `${named.origin}/hostile.yaml`]);
    expect(invalidRefs(result.findings)).toEqual([{ path: REF_AT, message: `${other.origin}/secret.yaml: cannot fetch (127.0.0.1 is a loopback address; not fetched)` }]);
  });

  it('diff: both sides and their refs are fetched', async () => {
    const result = await runCli(['diff', '--allow-remote', '-f', 'json', `${named.origin}/api.yaml`, `${named.origin}/api-v2.yaml`], tempDir());
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { changes: Array<{ id: string }> }).changes.map((c) => c.id)).toContain('response-property-type-changed');
  });

  it('is fetched again on every run: results with remote documents are not cached', async () => {
    const env = { APIGOV_CACHE_DIR: tempDir() };
    const before = named.requests().length;
    await lint(['--allow-remote', `${named.origin}/api.yaml`], tempDir(), env);
    await lint(['--allow-remote', `${named.origin}/api.yaml`], tempDir(), env);
    expect(named.requests().slice(before)).toEqual(['/api.yaml', '/thing.yaml', '/api.yaml', '/thing.yaml']);
  });
});

describe('redirects', () => {
  it('are followed on the named origin', async () => {
    const result = await lint(['--allow-remote', `${named.origin}/moved.yaml`]);
    expect(result.stderr).toBe('');
    expect(result.findings.map((f) => f.code)).toContain('oas3-valid-schema-example');
  });

  it('to a loopback address the user did not name are refused, for a URL input', async () => {
    const result = await lint(['--allow-remote', `${named.origin}/to-other`]);
    expect(result.stderr).toBe(`apigov: ${named.origin}/to-other: cannot fetch (redirected to ${other.origin}/secret.yaml: 127.0.0.1 is a loopback address; not fetched)\n`);
    expect(result.code).toBe(2);
  });

  it('and for a $ref', async () => {
    const result = await lint(['--allow-remote', `${named.origin}/via-redirect.yaml`]);
    expect(invalidRefs(result.findings)).toEqual([
      { path: REF_AT, message: `${named.origin}/to-other: cannot fetch (redirected to ${other.origin}/secret.yaml: 127.0.0.1 is a loopback address; not fetched)` },
    ]);
  });

  it('and for a diff side', async () => {
    const result = await runCli(['diff', '--allow-remote', `${named.origin}/api.yaml`, `${named.origin}/to-other`], tempDir());
    expect(result.stderr).toBe(`apigov: revision: ${named.origin}/to-other: cannot fetch (redirected to ${other.origin}/secret.yaml: 127.0.0.1 is a loopback address; not fetched)\n`);
    expect(result.code).toBe(2);
  });
});

describe('size and time limits on remote documents', () => {
  const SMALL = { APIGOV_MAX_SPEC_BYTES: '4000' };

  it('a referenced document that never ends is cut at the size limit', async () => {
    const started = performance.now();
    const result = await lint(['--allow-remote', `${named.origin}/refs-endless.yaml`], tempDir(), SMALL);
    const [ref] = invalidRefs(result.findings);
    expect(ref!.message).toMatch(new RegExp(`^cannot read ${named.origin}/endless.yaml: [\\d.]+ kB, larger than the limit of 3.9 kB \\(APIGOV_MAX_SPEC_BYTES raises it\\)$`));
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a declared content-length over the limit is refused before the body', async () => {
    const result = await lint(['--allow-remote', `${named.origin}/refs-declared.yaml`], tempDir(), SMALL);
    expect(invalidRefs(result.findings)).toEqual([{ path: REF_AT, message: `cannot read ${named.origin}/declared.yaml: 953.7 MB, larger than the limit of 3.9 kB (APIGOV_MAX_SPEC_BYTES raises it)` }]);
  });

  it('a URL input over the limit fails the file', async () => {
    const result = await lint(['--allow-remote', `${named.origin}/endless.yaml`], tempDir(), SMALL);
    expect(result.stderr).toMatch(new RegExp(`^apigov: ${named.origin}/endless.yaml: [\\d.]+ kB, larger than the limit of 3.9 kB \\(APIGOV_MAX_SPEC_BYTES raises it\\)\\n$`));
    expect(result.code).toBe(2);
  });

  it('a server that never answers is given up on after APIGOV_FETCH_TIMEOUT', async () => {
    const started = performance.now();
    const result = await lint(['--allow-remote', `${named.origin}/refs-hang.yaml`], tempDir(), { APIGOV_FETCH_TIMEOUT: '0.5' });
    expect(invalidRefs(result.findings)).toEqual([{ path: REF_AT, message: `${named.origin}/hang.yaml: cannot fetch (no answer within 0.5 s)` }]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a diff side that never answers too', async () => {
    const result = await runCli(['diff', '--allow-remote', `${named.origin}/hang.yaml`, `${named.origin}/api.yaml`], tempDir(), { APIGOV_FETCH_TIMEOUT: '0.5' });
    expect(result.stderr).toBe(`apigov: base: ${named.origin}/hang.yaml: cannot fetch (no answer within 0.5 s)\n`);
    expect(result.code).toBe(2);
  });

  it('a bad APIGOV_FETCH_TIMEOUT is a usage error', async () => {
    expect(await runCli(['lint', 'api.yaml'], tempDir(), { APIGOV_FETCH_TIMEOUT: 'soon' })).toEqual({ code: 2, stdout: '', stderr: 'apigov: APIGOV_FETCH_TIMEOUT: must be a number of seconds above 0 (got "soon")\n' });
  });
});

describe('check', () => {
  it('takes files, not URLs', async () => {
    const result = await runCli(['check', '--allow-remote', `${named.origin}/api.yaml`], tempDir());
    expect(result).toEqual({ code: 2, stdout: '', stderr: `apigov: ${named.origin}/api.yaml: check compares specs with their base version in git, so it takes files; lint or diff a URL\n` });
  });
});
