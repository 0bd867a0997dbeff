import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { FIXTURES_DIR } from '../../src/lint/rule-catalog.js';
import { HOUSE_FAMILIES, lintFile, pathsOf, registeredRuleFiles, ruleFilesOnDisk } from '../helpers/house.js';

function expectedPaths(id: string): string[] {
  const text = readFileSync(path.join(FIXTURES_DIR, id, 'expected.txt'), 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .sort();
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
