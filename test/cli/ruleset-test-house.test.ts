import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli, tempDir } from '../helpers/memory-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures', 'lint');

/** Cases in fixtures/lint counted from the files: valid + invalid, each <case>.expected.txt, each option value of <case>.expected.yaml. */
function countCases(): number {
  let count = 0;
  for (const id of readdirSync(FIXTURES)) {
    for (const file of readdirSync(path.join(FIXTURES, id))) {
      if (file === 'valid.yaml' || file === 'invalid.yaml' || file.endsWith('.expected.txt')) count += 1;
      if (file.endsWith('.expected.yaml')) count += Object.keys(YAML.parse(readFileSync(path.join(FIXTURES, id, file), 'utf8'))).length;
    }
  }
  return count;
}

// The house rules' own fixture layout is the layout `apigov ruleset test` reads, unchanged.
describe('apigov ruleset test on the house rulesets and fixtures/lint', () => {
  it('passes every house-rule case, run through the bundler from rulesets/recommended.yaml', async () => {
    const result = await runCli(['ruleset', 'test', 'fixtures/lint', '--ruleset', 'rulesets/recommended.yaml'], ROOT);
    const lines = result.stdout.trimEnd().split('\n');
    const cases = lines.slice(0, -2);
    const total = countCases();
    expect(cases.length).toBe(total);
    expect(cases.filter((line) => !line.startsWith('PASS  '))).toEqual([]);
    for (const id of readdirSync(FIXTURES)) {
      expect(cases).toContain(`PASS  ${id}/valid.yaml`);
      expect(cases).toContain(`PASS  ${id}/invalid.yaml`);
    }
    expect(cases).toContain('PASS  apigov-parameter-casing/casing-options.yaml [casing: snake]');
    expect(lines.slice(-2)).toEqual(['', `${total} cases, ${total} passed, 0 failed`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails a house rule whose expected.txt is wrong, naming the path it missed and the one it did not expect', async () => {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'apigov-path-kebab-case'), path.join(dir, 'apigov-path-kebab-case'), { recursive: true });
    writeFileSync(path.join(dir, 'apigov-path-kebab-case', 'expected.txt'), 'paths./userProfiles/{profileId}\npaths./orders/{orderId}/Line_Items\npaths./gift-cards\n');
    const result = await runCli(['ruleset', 'test', dir, '-r', 'apigov:naming'], ROOT);
    expect(result.stdout).toBe(
      [
        'FAIL  apigov-path-kebab-case/invalid.yaml',
        '      - paths./gift-cards  apigov-path-kebab-case',
        '      + paths./Gift-Cards  apigov-path-kebab-case  warn  Path /Gift-Cards: segment "Gift-Cards" should be kebab-case (lowercase letters, digits, hyphens).',
        'PASS  apigov-path-kebab-case/valid.yaml',
        '',
        '2 cases, 1 passed, 1 failed (- expected but not reported, + reported but not expected)',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
  });

  it('exits 0 and 2 through the built binary (bin/apigov.js sets the process exit code)', () => {
    const apigov = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'apigov.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const passing = apigov(['ruleset', 'test', 'fixtures/lint', '-r', 'apigov:recommended']);
    expect(passing.stdout).toMatch(/\n\n(\d+) cases, \1 passed, 0 failed\n$/);
    expect(passing.status).toBe(0);
    const missing = apigov(['ruleset', 'test', 'fixtures/nope']);
    expect(missing.stderr).toBe('apigov: fixtures/nope: directory not found\n');
    expect(missing.status).toBe(2);
  });
});
