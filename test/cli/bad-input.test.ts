import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { MINIMAL_OAS3 } from '../helpers/specs.js';

interface Case {
  name: string;
  files: Record<string, string>;
  argv: string[];
  /** The whole of stderr; `<dir>` stands for the temp directory. */
  stderr: string;
}

const SPEC_CASES: Case[] = [
  { name: 'a missing file', files: {}, argv: ['lint', 'nope.yaml'], stderr: 'apigov: nope.yaml: file not found' },
  { name: 'a directory', files: { 'dir/x': '' }, argv: ['lint', 'dir'], stderr: 'apigov: dir: is a directory, not a spec file' },
  { name: 'an empty file', files: { 'api.yaml': '' }, argv: ['lint', 'api.yaml'], stderr: 'apigov: api.yaml: file is empty' },
  { name: 'only whitespace', files: { 'api.yaml': ' \n\n\t\n' }, argv: ['lint', 'api.yaml'], stderr: 'apigov: api.yaml: file is empty' },
  {
    name: 'broken YAML',
    files: { 'api.yaml': 'openapi: 3.0.0\ninfo: {title: x\n' },
    argv: ['lint', 'api.yaml'],
    stderr: 'apigov: api.yaml:3:1: not valid YAML or JSON: Unexpected end of the stream within a flow collection',
  },
  {
    name: 'broken JSON',
    files: { 'api.json': '{"openapi": "3.0.0", "info": {' },
    argv: ['lint', 'api.json'],
    stderr: 'apigov: api.json:2:1: not valid YAML or JSON: Unexpected end of the stream within a flow collection',
  },
  {
    name: 'a list at the top level',
    files: { 'api.yaml': '- openapi\n- 3.0.0\n' },
    argv: ['lint', 'api.yaml'],
    stderr: 'apigov: api.yaml: not an API description: the document is a list, not a mapping',
  },
  {
    name: 'a YAML file that is not an API description',
    files: { 'api.yaml': 'name: my-app\nversion: 1.0.0\n' },
    argv: ['lint', 'api.yaml'],
    stderr: 'apigov: api.yaml: not an API description: no "openapi", "swagger" or "asyncapi" field at the top level',
  },
  {
    name: 'an unknown OpenAPI version',
    files: { 'api.yaml': 'openapi: 4.0.0\ninfo: {title: x, version: "1"}\npaths: {}\n' },
    argv: ['lint', 'api.yaml'],
    stderr: 'apigov: api.yaml:1:10: unsupported OpenAPI version "4.0.0" (apigov reads Swagger 2.0 and OpenAPI 3.0, 3.1, 3.2)',
  },
  {
    name: 'an unknown Swagger version',
    files: { 'api.yaml': 'swagger: "1.2"\ninfo: {title: x, version: "1"}\n' },
    argv: ['lint', 'api.yaml'],
    stderr: 'apigov: api.yaml:1:10: unsupported Swagger version "1.2" (only "2.0" is an OpenAPI description)',
  },
  { name: 'a glob that matches nothing', files: {}, argv: ['lint', 'specs/*.yaml'], stderr: 'apigov: specs/*.yaml: no files match this pattern' },
  { name: 'an empty spec argument (an unset variable)', files: {}, argv: ['lint', ''], stderr: 'apigov: "": an empty spec argument names no file' },
];

const RULESET_CASES: Case[] = [
  { name: 'a ruleset that does not exist', files: {}, argv: ['-r', 'missing.yaml'], stderr: 'apigov: missing.yaml: ruleset not found (not a built-in name, a file, or an installed npm package)' },
  { name: 'an unknown built-in ruleset', files: {}, argv: ['-r', 'apigov:everything'], stderr: 'apigov: apigov:everything: unknown built-in ruleset (run "apigov rules" to see the built-in ones)' },
  {
    name: 'a ruleset that is not valid YAML',
    files: { 'rules.yaml': 'rules:\n  a: [\n' },
    argv: ['-r', 'rules.yaml'],
    stderr: 'apigov: <dir>/rules.yaml:3:1: not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    name: 'a rule without then',
    files: { 'rules.yaml': 'rules:\n  my-rule:\n    given: $.info\n' },
    argv: ['-r', 'rules.yaml'],
    stderr: 'apigov: <dir>/rules.yaml: rules.my-rule: the rule must have at least "given" and "then" properties',
  },
  {
    name: 'an unknown function',
    files: { 'rules.yaml': 'rules:\n  my-rule:\n    given: $.info\n    then: {function: nope}\n' },
    argv: ['-r', 'rules.yaml'],
    stderr: 'apigov: <dir>/rules.yaml: rules.my-rule.then.function: Function is not defined',
  },
  {
    name: 'extending a missing file',
    files: { 'rules.yaml': 'extends: ./base.yaml\n' },
    argv: ['-r', 'rules.yaml'],
    stderr: 'apigov: <dir>/base.yaml: ruleset file not found',
  },
  {
    name: 'a JS ruleset with a syntax error',
    files: { 'rules.mjs': 'export default { rules: {\n' },
    argv: ['-r', 'rules.mjs'],
    stderr: 'apigov: <dir>/rules.mjs:2:1: Unexpected token (Note that you need plugins to import files that are not JavaScript)',
  },
  {
    name: 'a remote ruleset',
    files: {},
    argv: ['-r', 'http://127.0.0.1:9/ruleset.yaml'],
    stderr: 'apigov: http://127.0.0.1:9/ruleset.yaml: remote rulesets are loaded only with --allow-remote-ruleset, and then only YAML/JSON without custom functions; or download it and pass the file',
  },
];

