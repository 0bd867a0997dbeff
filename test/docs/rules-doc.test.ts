import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('apigov rules', () => {
  it('keeps docs/rules.md in sync (regenerate with `npm run docs`)', async () => {
    const result = await runCli(['rules', '--format', 'markdown'], ROOT);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(result.stdout);
  });

  it('lists every rule of the default ruleset with severity, ruleset and description; house rules with rationale and examples', async () => {
    const result = await runCli(['rules', '--format', 'json'], ROOT);
    const { rules, diffChecks } = JSON.parse(result.stdout) as { rules: Array<Record<string, string | undefined>>; diffChecks: Array<Record<string, string>> };
    expect(diffChecks.find((c) => c.id === 'request-property-became-required')).toMatchObject({ level: 'error', direction: 'request', check: 'schema-properties' });
    const house = rules.filter((r) => r.id!.startsWith('apigov-'));
    expect(house.length).toBeGreaterThanOrEqual(40);
    for (const rule of house) {
      expect(rule.ruleset, rule.id).toMatch(/^apigov:(naming|versioning|security|design)$/);
      expect(rule.rationale, rule.id).toMatch(/\S/);
      expect(rule.bad, rule.id).toMatch(/\S/);
      expect(rule.good, rule.id).toMatch(/\S/);
    }
    expect(rules.find((r) => r.id === 'info-contact')).toMatchObject({ ruleset: 'spectral:oas', severity: 'warn' });
  });

  it('prints one line per rule as text', async () => {
    const result = await runCli(['rules', '-r', 'spectral:oas'], ROOT);
    expect(result.stdout).toMatch(/^info-contact\s+warn\s+spectral:oas\s+Info object must have "contact" object\.$/m);
  });
});
