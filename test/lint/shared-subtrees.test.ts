import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDocument } from '../../src/lint/engine/run-document.js';
import { useFastExampleValidation } from '../../src/lint/examples/fast-example.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { createLintResolver } from '../../src/lint/resolve/lint-resolver.js';
import { parseSpecText } from '../../src/load/load-spec.js';
import { ensureCorpus, ensureOctokit, fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';
import { tempDir } from '../helpers/memory-io.js';

// Skipping repeats of shared subtrees (shared-walk.ts, ref-entries.ts, path-independence.ts)
// must change no result at all: every field of every result, in order, as with a full walk.
const root = path.resolve(import.meta.dirname, '../..');

async function expectSkippingChangesNothing(files: string[], rulesetName: string): Promise<number> {
  const ruleset = await loadRuleset(rulesetName, root);
  useFastExampleValidation(ruleset);
  let compared = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const run = (shareSubtrees: boolean) => runDocument(parseSpecText(text, file, path.basename(file)).document, createLintResolver(path.dirname(file)), ruleset, { shareSubtrees });
    const full = await run(false);
    expect(await run(true), file).toEqual(full);
    compared += full.length;
  }
  return compared;
}

/** One `content` map shared by a request and a response: its example is valid only where readOnly properties may be left out. */
const SHARED_CONTENT = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets:
    post:
      requestBody: { content: { $ref: '#/components/x-content/Pet' } }
      responses:
        '200': { description: ok, content: { $ref: '#/components/x-content/Pet' } }
    get:
      responses:
        '200': { description: ok, content: { $ref: '#/components/x-content/Pet' } }
components:
  x-content:
    Pet:
      application/json:
        schema:
          type: object
          required: [id, name]
          properties:
            id: { type: integer, readOnly: true }
            name: { type: string }
        example: { name: Rex }
`;

describe('skipping repeats of shared subtrees', () => {
  it('keeps findings that depend on where a shared subtree is used (a media example under a request or a response)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'openapi.yaml');
    writeFileSync(file, SHARED_CONTENT);
    expect(await expectSkippingChangesNothing([file], 'spectral:oas')).toBeGreaterThan(0);
    const ruleset = await loadRuleset('spectral:oas', root);
    useFastExampleValidation(ruleset);
    const results = await runDocument(parseSpecText(SHARED_CONTENT, file, 'openapi.yaml').document, createLintResolver(dir), ruleset);
    expect(results.filter((result) => result.code === 'oas3-valid-media-example').map((result) => result.message)).toEqual(['"example" property must have required property "id"']);
  });

  const fetched = fetchOrSkip(() => ({
    // Specs with many $refs to shared schemas, and a spread of others.
    heavy: ['bungie.net.json', 'stripe.com.json', 'xero.com/xero_accounting.json', 'zoom.us.json'].map((name) => path.join(ensureCorpus(), name)),
    sample: sampleCorpus(15, { maxBytes: 800_000, offset: 17 }),
    github: path.join(ensureOctokit('23.0.2'), 'api.github.com.json'),
  }));
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }

  it('changes no finding on APIs.guru specs, with the default ruleset and with spectral:oas', async () => {
    const { heavy, sample } = fetched.value!;
    expect(await expectSkippingChangesNothing([...heavy, ...sample], 'apigov:recommended')).toBeGreaterThan(10_000);
    expect(await expectSkippingChangesNothing(sample, 'spectral:oas')).toBeGreaterThan(300);
  }, 600_000);

  it("changes no finding on GitHub's REST description", async () => {
    expect(await expectSkippingChangesNothing([fetched.value!.github], 'apigov:recommended')).toBeGreaterThan(30_000);
  }, 600_000);
});
