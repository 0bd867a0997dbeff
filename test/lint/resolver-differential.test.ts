import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintSpec } from '../../src/lint/lint-spec.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { parseSpecText } from '../../src/load/load-spec.js';
import { SpecParser } from '../../src/load/spec-parser.js';
import { HOSTILE_CASES, SECRET_FILE, SECRET_YAML } from '../hardening/hostile-cases.js';
import { startLoopback, type Loopback } from '../helpers/loopback.js';
import { tempDir } from '../helpers/memory-io.js';
import { ensureOctokit, fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';
import { compareResolvers, resolutionDifferences, resolveWith } from './resolver-compare.js';

// Spectral's resolver (what lint used, APIGOV_RESOLVER=spectral) against apigov's
// (src/lint/resolve) on every spec with refs we have: the resolved trees, the graphs and their
// refMaps, the errors, and the lint findings with spectral:oas and apigov:recommended must be
// identical.

const root = path.resolve(import.meta.dirname, '../..');
const fetched = fetchOrSkip(() => ({
  corpus: sampleCorpus(120, { maxBytes: 3_000_000 }),
  github: path.join(ensureOctokit('23.0.2'), 'api.github.com.json'),
}));

const RULESETS = ['spectral:oas', 'apigov:recommended'] as const;
const rulesets = new Map<string, Ruleset>();
beforeAll(async () => {
  for (const name of RULESETS) rulesets.set(name, await loadRuleset(name, root));
});

/** A single document's graph has one order; with other files it follows the file system's reads. */
function touchesOneFile(text: string): boolean {
  return !/\$ref["']?\s*:(?!\s*["']?#)/.test(text);
}

/** Lint findings (or the failure) with one resolver, on a freshly parsed spec. */
async function lintWith(resolver: 'spectral' | 'apigov', text: string, file: string, ruleset: string): Promise<unknown> {
  const previous = process.env.APIGOV_RESOLVER;
  if (resolver === 'spectral') process.env.APIGOV_RESOLVER = 'spectral';
  else delete process.env.APIGOV_RESOLVER;
  try {
    return await lintSpec(parseSpecText(text, file, path.basename(file)), rulesets.get(ruleset)!);
  } catch (error) {
    return { failed: String(error) };
  } finally {
    if (previous === undefined) delete process.env.APIGOV_RESOLVER;
    else process.env.APIGOV_RESOLVER = previous;
  }
}

function isApiDescription(text: string, file: string): boolean {
  try {
    parseSpecText(text, file, path.basename(file));
    return true;
  } catch {
    return false;
  }
}

/** Resolutions and findings of one spec file; returns how many findings were compared. */
async function expectSameOn(file: string, options: { findings?: boolean } = {}): Promise<number> {
  const text = readFileSync(file, 'utf8');
  expect(await compareResolvers(text, file, { orderedGraph: touchesOneFile(text) }), file).toEqual([]);
  if (options.findings === false || !isApiDescription(text, file)) return 0;
  let compared = 0;
  for (const ruleset of RULESETS) {
    const spectral = await lintWith('spectral', text, file, ruleset);
    expect(await lintWith('apigov', text, file, ruleset), `${file} with ${ruleset}`).toEqual(spectral);
    compared += Array.isArray(spectral) ? spectral.length : 0;
  }
  return compared;
}

function filesWithRefs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => /\.(ya?ml|json)$/.test(file) && statSync(file).isFile() && readFileSync(file, 'utf8').includes('$ref'))
    .sort();
}

describe('the same resolution and findings on fixtures and hardening cases', () => {
  it('every fixture and example with refs', async () => {
    const files = [...filesWithRefs(path.join(root, 'fixtures')), ...filesWithRefs(path.join(root, 'examples'))];
    expect(files.length).toBeGreaterThan(80);
    let findings = 0;
    for (const file of files) findings += await expectSameOn(file);
    expect(findings).toBeGreaterThan(500);
  }, 600_000);

  it('recursive schemas: a tree, a linked list, mutual recursion, recursion through allOf and arrays', async () => {
    const spec = `openapi: 3.0.3
info: {title: Recursive, version: 1.0.0}
paths:
  /nodes:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Node'}
components:
  schemas:
    Node:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        parent: {$ref: '#/components/schemas/Node'}
        next: {$ref: '#/components/schemas/List'}
    List:
      type: object
      properties:
        head: {$ref: '#/components/schemas/Node'}
        tail: {$ref: '#/components/schemas/List'}
    Both:
      allOf:
        - {$ref: '#/components/schemas/Node'}
        - {$ref: '#/components/schemas/List'}
        - properties: {self: {$ref: '#/components/schemas/Both'}}
`;
    const dir = tempDir({ 'recursive.yaml': spec });
    expect(await expectSameOn(path.join(dir, 'recursive.yaml'))).toBeGreaterThan(0);
  });

  describe('hardening cases with refs', () => {
    let listener: Loopback;
    beforeAll(async () => {
      listener = await startLoopback({ '/secret.yaml': { body: SECRET_YAML } });
    });
    afterAll(() => listener.close());
    // The cases whose spec has a $ref (found by writing each once; a FIFO is never opened).
    const withRefs = HOSTILE_CASES.filter((testCase) => {
      const dir = tempDir();
      testCase.write({ dir, listener: 'http://127.0.0.1:9' });
      const file = path.join(dir, 'api', testCase.spec);
      return statSync(file).isFile() && readFileSync(file, 'utf8').includes('$ref');
    });

    it('are there', () => expect(withRefs.length).toBeGreaterThan(12));

    it.each(withRefs.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      const dir = tempDir({ [SECRET_FILE]: SECRET_YAML });
      testCase.write({ dir, listener: listener.url });
      const file = path.join(dir, 'api', testCase.spec);
      await expectSameOn(file);
      expect(listener.connections()).toBe(0);
    });
  });
});

