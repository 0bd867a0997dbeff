import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { lintSpec } from '../../src/lint/lint-spec.js';
import { JsonSpecParser } from '../../src/load/json-spec-parser.js';
import { parseSpecText } from '../../src/load/load-spec.js';
import { SpecParser } from '../../src/load/spec-parser.js';
import { json } from '../../src/report/formatters/json.js';
import type { Finding } from '../../src/report/finding.js';
import { ensureOctokit, fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';
import { compareParsers, yamlToJsonText } from './parser-comparison.js';

// Lint results with the JSON parser and with Spectral's YAML parser (the way JSON was parsed
// before) on the same specs: `lint -f json` output must be byte for byte the same. Every range in
// it comes from the parser that parsed the spec, so this also compares the range of every path a
// finding points at.
const root = path.resolve(import.meta.dirname, '../..');

/** `apigov lint -f json` output for one spec parsed with `parser`, findings in the order the engine gave them. */
async function lintOutput(text: string, file: string, parser: typeof JsonSpecParser | typeof SpecParser, ruleset: Ruleset): Promise<{ output: string; findings: Finding[] }> {
  const findings = await lintSpec(parseSpecText(text, file, path.basename(file), parser), ruleset);
  return { output: json({ findings, failures: [], sources: [file] }, { color: false, cwd: root }), findings };
}

async function expectSameLint(text: string, file: string, ruleset: Ruleset): Promise<Finding[]> {
  const before = await lintOutput(text, file, SpecParser, ruleset);
  const after = await lintOutput(text, file, JsonSpecParser, ruleset);
  expect(after.output, file).toBe(before.output);
  return after.findings;
}

/** The house-rule fixtures and the example, as JSON (their key order kept). */
function fixtureSpecs(): Array<[string, string]> {
  const dir = path.join(root, 'fixtures', 'lint');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.ya?ml$/.test(name) && !name.includes('.expected.'));
  return [...files.map((name) => path.join(dir, name)), path.join(root, 'examples', 'petstore.yaml')]
    .sort()
    .map((file) => [file.replace(/\.ya?ml$/, '.json'), yamlToJsonText(readFileSync(file, 'utf8'), 2)]);
}

describe('lint results with the JSON parser are the YAML parser ones', () => {
  it('on the JSON twins of the house-rule fixtures, apigov:recommended', async () => {
    const ruleset = await loadRuleset('apigov:recommended', root);
    let findings = 0;
    for (const [file, text] of fixtureSpecs()) findings += (await expectSameLint(text, file, ruleset)).length;
    expect(findings).toBeGreaterThan(500);
  }, 600_000);

  const fetched = fetchOrSkip(() => ({
    corpus: sampleCorpus(60, { maxBytes: 1_000_000, offset: 5 }),
    github: path.join(ensureOctokit('23.0.2'), 'api.github.com.json'),
  }));
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }
  const { corpus, github } = fetched.value!;

  it('on 60 APIs.guru specs, spectral:oas and apigov:recommended', async () => {
    let findings = 0;
    for (const name of ['spectral:oas', 'apigov:recommended']) {
      const ruleset = await loadRuleset(name, root);
      for (const file of corpus) findings += (await expectSameLint(readFileSync(file, 'utf8'), file, ruleset)).length;
    }
    expect(findings).toBeGreaterThan(5000);
  }, 900_000);

  it("on GitHub's description, spectral:oas; and every finding's path has the YAML parser's range", async () => {
    const text = readFileSync(github, 'utf8');
    const findings = await expectSameLint(text, github, await loadRuleset('spectral:oas', root));
    expect(findings.length).toBeGreaterThan(800);
    // Also each finding's path directly, with `closest` against @stoplight/yaml's own locator.
    const comparison = compareParsers(text, () => findings.map((finding) => finding.path));
    expect(comparison.differences).toEqual([]);
  }, 900_000);
});
