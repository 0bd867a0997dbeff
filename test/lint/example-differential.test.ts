import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { judgeExamples, oasExample, type ExampleContext, type ExampleVerdict } from '../../src/lint/examples/fast-example.js';
import type { ExampleOptions } from '../../src/lint/examples/example-items.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { lintSpec } from '../../src/lint/lint-spec.js';
import { parseSpecText } from '../../src/load/load-spec.js';
import { enableLinearRegexFallback } from '../../src/runtime/linear-regex.js';
import { ensureCorpus, ensureOctokit, fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';

// The fast example path answers for Spectral's own function wherever it does not delegate to
// it. Here both run on every example target of real specs and must agree on every one: 'valid'
// where Spectral reports nothing, 'invalid' with exactly Spectral's results (message and path,
// in order) where it reports something.
const root = path.resolve(import.meta.dirname, '../..');
// As the CLI does: some corpus specs pair a backtracking pattern with an example that hangs V8's
// default engine (in Spectral's ajv and in the interpreter alike); the fallback changes no result.
enableLinearRegexFallback();
/** Every OpenAPI 3.1 description of the corpus (its examples are validated with draft 2020-12). */
function openApi31(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (/^\{\s*"openapi"\s*:\s*"3\.1/.test(readFileSync(file, 'utf8').slice(0, 200))) found.push(file);
  }
  return found.sort();
}

const fetched = fetchOrSkip(() => ({
  corpus: sampleCorpus(80, { maxBytes: 1_500_000, offset: 11 }),
  github: path.join(ensureOctokit('23.0.2'), 'api.github.com.json'),
  openApi31: openApi31(ensureCorpus()),
}));

interface Tally {
  counts: Record<ExampleVerdict, number>;
  /** Spectral results the fast path produced itself (and which matched). */
  results: number;
  disagreements: string[];
}

type Results = { message: string; path: (string | number)[] }[];
const comparable = (results: Results) => results.map(({ message, path }) => ({ message, path }));

async function compareOn(files: string[]): Promise<Tally> {
  const ruleset = await loadRuleset('spectral:oas', root);
  const tally: Tally = { counts: { valid: 0, invalid: 0, delegated: 0 }, results: 0, disagreements: [] };
  const both = function (this: unknown, target: unknown, options: unknown, context: ExampleContext) {
    const judgement = judgeExamples(target, options as ExampleOptions, context);
    const results = oasExample.call(this, target, options, context);
    tally.counts[judgement.verdict] += 1;
    if (judgement.verdict !== 'delegated') {
      const ours = judgement.verdict === 'valid' ? [] : judgement.results;
      const theirs = (results ?? []) as Results;
      tally.results += ours.length;
      if (!isDeepStrictEqual(comparable(ours), comparable(theirs))) {
        tally.disagreements.push(`${context.path.join('/')}: ${JSON.stringify(comparable(ours))} but Spectral ${JSON.stringify(comparable(theirs))}`);
      }
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
    expect(tally.counts.invalid).toBeGreaterThan(300);
    expect(tally.results).toBeGreaterThan(300);
    // What is left to Spectral's function: schemas with $ref cycles, ids, OpenAPI 3.1.
    expect(tally.counts.delegated).toBeLessThan(tally.counts.invalid / 4);
  }, 600_000);

  it("GitHub's REST description", async () => {
    const tally = await compareOn([fetched.value!.github]);
    expect(tally.disagreements).toEqual([]);
    expect(tally.counts.valid).toBeGreaterThan(10_000);
    expect(tally.counts.invalid).toBeGreaterThan(900);
    expect(tally.results).toBeGreaterThan(900);
    // Every target on GitHub is judged without ajv.
    expect(tally.counts.delegated).toBe(0);
  }, 600_000);

  it('every OpenAPI 3.1 spec of the corpus (draft 2020-12: only "valid" is answered, the rest delegated)', async () => {
    expect(fetched.value!.openApi31.length).toBeGreaterThan(40);
    const tally = await compareOn(fetched.value!.openApi31);
    expect(tally.disagreements).toEqual([]);
    expect(tally.counts.invalid).toBe(0);
    expect(tally.counts.valid).toBeGreaterThan(1000);
    expect(tally.counts.delegated).toBeGreaterThan(0);
  }, 600_000);
});
