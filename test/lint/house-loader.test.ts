import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulesetFile } from '../../src/lint/bundle-ruleset-file.js';
import { RULESETS_DIR } from '../../src/lint/builtin-rulesets.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { FIXTURES_DIR } from '../../src/lint/rule-catalog.js';
import { lintFile } from '../helpers/house.js';

// The fast loader of our own rulesets must build what Spectral's migrator + bundler build.
describe('house ruleset loader', () => {
  it('gives the same rules and the same findings as Spectral’s bundler on every fixture', async () => {
    const direct = await loadRuleset('apigov:recommended', process.cwd());
    const bundled = await loadRulesetFile(path.join(RULESETS_DIR, 'recommended.yaml'));
    const describe = (ruleset: typeof direct) =>
      Object.values(ruleset.rules)
        .map((rule) => `${rule.name} ${rule.severity} ${rule.enabled} ${JSON.stringify(rule.given)} ${rule.then.map((t) => `${t.field} ${t.function.name} ${JSON.stringify(t.functionOptions)}`).join()}`)
        .sort();
    expect(describe(direct)).toEqual(describe(bundled));
    const files = readdirSync(FIXTURES_DIR).flatMap((id) =>
      readdirSync(path.join(FIXTURES_DIR, id)).filter((n) => n.endsWith('.yaml') && !n.includes('.expected.')).map((n) => path.join(FIXTURES_DIR, id, n)),
    );
    for (const file of files) {
      const key = (f: { ruleId: string; path: (string | number)[]; message: string }) => `${f.ruleId} ${f.path.join('.')} ${f.message}`;
      expect((await lintFile(file, direct)).map(key), file).toEqual((await lintFile(file, bundled)).map(key));
    }
  }, 300_000);
});
