import { appendFileSync, cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULESETS_DIR } from '../../src/lint/builtin-rulesets.js';
import type { RulesetRecipe } from '../../src/lint/ruleset-recipe.js';
import { BUILD_ID_FILE, summaryKey } from '../../src/lint/ruleset-summary.js';
import { tempDir } from '../helpers/memory-io.js';

const recipe = (changes: Partial<RulesetRecipe> = {}): RulesetRecipe => ({ reference: 'apigov:recommended', base: '/work', options: {}, rules: {}, cacheDir: '/tmp/cache', ...changes });

describe('ruleset summary key', () => {
  it('is built (npm test builds first): without dist/build-id.json no summary is ever used', () => {
    expect(existsSync(BUILD_ID_FILE)).toBe(true);
  });

  it('exists only for built-in rulesets with the cache on', () => {
    expect(summaryKey(recipe())).toMatch(/^[0-9a-f]{64}$/);
    expect(summaryKey(recipe({ reference: 'spectral:oas' }))).toMatch(/^[0-9a-f]{64}$/);
    expect(summaryKey(recipe({ reference: ['spectral:oas', 'apigov:naming'] }))).toMatch(/^[0-9a-f]{64}$/);
    expect(summaryKey(recipe({ cacheDir: undefined }))).toBeUndefined();
    // A user's file or package may read anything: only building it tells what it is.
    expect(summaryKey(recipe({ reference: './my-ruleset.yaml' }))).toBeUndefined();
    expect(summaryKey(recipe({ reference: ['apigov:naming', '@acme/ruleset'] }))).toBeUndefined();
    expect(summaryKey(recipe({ reference: 'apigov:nope' }))).toBeUndefined();
  });

  it('changes with every setting that shapes the ruleset, and only with those', () => {
    const base = summaryKey(recipe());
    expect(summaryKey(recipe())).toBe(base);
    expect(summaryKey(recipe({ cacheDir: '/elsewhere' }))).toBe(base);
    const others = [
      recipe({ reference: 'apigov:naming' }),
      recipe({ options: { casing: { properties: 'snake' } } as never }),
      recipe({ rules: { 'apigov-path-kebab-case': 'off' } }),
      recipe({ overrideRules: ['apigov-path-kebab-case'] }),
      recipe({ configFile: '/work/apigov.yaml' }),
    ].map((changed) => summaryKey(changed));
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it('changes when a house ruleset file is edited, even without a rebuild', () => {
    const copy = path.join(tempDir(), 'rulesets');
    cpSync(RULESETS_DIR, copy, { recursive: true });
    const before = summaryKey(recipe(), copy);
    expect(summaryKey(recipe(), copy)).toBe(before);
    appendFileSync(path.join(copy, 'functions', 'naming-property-casing.js'), '\n// edited\n');
    expect(summaryKey(recipe(), copy)).not.toBe(before);
    // Spectral's own rulesets do not read apigov's files.
    expect(summaryKey(recipe({ reference: 'spectral:oas' }), copy)).toBe(summaryKey(recipe({ reference: 'spectral:oas' })));
  });
});
