import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { RULESETS_DIR } from '../../src/lint/builtin-rulesets.js';
import { compileHouseRulesets, houseDefinition, PRECOMPILED_FILE, type PrecompiledHouse } from '../../src/lint/house-precompiled.js';
import { tempDir } from '../helpers/memory-io.js';

const houseFiles = (readdirSync(RULESETS_DIR, { recursive: true }) as string[]).filter((name) => name.endsWith('.yaml'));

describe('house rulesets parsed at build time', () => {
  it('the built table holds every house ruleset file, as its current text parses', () => {
    const table = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as PrecompiledHouse;
    expect(Object.keys(table).sort()).toEqual([...houseFiles].sort());
    expect(houseFiles.length).toBeGreaterThan(40);
    for (const name of houseFiles) {
      const text = readFileSync(path.join(RULESETS_DIR, name), 'utf8');
      expect(table[name]!.text, name).toBe(text);
      expect(table[name]!.definition, name).toEqual(YAML.parse(text));
    }
  });

  it('serves an entry only for the very text it was parsed from', () => {
    const file = path.join(RULESETS_DIR, 'naming.yaml');
    const table: PrecompiledHouse = { 'naming.yaml': { text: 'rules: {}\n', definition: { rules: { stale: 'off' } } } };
    expect(houseDefinition(file, 'rules: {}\n', table)).toEqual({ rules: { stale: 'off' } });
    // The file changed since the build: parsed from what it says now.
    expect(houseDefinition(file, 'rules:\n  fresh: warn\n', table)).toEqual({ rules: { fresh: 'warn' } });
    // A file the table does not know, and no table at all.
    expect(houseDefinition(path.join(RULESETS_DIR, 'other.yaml'), 'rules: {}\n', table)).toEqual({ rules: {} });
    expect(houseDefinition(file, 'extends: [spectral:oas]\n', null)).toEqual({ extends: ['spectral:oas'] });
  });

  it('hands out a copy, so one load cannot change the next', () => {
    const file = path.join(RULESETS_DIR, 'naming.yaml');
    const table: PrecompiledHouse = { 'naming.yaml': { text: 'x', definition: { rules: { a: { then: { functionOptions: { casing: 'camel' } } } } } } };
    const first = houseDefinition(file, 'x', table) as { rules: { a: { then: { functionOptions: { casing: string } } } } };
    first.rules.a.then.functionOptions.casing = 'snake';
    expect(houseDefinition(file, 'x', table)).toEqual({ rules: { a: { then: { functionOptions: { casing: 'camel' } } } } });
  });

  it('leaves out a file whose parse JSON cannot carry', () => {
    const dir = tempDir({
      'plain.yaml': 'rules:\n  a: { severity: warn }\n',
      'sub/nested.yaml': 'extends: [../plain.yaml]\n',
      'infinite.yaml': 'rules:\n  a: { then: { functionOptions: { max: .inf } } }\n',
    });
    const table = compileHouseRulesets(dir);
    expect(Object.keys(table).sort()).toEqual(['plain.yaml', path.join('sub', 'nested.yaml')]);
    expect(table['plain.yaml']!.definition).toEqual({ rules: { a: { severity: 'warn' } } });
  });
});
