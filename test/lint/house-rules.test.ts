import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { applyHouseOptions } from '../../src/lint/house-options.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { FIXTURES_DIR } from '../../src/lint/rule-catalog.js';
import { HOUSE_FAMILIES, lintFile, pathsOf, registeredRuleFiles, ruleFilesOnDisk } from '../helpers/house.js';

function expectedPaths(id: string, file = 'expected.txt'): string[] {
  const text = readFileSync(path.join(FIXTURES_DIR, id, file), 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .sort();
}

/** Case names of fixtures/lint/<id>/<case>.yaml that have a <case><suffix> expectation beside them. */
function extraCases(id: string, suffix: string): string[] {
  const dir = path.join(FIXTURES_DIR, id);
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .map((name) => name.slice(0, -suffix.length))
    .filter((name) => existsSync(path.join(dir, `${name}.yaml`)));
}

// Table-driven over the registries: a rule without fixtures, rationale or registration fails here.
describe.each(HOUSE_FAMILIES)('apigov:%s', (family) => {
  const files = registeredRuleFiles(family);
  let ruleset: Ruleset;
  beforeAll(async () => {
    ruleset = await loadRuleset(`apigov:${family}`, process.cwd());
  });

  it('registers every rule file on disk, once', () => {
    expect([...files].sort()).toEqual(ruleFilesOnDisk(family).sort());
  });

  describe.each(files.map((file) => [path.basename(file, '.yaml'), file]))('%s', (id, file) => {
    it('is defined alone in the file named after it, with description, rationale and severity', () => {
      const definition = YAML.parse(readFileSync(file, 'utf8'));
      expect(Object.keys(definition.rules)).toEqual([id]);
      const rule = definition.rules[id];
      expect(rule.description, 'description').toMatch(/\S/);
      expect(rule['x-rationale'], 'x-rationale').toMatch(/\S/);
      expect(['error', 'warn', 'info', 'hint']).toContain(rule.severity);
    });

    it('flags exactly the expected places in invalid.yaml', async () => {
      const findings = await lintFile(path.join(FIXTURES_DIR, id, 'invalid.yaml'), ruleset);
      const expected = expectedPaths(id);
      expect(expected.length, 'expected.txt lists at least one path').toBeGreaterThan(0);
      expect(pathsOf(findings, id)).toEqual(expected);
    });

    it('stays quiet on valid.yaml', async () => {
      const findings = await lintFile(path.join(FIXTURES_DIR, id, 'valid.yaml'), ruleset);
      expect(pathsOf(findings, id)).toEqual([]);
    });

    // Further cases (e.g. swagger2.yaml): <case>.yaml with the exact paths in <case>.expected.txt.
    it.each(extraCases(id, '.expected.txt'))('flags exactly the expected places in %s', async (name) => {
      const findings = await lintFile(path.join(FIXTURES_DIR, id, `${name}.yaml`), ruleset);
      expect(pathsOf(findings, id)).toEqual(expectedPaths(id, `${name}.expected.txt`));
    });

    // Option cases: <case>.expected.yaml maps each value of the rule's x-apigov-option to the exact paths.
    it.each(extraCases(id, '.expected.yaml'))('follows its option in %s', async (name) => {
      const option = YAML.parse(readFileSync(file, 'utf8')).rules[id]['x-apigov-option'] as string;
      const expectations = YAML.parse(readFileSync(path.join(FIXTURES_DIR, id, `${name}.expected.yaml`), 'utf8')) as Record<string, string[]>;
      expect(Object.keys(expectations).length).toBeGreaterThan(1);
      for (const [value, paths] of Object.entries(expectations)) {
        const tuned = await loadRuleset(`apigov:${family}`, process.cwd());
        applyHouseOptions(tuned, { [option]: value });
        const findings = await lintFile(path.join(FIXTURES_DIR, id, `${name}.yaml`), tuned);
        expect(pathsOf(findings, id), `${option}: ${value}`).toEqual([...(paths ?? [])].sort());
      }
    });
  });
});

describe('fixtures/lint', () => {
  it('holds fixtures only for registered rules', () => {
    const ids = new Set(HOUSE_FAMILIES.flatMap((family) => registeredRuleFiles(family).map((f) => path.basename(f, '.yaml'))));
    const orphans = readdirSync(FIXTURES_DIR).filter((name) => !ids.has(name));
    expect(orphans).toEqual([]);
    for (const id of ids) expect(existsSync(path.join(FIXTURES_DIR, id, 'expected.txt')), id).toBe(true);
  });
});
