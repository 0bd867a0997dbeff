import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonPath } from '@stoplight/types';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { ensureOctokit, fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';
import { compareParsers, missingPathsNear, yamlToJsonText } from './parser-comparison.js';

// The JSON parser against Spectral's YAML parser on real documents: the same data (own keys in
// the same order), the same diagnostics, and the same range for every path asked for.
const root = path.resolve(import.meta.dirname, '../..');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every fixture and example that is a YAML document, as indented and one-line JSON. */
function fixtureTwins(): Array<[string, string]> {
  const files = [...yamlFilesUnder(path.join(root, 'fixtures')), ...yamlFilesUnder(path.join(root, 'examples'))];
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const document = YAML.parseDocument(text, { uniqueKeys: false });
    if (document.errors.length > 0 || document.contents === null || !YAML.isMap(document.contents)) return [];
    const name = path.relative(root, file);
    return [[`${name} (indented)`, yamlToJsonText(text, 2)], [`${name} (one line)`, yamlToJsonText(text, 0)]] as Array<[string, string]>;
  });
}

/** Every `step`-th path of the document, each also with paths just outside it. */
function samplePaths(step: number) {
  return (paths: JsonPath[], data: unknown): JsonPath[] =>
    paths.filter((_, i) => i % step === 0).flatMap((p) => [p, ...missingPathsNear(p, p.reduce<unknown>((value, segment) => (value as Record<string, unknown>)[segment as string], data))]);
}

describe('JsonSpecParser on the JSON twins of every fixture', () => {
  it('agrees with the YAML parser on every path', () => {
    const twins = fixtureTwins();
    expect(twins.length).toBeGreaterThan(500);
    for (const [name, text] of twins) {
      const comparison = compareParsers(text);
      expect(comparison.differences, name).toEqual([]);
      expect(comparison.fast, name).toBe(!text.includes('"<<"'));
    }
  });
});

const fetched = fetchOrSkip(() => ({
  corpus: sampleCorpus(60, { maxBytes: 1_000_000, offset: 5 }),
  github: path.join(ensureOctokit('23.0.2'), 'api.github.com.json'),
}));

describe('JsonSpecParser on real descriptions', () => {
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }
  const { corpus, github } = fetched.value!;

  it('agrees with the YAML parser on every path of 60 APIs.guru specs', () => {
    let fast = 0;
    for (const file of corpus) {
      const comparison = compareParsers(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      expect(comparison.differences, file).toEqual([]);
      if (comparison.fast) fast += 1;
    }
    // The corpus is machine-written JSON: every file should take the fast path.
    expect(fast).toBe(corpus.length);
  }, 600_000);

  it("agrees with the YAML parser on GitHub's description: all data, ranges of 5,000 paths and around them", () => {
    const comparison = compareParsers(readFileSync(github, 'utf8'), (paths, data) => samplePaths(Math.floor(paths.length / 5000))(paths, data));
    expect(comparison.differences).toEqual([]);
    expect(comparison.fast).toBe(true);
    expect(comparison.paths.length).toBeGreaterThan(200_000);
  }, 600_000);
});