describe('the same resolution on random documents (property)', () => {
  const KEYS = ['a', 'b', 'c', 'd', '0', '1', '01', 'a b', 'a%20b', 'x~y', 'p/q', '200', 'constructor', 'prototype', 'example', 'x-foo'];
  type Node = unknown;
  const tree = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom<Node>(1, 'text', null, true),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }),
    ),
  })).node;
  const ref = fc.record({
    place: fc.nat(),
    target: fc.nat(),
    cut: fc.nat({ max: 4 }),
    spelling: fc.constantFrom('plain', 'uri-encoded', 'root', 'missing', 'invalid', 'whitespace', 'sibling'),
  });

  /** Every path in a tree, parents before children. */
  function pathsOf(value: unknown, at: string[] = [], into: string[][] = []): string[][] {
    into.push(at);
    if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...at, key], into);
    return into;
  }

  function pointer(segments: string[], encode: boolean): string {
    return `#${segments.map((segment) => `/${(encode ? encodeURIComponent : String)(segment.replaceAll('~', '~0').replaceAll('/', '~1'))}`).join('')}`;
  }

  /** Puts `$ref` objects at some places of the tree, pointing at other places (or nowhere). */
  function withRefs(base: unknown, refs: { place: number; target: number; cut: number; spelling: string }[]): unknown {
    const document = { root: base, defs: { shared: { v: 1 }, other: { list: [1, 2] } } } as Record<string, unknown>;
    for (const { place, target, cut, spelling } of refs) {
      const paths = pathsOf(document).filter((at) => at.length > 0);
      const at = paths[place % paths.length];
      const to = paths[target % paths.length].slice(0, Math.max(1, paths[target % paths.length].length - cut));
      const text = { plain: pointer(to, false), 'uri-encoded': pointer(to, true), root: '#', missing: '#/nope/x', invalid: '#nope', whitespace: `${pointer(to, false)}\t`, sibling: pointer(to, false) }[spelling]!;
      let holder: unknown = document;
      for (const key of at.slice(0, -1)) holder = (holder as Record<string, unknown>)[key];
      if (holder === null || typeof holder !== 'object' || !Object.prototype.hasOwnProperty.call(holder, at[at.length - 1])) continue;
      const value = spelling === 'sibling' ? { $ref: text, description: 'sibling' } : { $ref: text };
      Object.defineProperty(holder, at[at.length - 1], { value, enumerable: true, writable: true, configurable: true });
    }
    return document;
  }

  it('trees, graphs and errors agree on 300 random documents with refs (JSON and YAML parsers)', async () => {
    const dir = tempDir();
    let refsInlined = 0;
    await fc.assert(
      fc.asyncProperty(tree, fc.array(ref, { minLength: 1, maxLength: 12 }), fc.boolean(), async (base, refs, yaml) => {
        const text = JSON.stringify(withRefs(base, refs), null, 1);
        const file = path.join(dir, 'random.json');
        const parser = yaml ? SpecParser : undefined;
        const spectral = await resolveWith('spectral', text, file, parser);
        const apigov = await resolveWith('apigov', text, file, parser);
        refsInlined += Object.keys(spectral.graph.getNodeData(file).refMap ?? {}).length;
        expect(resolutionDifferences(spectral, apigov, true)).toEqual([]);
      }),
      { numRuns: 300, seed: 4242 },
    );
    expect(refsInlined).toBeGreaterThan(300);
  });
});

describe('the same resolution and findings on real specs', () => {
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }

  it('120 APIs.guru specs', async () => {
    let findings = 0;
    for (const file of fetched.value!.corpus) findings += await expectSameOn(file);
    expect(findings).toBeGreaterThan(5_000);
  }, 1_800_000);

  it("GitHub's REST description", async () => {
    const findings = await expectSameOn(fetched.value!.github);
    expect(findings).toBeGreaterThan(800);
  }, 1_800_000);
});
