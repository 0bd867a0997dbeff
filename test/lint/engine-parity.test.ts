import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Spectral, type IRuleResult, type Ruleset } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import { createConfinedResolver } from '../../src/lint/confined-resolver.js';
import { runDocument } from '../../src/lint/engine/run-document.js';
import { useFastExampleValidation } from '../../src/lint/examples/fast-example.js';
import { withOnlyRules } from '../../src/lint/only-rules.js';
import { createLintResolver } from '../../src/lint/resolve/lint-resolver.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { parseSpecText } from '../../src/load/load-spec.js';
import { ensureOctokit, fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';
import { tempDir } from '../helpers/memory-io.js';

// apigov's runner with apigov's resolver must return exactly what Spectral's `run` with
// Spectral's resolver returns — every field of every result, in the same order — for any
// ruleset on any document. Both run here on the same parsed text.
const root = path.resolve(import.meta.dirname, '../..');

async function bothEngines(file: string, ruleset: Ruleset): Promise<{ spectral: IRuleResult[]; apigov: IRuleResult[] }> {
  // Both sides validate examples with apigov's example function (which has its own differential
  // test against Spectral's, example-differential.test.ts); Spectral's would compile an ajv
  // validator per schema and take minutes on GitHub's description.
  useFastExampleValidation(ruleset);
  const text = readFileSync(file, 'utf8');
  const parse = () => parseSpecText(text, file, path.basename(file)).document;
  const spectral = new Spectral({ resolver: createConfinedResolver(path.dirname(file)) as never });
  spectral.setRuleset(ruleset);
  return {
    spectral: await spectral.run(parse(), { ignoreUnknownFormat: false }),
    apigov: await runDocument(parse(), createLintResolver(path.dirname(file)), ruleset),
  };
}

async function expectSameOn(files: string[], ruleset: Ruleset): Promise<number> {
  let compared = 0;
  for (const file of files) {
    const { spectral, apigov } = await bothEngines(file, ruleset);
    expect(apigov, file).toEqual(spectral);
    compared += spectral.length;
  }
  return compared;
}

/** A ruleset using every runner feature: fields, overrides, async and throwing-free custom functions, messages with every variable. */
const FEATURE_RULESET = `formats: [oas3, oas2]
parserOptions:
  duplicateKeys: warn
functions: [async-owner]
functionsDir: ./functions
rules:
  key-style:
    message: '{{property}} at {{path}} is not kebab-case: {{value}}'
    severity: info
    given: $.paths
    then:
      field: '@key'
      function: pattern
      functionOptions: { match: '^(/[a-z{}-]*)+$' }
  deep-descriptions:
    description: every schema property has a description
    message: '{{description}}; {{error}}'
    given: $.components.schemas[*]
    then:
      field: $..properties[*]
      function: schema
      functionOptions: { schema: { required: [description] } }
  nested-field:
    given: $.info
    then:
      field: contact.name
      function: truthy
  unresolved-refs:
    resolved: false
    severity: hint
    given: $..$ref
    then:
      function: pattern
      functionOptions: { notMatch: Pet }
  async-owner:
    message: '{{error}} ({{property}})'
    given: $.paths[*][get,post]
    then:
      function: async-owner
  only-oas2:
    formats: [oas2]
    given: $.swagger
    then: { function: falsy }
overrides:
  - files: ['**/second.yaml#/paths']
    rules:
      key-style: off
`;

const ASYNC_FUNCTION = `export default async (operation) => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return operation['x-owner'] ? [] : [{ message: 'no owner' }];
};
`;

const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /Pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
    post:
      x-owner: team
      responses:
        '201': { description: made, content: { application/json: { schema: { $ref: 'shared.yaml#/Thing' } } } }
  /ok-path:
    get:
      responses: { '200': { $ref: '#/components/responses/Plain' } }
components:
  responses:
    Plain: { description: plain }
  schemas:
    Pet:
      type: object
      properties:
        name: { type: string, description: named }
        tag: { type: string }
        owner: { $ref: '#/components/schemas/Owner' }
    Owner:
      type: object
      properties:
        pet: { $ref: '#/components/schemas/Pet' }
        id: { type: integer }
`;

/** Schema i has a property `next` referring to schema i + 1, used from one response with an example. */
function chainSpec(length: number): unknown {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < length; i++) {
    const next = i + 1 < length ? { $ref: `#/components/schemas/S${i + 1}` } : { type: 'string', example: 7 };
    schemas[`S${i}`] = { type: 'object', properties: { next, Bad_Name: { type: 'integer' } } };
  }
  const content = { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } };
  return {
    openapi: '3.0.3',
    info: { title: 'chain', version: '1' },
    paths: { '/a': { get: { responses: { '200': { description: 'ok', content } } } } },
    components: { schemas },
  };
}

