import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git.js';
import { startLoopback, type Loopback } from '../helpers/loopback.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

// A ruleset is code, so one from a URL is refused unless --allow-remote-ruleset, and even then
// only its declarative YAML/JSON form is loaded. Each case runs through lint and through check
// (diff takes no ruleset); a loopback listener counts what reached the network.

const SPEC = 'openapi: 3.0.3\ninfo: {title: hostile, version: 1.0.0}\npaths: {}\n';

const DECLARATIVE = `extends: [[spectral:oas, off], ./more.yaml]
rules:
  remote-contact:
    description: Info has a contact.
    severity: error
    given: $.info
    then: {field: contact, function: truthy}
`;
const MORE = `rules:
  remote-title-capital:
    severity: warn
    given: $.info.title
    then: {function: pattern, functionOptions: {match: '^[A-Z]'}}
`;
const JS_RULESET = "module.exports = { rules: {} }; require('child_process').execSync('touch /tmp/apigov-pwned');\n";

let server: Loopback;
beforeAll(async () => {
  server = await startLoopback({
    '/ok.yaml': { body: DECLARATIVE },
    '/more.yaml': { body: MORE },
    '/ruleset.js': { body: JS_RULESET, type: 'text/javascript' },
    '/functions.yaml': { body: 'functionsDir: ./functions\nfunctions: [steal]\nrules: {}\n' },
    '/extends-js.yaml': { body: 'extends: ./ruleset.js\n' },
    '/extends-local.yaml': { body: 'extends: /etc/passwd\n' },
    '/extends-package.yaml': { body: 'extends: some-npm-package\n' },
    '/extends-elsewhere.yaml': { body: 'extends: http://127.0.0.2:9/other.yaml\n' },
    '/not-a-ruleset.yaml': { body: '- just\n- a list\n' },
    '/bomb.yaml': { body: `a: &a [x,x,x,x,x,x,x,x,x]\n${'bcdefghij'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`).join('\n')}\n` },
  });
});
afterAll(() => server.close());

interface RulesetCase {
  name: string;
  ruleset: (url: string) => string;
  allow: boolean;
  stderr: (url: string) => string;
  /** Paths the listener may have been asked for. */
  requests: string[];
}

const REFUSED: RulesetCase[] = [
  {
    name: 'a remote ruleset without --allow-remote-ruleset',
    ruleset: (url) => `${url}/ok.yaml`,
    allow: false,
    stderr: (url) => `${url}/ok.yaml: remote rulesets are loaded only with --allow-remote-ruleset, and then only YAML/JSON without custom functions; or download it and pass the file`,
    requests: [],
  },
  {
    name: 'a JS ruleset from a URL',
    ruleset: (url) => `${url}/ruleset.js`,
    allow: true,
    stderr: (url) => `${url}/ruleset.js: JS rulesets are not loaded from URLs; only YAML/JSON ones (no custom functions)`,
    requests: [],
  },
  {
    name: 'custom functions in a remote ruleset',
    ruleset: (url) => `${url}/functions.yaml`,
    allow: true,
    stderr: (url) => `${url}/functions.yaml: functions: a remote ruleset may not load custom functions; only Spectral's built-in functions run`,
    requests: ['/functions.yaml'],
  },
  {
    name: 'a remote ruleset extending JS',
    ruleset: (url) => `${url}/extends-js.yaml`,
    allow: true,
    stderr: (url) => `${url}/extends-js.yaml: extends "./ruleset.js": JS rulesets are not loaded from URLs`,
    requests: ['/extends-js.yaml'],
  },
  {
    name: 'a remote ruleset extending a local file',
    ruleset: (url) => `${url}/extends-local.yaml`,
    allow: true,
    stderr: (url) => `${url}/extends-local.yaml: extends "/etc/passwd": a remote ruleset may extend only built-in rulesets and YAML/JSON rulesets on its own origin`,
    requests: ['/extends-local.yaml'],
  },
  {
    name: 'a remote ruleset extending an npm package',
    ruleset: (url) => `${url}/extends-package.yaml`,
    allow: true,
    stderr: (url) => `${url}/extends-package.yaml: extends "some-npm-package": a remote ruleset may extend only built-in rulesets and YAML/JSON rulesets on its own origin`,
    requests: ['/extends-package.yaml'],
  },
  {
    name: 'a remote ruleset extending another origin',
    ruleset: (url) => `${url}/extends-elsewhere.yaml`,
    allow: true,
    stderr: (url) => `${url}/extends-elsewhere.yaml: extends "http://127.0.0.2:9/other.yaml": a remote ruleset may extend only rulesets on its own origin (${url})`,
    requests: ['/extends-elsewhere.yaml'],
  },
  {
    name: 'a remote document that is not a ruleset',
    ruleset: (url) => `${url}/not-a-ruleset.yaml`,
    allow: true,
    stderr: (url) => `${url}/not-a-ruleset.yaml: not a ruleset (the document is not a mapping)`,
    requests: ['/not-a-ruleset.yaml'],
  },
  {
    name: 'an alias bomb as a remote ruleset',
    ruleset: (url) => `${url}/bomb.yaml`,
    allow: true,
    stderr: (url) => `${url}/bomb.yaml:7:8: YAML aliases expand to more than 1,000,000 nodes (an alias bomb); not parsed`,
    requests: ['/bomb.yaml'],
  },
  {
    name: 'a missing remote ruleset',
    ruleset: (url) => `${url}/missing.yaml`,
    allow: true,
    stderr: (url) => `${url}/missing.yaml: cannot fetch (HTTP 404)`,
    requests: ['/missing.yaml'],
  },
];

async function expectRefused(testCase: RulesetCase, argv: (ruleset: string) => string[], cwd: string): Promise<void> {
  const before = server.requests().length;
  const started = performance.now();
  const result = await runCli(argv(testCase.ruleset(server.url)), cwd);
  expect(result.stderr).toBe(`apigov: ${testCase.stderr(server.url)}\n`);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
  expect(performance.now() - started).toBeLessThan(15_000);
  expect(server.requests().slice(before)).toEqual(testCase.requests);
}

describe.each(REFUSED)('hostile ruleset: $name', (testCase) => {
  const flags = testCase.allow ? ['--allow-remote-ruleset'] : [];

  it('lint refuses it with one line and exit 2', async () => {
    const dir = tempDir({ 'api.yaml': SPEC });
    await expectRefused(testCase, (ruleset) => ['lint', '--no-cache', '-r', ruleset, ...flags, 'api.yaml'], dir);
  });

  it('check refuses it with one line and exit 2', async () => {
    const dir = gitRepo({ 'api.yaml': SPEC });
    await expectRefused(testCase, (ruleset) => ['check', '--no-cache', '--base', 'HEAD', '-r', ruleset, ...flags, 'api.yaml'], dir);
  });
});

describe('remote rulesets that are allowed', () => {
  it('loads a declarative remote ruleset, its same-origin extends and a built-in, with --allow-remote-ruleset', async () => {
    const dir = tempDir({ 'api.yaml': SPEC.replace('hostile', 'lowercase') });
    const before = server.requests().length;
    const result = await runCli(['lint', '--no-cache', '-f', 'json', '-r', `${server.url}/ok.yaml`, '--allow-remote-ruleset', 'api.yaml'], dir);
    expect(result.stderr).toBe('');
    const findings = JSON.parse(result.stdout) as Array<{ code: string; message: string }>;
    expect(findings.map((f) => f.code).sort()).toEqual(['remote-contact', 'remote-title-capital']);
    expect(result.code).toBe(1);
    expect(server.requests().slice(before).sort()).toEqual(['/more.yaml', '/ok.yaml']);
  });

  it('takes a remote ruleset from apigov.yaml only with the flag', async () => {
    const dir = tempDir({ 'api.yaml': SPEC, 'apigov.yaml': `ruleset: ${server.url}/ok.yaml\n` });
    const refused = await runCli(['lint', '--no-cache', 'api.yaml'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${server.url}/ok.yaml: remote rulesets are loaded only with --allow-remote-ruleset`);
    const allowed = await runCli(['lint', '--no-cache', '-f', 'json', '--allow-remote-ruleset', 'api.yaml'], dir);
    expect(JSON.parse(allowed.stdout).map((f: { code: string }) => f.code)).toContain('remote-contact');
  });

  it('lets a local ruleset extend a remote declarative one only with the flag', async () => {
    const dir = tempDir({ 'api.yaml': SPEC, 'rules.yaml': `extends: ${server.url}/more.yaml\n` });
    const before = server.requests().length;
    const refused = await runCli(['lint', '--no-cache', '-r', 'rules.yaml', 'api.yaml'], dir);
    expect(refused.stderr).toBe(
      `apigov: ${server.url}/more.yaml: remote rulesets are loaded only with --allow-remote-ruleset, and then only YAML/JSON without custom functions; or download it and pass the file\n`,
    );
    expect(refused.code).toBe(2);
    expect(server.requests().slice(before)).toEqual([]);
    const allowed = await runCli(['lint', '--no-cache', '-f', 'json', '-r', 'rules.yaml', '--allow-remote-ruleset', 'api.yaml'], dir);
    expect(JSON.parse(allowed.stdout).map((f: { code: string }) => f.code)).toEqual(['remote-title-capital']);
  });

  it('never ran the JS the listener serves', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync('/tmp/apigov-pwned')).toBe(false);
    expect(server.requests()).not.toContain('/ruleset.js');
  });
});
