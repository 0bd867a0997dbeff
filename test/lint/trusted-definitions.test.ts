import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { afterAll, describe, expect, it } from 'vitest';
import { HOUSE_RULESETS } from '../../src/lint/builtin-rulesets.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { SPECTRAL_RULESET_NAMES, spectralRuleset } from '../../src/lint/spectral-builtins.js';
import { spectralAssertValidRuleset } from '../../src/lint/trusted-definitions.js';

type Definition = Record<string, unknown>;

/** Checks a definition and everything it extends the way Spectral's Ruleset does, with Spectral's own check; returns how many. */
function checkTree(definition: Definition): number {
  const { extends: extended, ...rest } = definition;
  spectralAssertValidRuleset(extended === undefined ? definition : { extends: [], ...rest }, 'js');
  let checked = 1;
  for (const entry of (extended ?? []) as unknown[]) checked += checkTree((Array.isArray(entry) ? entry[0] : entry) as Definition);
  return checked;
}

/** The messages of what Spectral throws (an AggregateError of validation errors). */
function spectralErrors(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    return ((error as AggregateError).errors ?? [error]).map((inner: Error) => inner.message).join('\n');
  }
  return 'nothing thrown';
}

const dir = mkdtempSync(path.join(tmpdir(), 'apigov-trusted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ruleset definitions built without Spectral re-checking them', () => {
  it("are every one valid by Spectral's own check: the house rulesets (each file they extend) and Spectral's built-in ones", async () => {
    let checked = 0;
    for (const name of HOUSE_RULESETS) {
      const ruleset = await loadRuleset(`apigov:${name}`, dir);
      checked += checkTree(ruleset.definition as Definition);
    }
    for (const name of SPECTRAL_RULESET_NAMES) checked += checkTree(spectralRuleset(name) as Definition);
    // recommended extends the four others; each of those extends its rule files.
    expect(checked).toBeGreaterThan(80);
  });

  it("still checks anything else with Spectral's check and message, also when it extends a trusted one", async () => {
    const bad = { rules: { 'no-given': { then: { function: () => undefined } } } };
    expect(spectralErrors(() => new Ruleset(bad as never))).toMatch(/given/);
    const trusted = (await loadRuleset('apigov:naming', dir)).definition;
    expect(spectralErrors(() => new Ruleset({ extends: [trusted], ...bad } as never))).toMatch(/given/);
    const file = path.join(dir, 'mine.yaml');
    writeFileSync(file, 'extends: [spectral:oas]\nrules:\n  my-rule:\n    given: $\n    severity: loud\n    then: { function: truthy }\n');
    await expect(loadRuleset(file, dir)).rejects.toThrow(/severity/);
  });
});