describe("apigov's runner returns exactly Spectral's results", () => {
  it('on a ruleset using fields, overrides, parser options, async functions and every message variable', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'functions'));
    writeFileSync(path.join(dir, 'functions', 'async-owner.js'), ASYNC_FUNCTION);
    writeFileSync(path.join(dir, 'ruleset.yaml'), FEATURE_RULESET);
    writeFileSync(path.join(dir, 'spec.yaml'), SPEC);
    writeFileSync(path.join(dir, 'second.yaml'), `${SPEC}x-note: first\nx-note: second\n`);
    writeFileSync(path.join(dir, 'shared.yaml'), 'Thing:\n  type: object\n  properties:\n    x: { type: string }\n');
    writeFileSync(path.join(dir, 'swagger.yaml'), "swagger: '2.0'\ninfo: { title: s, version: '1' }\npaths: {}\n");
    writeFileSync(path.join(dir, 'neither.yaml'), 'asyncapi: 2.0.0\ninfo: { title: a, version: 1 }\nchannels: {}\n');
    const ruleset = await loadRuleset(path.join(dir, 'ruleset.yaml'), dir);
    const files = ['spec.yaml', 'second.yaml', 'swagger.yaml'].map((name) => path.join(dir, name));
    const compared = await expectSameOn(files, ruleset);
    // Every rule fired somewhere, so every path through the runner was compared.
    const { apigov } = await bothEngines(files[0]!, ruleset);
    expect(new Set(apigov.map((result) => result.code))).toEqual(new Set(['key-style', 'deep-descriptions', 'nested-field', 'unresolved-refs', 'async-owner']));
    expect(compared).toBeGreaterThan(10);
  });

  it('on a chain of 300 schemas, each referring to the next (paths hundreds of segments deep)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'chain.json');
    writeFileSync(file, JSON.stringify(chainSpec(300)));
    expect(await expectSameOn([file], await loadRuleset('apigov:recommended', root))).toBeGreaterThan(300);
  }, 120_000);

  it("on every house-rule fixture with apigov's default ruleset", async () => {
    const ruleset = await loadRuleset('apigov:recommended', root);
    const fixtureDir = path.join(root, 'fixtures/lint');
    const fixtures = readdirSync(fixtureDir)
      .flatMap((rule) => readdirSync(path.join(fixtureDir, rule)).map((name) => path.join(fixtureDir, rule, name)))
      .filter((file) => /\.(ya?ml|json)$/.test(file) && !/expected/.test(path.basename(file)))
      .sort();
    expect(fixtures.length).toBeGreaterThan(90);
    expect(await expectSameOn(fixtures, ruleset)).toBeGreaterThan(100);
    // As `apigov ruleset test` runs them: only the fixture's own rule enabled. A lone rule's few
    // paths once made Nimma prune its walk on unfrozen data and lose a match.
    let alone = 0;
    for (const file of fixtures) {
      const rule = path.basename(path.dirname(file));
      if (!Object.hasOwn(ruleset.rules, rule)) continue;
      alone += await withOnlyRules(ruleset, [rule], {}, () => expectSameOn([file], ruleset));
    }
    expect(alone).toBeGreaterThan(90);
  }, 300_000);

  const fetched = fetchOrSkip(() => ({
    corpus: sampleCorpus(30, { maxBytes: 1_000_000, offset: 5 }),
    github: path.join(ensureOctokit('23.0.2'), 'api.github.com.json'),
  }));
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }

  it('on 30 APIs.guru specs with spectral:oas and with the default ruleset', async () => {
    const corpus = fetched.value!.corpus;
    expect(await expectSameOn(corpus, await loadRuleset('spectral:oas', root))).toBeGreaterThan(300);
    expect(await expectSameOn(corpus, await loadRuleset('apigov:recommended', root))).toBeGreaterThan(1000);
  }, 600_000);

  it("on GitHub's REST description with spectral:oas", async () => {
    expect(await expectSameOn([fetched.value!.github], await loadRuleset('spectral:oas', root))).toBeGreaterThan(800);
  }, 600_000);

  it("on GitHub's REST description with the default ruleset", async () => {
    expect(await expectSameOn([fetched.value!.github], await loadRuleset('apigov:recommended', root))).toBeGreaterThan(30_000);
  }, 600_000);
});
