import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeExamples, oasExample, type ExampleContext, type ExampleVerdict } from '../../src/lint/examples/fast-example.js';
import type { ExampleOptions } from '../../src/lint/examples/example-items.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { lintSpec } from '../../src/lint/lint-spec.js';
import { parseSpecText } from '../../src/load/load-spec.js';
import { ensureOctokit, fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';

// The fast example path may skip Spectral's own function only where that function reports
// nothing. Here both run on every example target of real specs and must agree on every one:
// 'valid' ⇔ Spectral reports nothing, 'invalid' ⇔ Spectral reports something.
const root = path.resolve(import.meta.dirname, '../..');
const fetched = fetchOrSkip(() => ({
  corpus: sampleCorpus(80, { maxBytes: 1_500_000, offset: 11 }),
  github: path.join(ensureOctokit('23.0.2'), 'api.github.com.json'),
}));

interface Tally {
  counts: Record<ExampleVerdict, number>;
  disagreements: string[];
}

async function compareOn(files: string[]): Promise<Tally> {
  const ruleset = await loadRuleset('spectral:oas', root);
  const tally: Tally = { counts: { valid: 0, invalid: 0, delegated: 0 }, disagreements: [] };
  const both = function (this: unknown, target: unknown, options: unknown, context: ExampleContext) {
    const verdict = judgeExamples(target, options as ExampleOptions, context);
    const results = oasExample.call(this, target, options, context);
    const reported = Array.isArray(results) && results.length > 0;
    tally.counts[verdict] += 1;
    if ((verdict === 'valid' && reported) || (verdict === 'invalid' && !reported)) {
      tally.disagreements.push(`${verdict} but Spectral reported ${reported ? 'findings' : 'nothing'} at ${context.path.join('/')}`);
    }
    return results;
  };
  for (const rule of Object.values(ruleset.rules)) {
    rule.then = rule.then.map((then) => ((then.function as unknown) === oasExample ? { ...then, function: both as never } : then));
  }
  for (const file of files) await lintSpec(parseSpecText(readFileSync(file, 'utf8'), file, path.basename(file)), ruleset);
  return tally;
}

describe('fast example validation agrees with Spectral on real specs', () => {
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }
  it('80 APIs.guru specs', async () => {
    const tally = await compareOn(fetched.value!.corpus);
    expect(tally.disagreements).toEqual([]);
    expect(tally.counts.valid).toBeGreaterThan(1000);
    expect(tally.counts.invalid).toBeGreaterThan(20);
  }, 600_000);

  it("GitHub's REST description", async () => {
    const tally = await compareOn([fetched.value!.github]);
    expect(tally.disagreements).toEqual([]);
    expect(tally.counts.valid).toBeGreaterThan(10_000);
    expect(tally.counts.invalid).toBeGreaterThan(100);
  }, 600_000);
});
