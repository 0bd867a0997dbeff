import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRuleIds } from '../../src/config/check-rule-ids.js';
import { parseConfigText } from '../../src/config/load-config.js';
import { gitRepo } from '../helpers/git.js';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { MINIMAL_OAS3 } from '../helpers/specs.js';

const FILE = '/project/apigov.yaml';

function errorOf(text: string): string {
  try {
    parseConfigText(text, FILE);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('apigov.yaml validation: each problem with its key path and line:col', () => {
  const cases: Array<[string, string, string]> = [
    ['an unknown top-level key', 'specs: [a.yaml]\nrulez: {}\n', '/project/apigov.yaml:2:1: rulez: unknown key (allowed: ruleset, specs, rules, options, overrides, diff, waivers, baseline, ref-root)'],
    ['an unknown diff check id', 'diff:\n  fail-on: error\n  rules:\n    foo: warn\n', '/project/apigov.yaml:4:5: diff.rules.foo: unknown check id (run "apigov rules" to list them)'],
    ['a bad diff level', 'diff:\n  rules:\n    response-optional-property-removed: fatal\n', '/project/apigov.yaml:3:5: diff.rules.response-optional-property-removed: must be one of error, warn, info, off (got "fatal")'],
    ['a bad fail-on', 'diff:\n  fail-on: breaking\n', '/project/apigov.yaml:2:3: diff.fail-on: must be one of error, warn, info (got "breaking")'],
    ['an unknown check id in a profile', 'diff:\n  profiles:\n    strict:\n      specs: [public/*.yaml]\n      rules:\n        no-such-check: error\n', '/project/apigov.yaml:6:9: diff.profiles.strict.rules.no-such-check: unknown check id (run "apigov rules" to list them)'],
    ['an unknown profile key', 'diff:\n  profiles:\n    strict:\n      failOn: warn\n', '/project/apigov.yaml:4:7: diff.profiles.strict.failOn: unknown key (allowed: specs, fail-on, rules)'],
    ['a bad applies', 'rules:\n  info-contact:\n    applies: sometimes\n', '/project/apigov.yaml:3:5: rules.info-contact.applies: must be one of always, changed, added (got "sometimes")'],
    ['an unknown key in a rule mapping', 'rules:\n  info-contact: {level: warn}\n', '/project/apigov.yaml:2:18: rules.info-contact.level: unknown key (allowed: severity, applies)'],
    ['a waiver without an owner', 'waivers:\n  - rule: info-contact\n    path: /info\n    reason: legacy\n    expires: 2026-01-01\n', '/project/apigov.yaml:2:5: waivers[0].owner: required'],
    ['a waiver with a bad date', 'waivers:\n  - rule: info-contact\n    reason: legacy\n    owner: me\n    expires: 2026-02-30\n', '/project/apigov.yaml:5:5: waivers[0].expires: must be a date YYYY-MM-DD (got "2026-02-30")'],
    ['a waiver with path and operation', 'waivers:\n  - rule: info-contact\n    path: /info\n    operation: GET /pets\n    reason: r\n    owner: o\n    expires: 2026-01-01\n', '/project/apigov.yaml:4:5: waivers[0].operation: give path or operation, not both'],
    ['a waiver path that is not a pointer', 'waivers:\n  - rule: info-contact\n    path: info\n    reason: r\n    owner: o\n    expires: 2026-01-01\n', '/project/apigov.yaml:3:5: waivers[0].path: must be a JSON pointer starting with "/" (got "info")'],
    ['an override without a place', 'overrides:\n  - rules: {info-contact: off}\n', '/project/apigov.yaml:2:5: overrides[0]: needs files, pointers or operations to say where it applies'],
    ['a bad operation pattern', 'overrides:\n  - operations: [pets]\n    rules: {info-contact: off}\n', '/project/apigov.yaml:2:18: overrides[0].operations[0]: must be "METHOD /path" with * or ** for any (got "pets")'],
    ['a ruleset list that is empty', 'ruleset: []\n', '/project/apigov.yaml:1:1: ruleset: must name at least one ruleset'],
    ['a top level that is a list', '- a\n- b\n', '/project/apigov.yaml:1:1: must be a mapping (the top level of apigov.yaml)'],
  ];
  it.each(cases)('%s', (_, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('reports the first problem in file order and counts the others', () => {
    expect(errorOf('diff:\n  rules:\n    foo: warn\nwaivers: nope\nextra: 1\n')).toBe('/project/apigov.yaml:3:5: diff.rules.foo: unknown check id (run "apigov rules" to list them) (and 2 more)');
  });

  it('normalises a full config: paths relative to the file, rule mappings split into severity and applies', () => {
    const config = parseConfigText(
      [
        'specs: [api/*.yaml]',
        'ruleset: [spectral:oas, ./house.yaml]',
        'rules:',
        '  info-contact: error',
        '  operation-tags: {severity: warn, applies: always}',
        '  operation-description: {applies: added}',
        'overrides:',
        '  - files: [legacy/**]',
        '    operations: ["* /admin/**"]',
        '    rules: {operation-tags: off}',
        'diff:',
        '  fail-on: warn',
        '  rules: {response-optional-property-removed: info}',
        '  profiles:',
        '    strict: {specs: [public.yaml], fail-on: info}',
        'waivers:',
        '  - {rule: info-contact, path: /info, reason: legacy, owner: team-a, expires: 2027-01-31}',
        'baseline: ci/baseline.json',
      ].join('\n'),
      FILE,
    );
    expect(config.ruleset).toEqual(['spectral:oas', '/project/house.yaml']);
    expect(config.specs).toEqual(['/project/api/*.yaml']);
    expect(config.rules).toEqual({ 'info-contact': 'error', 'operation-tags': 'warn' });
    expect(config.applies).toEqual({ 'operation-tags': 'always', 'operation-description': 'added' });
    expect(config.overrides).toEqual([{ index: 0, files: ['/project/legacy/**'], pointers: [], operations: ['* /admin/**'], rules: { 'operation-tags': 'off' } }]);
    expect(config.diff).toEqual({ failOn: 'warn', rules: { 'response-optional-property-removed': 'info' }, profiles: [{ name: 'strict', specs: ['/project/public.yaml'], failOn: 'info', rules: {} }] });
    expect(config.waivers).toEqual([{ index: 0, rule: 'info-contact', path: '/info', operation: undefined, specs: [], reason: 'legacy', owner: 'team-a', expires: '2027-01-31' }]);
    expect(config.baseline).toBe('/project/ci/baseline.json');
  });
});

describe('rule ids in apigov.yaml are checked against the loaded ruleset', () => {
  const ids = new Set(['info-contact', 'operation-tags']);
  const cases: Array<[string, string, string]> = [
    ['in rules', 'rules:\n  info-contact: warn\n  info-contakt: warn\n', '/project/apigov.yaml:3:3: rules.info-contakt: unknown rule id (not in the active ruleset)'],
    ['in rules with applies only', 'rules:\n  nope: {applies: always}\n', '/project/apigov.yaml:2:3: rules.nope: unknown rule id (not in the active ruleset)'],
    ['in an override', 'overrides:\n  - files: [a.yaml]\n    rules:\n      nope: off\n', '/project/apigov.yaml:4:7: overrides[0].rules.nope: unknown rule id (not in the active ruleset)'],
    ['in a waiver', 'waivers:\n  - rule: nope\n    reason: r\n    owner: o\n    expires: 2026-01-01\n', '/project/apigov.yaml:2:5: waivers[0].rule: unknown rule or check id "nope" (not in the active ruleset nor a diff check)'],
  ];
  it.each(cases)('%s', (_, text, message) => {
    const config = parseConfigText(text, FILE);
    expect(() => checkRuleIds(config, ids)).toThrow(message);
  });

  it('accepts diff check ids in waivers, and the ruleset rule ids everywhere', () => {
    const config = parseConfigText('rules: {info-contact: off}\nwaivers:\n  - {rule: response-optional-property-removed, operation: GET /pets, reason: r, owner: o, expires: 2026-01-01}\n', FILE);
    expect(() => checkRuleIds(config, ids)).not.toThrow();
  });

  it('stops apigov lint and apigov check with exit 2 and the position, before any output', async () => {
    const dir = gitRepo({ 'api.yaml': MINIMAL_OAS3, 'apigov.yaml': 'ruleset: spectral:oas\nspecs: [api.yaml]\noverrides:\n  - files: [api.yaml]\n    rules:\n      info-contakt: off\n' });
    for (const command of ['lint', 'check']) {
      const result = await runCli([command], dir);
      expect(result).toEqual({ code: 2, stdout: '', stderr: `apigov: ${path.join(dir, 'apigov.yaml')}:6:7: overrides[0].rules.info-contakt: unknown rule id (not in the active ruleset)\n` });
    }
  });

  it('refuses an unknown diff check id on load, exit 2', async () => {
    const dir = tempDir({ 'api.yaml': MINIMAL_OAS3, 'apigov.yaml': 'specs: [api.yaml]\ndiff:\n  rules:\n    response-property-removd: warn\n' });
    const result = await runCli(['lint'], dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `apigov: ${path.join(dir, 'apigov.yaml')}:4:5: diff.rules.response-property-removd: unknown check id (run "apigov rules" to list them)\n` });
  });
});