const CONFIG_CASES: Case[] = [
  { name: 'an unknown config key', files: { 'apigov.yaml': 'rulez: {}\n' }, argv: [], stderr: 'apigov: <dir>/apigov.yaml:1:1: rulez: unknown key (allowed: ruleset, specs, rules, options, overrides, diff, waivers, baseline, ref-root)' },
  {
    name: 'an unknown rule id in config',
    files: { 'apigov.yaml': 'ruleset: spectral:oas\nrules:\n  no-such-rule: warn\n' },
    argv: [],
    stderr: 'apigov: <dir>/apigov.yaml:3:3: rules.no-such-rule: unknown rule id (not in the active ruleset)',
  },
  {
    name: 'a bad severity in config',
    files: { 'apigov.yaml': 'rules:\n  info-contact: fatal\n' },
    argv: [],
    stderr: 'apigov: <dir>/apigov.yaml:2:3: rules.info-contact: must be one of error, warn, info, hint, off (got "fatal")',
  },
  {
    name: 'an unknown casing option',
    files: { 'apigov.yaml': 'options:\n  casing: screaming\n' },
    argv: [],
    stderr: 'apigov: <dir>/apigov.yaml:2:3: options.casing: must be one of camel, snake, kebab, pascal (got "screaming")',
  },
  { name: 'config that is not YAML', files: { 'apigov.yaml': 'rules: [\n' }, argv: [], stderr: 'apigov: <dir>/apigov.yaml:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' },
];

const USAGE_CASES: Case[] = [
  { name: 'a bad --fail-severity', files: { 'api.yaml': MINIMAL_OAS3 }, argv: ['lint', '-F', 'fatal', 'api.yaml'], stderr: 'apigov: --fail-severity: must be error, warn, info or hint (got "fatal")' },
  { name: 'an unknown --format', files: { 'api.yaml': MINIMAL_OAS3 }, argv: ['lint', '-f', 'xml', 'api.yaml'], stderr: 'apigov: --format: unknown format "xml" (available: stylish, json, sarif, junit, github-actions, markdown, html, gitlab)' },
  { name: 'no spec and no config', files: {}, argv: ['lint'], stderr: 'apigov: no spec given: pass a spec file or glob, e.g. apigov lint openapi.yaml' },
];

async function expectExit2(testCase: Case): Promise<void> {
  const dir = tempDir(testCase.files);
  const result = await runCli(testCase.argv, dir);
  expect(result.stderr).toBe(`${testCase.stderr.replaceAll('<dir>', dir)}\n`);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
}

describe('bad input: one clear line, exit 2, nothing on stdout', () => {
  it.each(SPEC_CASES)('spec: $name', expectExit2);
  it.each(RULESET_CASES)('ruleset: $name', (c) => expectExit2({ ...c, files: { ...c.files, 'api.yaml': MINIMAL_OAS3 }, argv: ['lint', ...c.argv, 'api.yaml'] }));
  it.each(CONFIG_CASES)('config: $name', (c) => expectExit2({ ...c, files: { ...c.files, 'api.yaml': MINIMAL_OAS3 }, argv: ['lint', 'api.yaml'] }));
  it.each(USAGE_CASES)('usage: $name', expectExit2);

  it('prints a stack trace only with --verbose', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3, 'rules.yaml': 'rules:\n  r:\n    given: $\n    then: {function: nope}\n' });
    const quiet = await runCli(['lint', '-r', 'rules.yaml', 'api.yaml'], dir);
    expect(quiet.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const verbose = await runCli(['--verbose', 'lint', '-r', 'rules.yaml', 'api.yaml'], dir);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });

  it('reports an unresolvable $ref as an invalid-ref finding, not a crash', async () => {
    const spec = `${MINIMAL_OAS3.replace('paths: {}\n', '')}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './missing.yaml'}\n`;
    const dir = tempDir({ 'api.yaml': spec });
    const result = await runCli(['lint', '-r', 'spectral:oas', '-f', 'json', 'api.yaml'], dir);
    const refs = JSON.parse(result.stdout).filter((r: { code: string }) => r.code === 'invalid-ref');
    expect(refs).toHaveLength(1);
    expect(refs[0].message).toBe(`cannot read ${dir}/missing.yaml: file not found`);
    expect(result.code).toBe(1);
  });

  it('does not read a $ref target outside the spec folder', async () => {
    const dir = tempDir({ 'secret.yaml': 'type: string\ndescription: TOP-SECRET-VALUE\n', 'api/api.yaml': '' });
    const spec = `${MINIMAL_OAS3.replace('paths: {}\n', '')}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '../secret.yaml'}\n`;
    const specDir = tempDir({});
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/api/api.yaml`, spec);
    const result = await runCli(['lint', '-r', 'spectral:oas', '-f', 'json', `${dir}/api/api.yaml`], specDir);
    expect(result.stdout).not.toContain('TOP-SECRET-VALUE');
    const refs = JSON.parse(result.stdout).filter((r: { code: string }) => r.code === 'invalid-ref');
    expect(refs[0].message).toBe(`${dir}/secret.yaml is outside the spec's folder ${dir}/api; not read`);
  });
});
