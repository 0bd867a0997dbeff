import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRuleIds } from '../../src/config/check-rule-ids.js';
import { parseConfigText } from '../../src/config/load-config.js';
import { loadRulesets } from '../../src/lint/combine-rulesets.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('shows an apigov.yaml reference that apigov accepts, rule ids included', async () => {
    const section = README.slice(README.indexOf('### apigov.yaml'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const config = parseConfigText(example, path.join(ROOT, 'apigov.yaml'));
    expect(Object.keys(config.rules).length + config.overrides.length + config.diff.profiles.length).toBeGreaterThan(5);
    const ruleset = await loadRulesets(config.ruleset!, ROOT);
    expect(() => checkRuleIds(config, new Set(Object.keys(ruleset.rules)))).not.toThrow();
  });

  it('shows a waiver that apigov accepts', () => {
    const section = README.slice(README.indexOf('### Waivers'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    expect(parseConfigText(example, path.join(ROOT, 'apigov.yaml')).waivers).toHaveLength(1);
  });
});
