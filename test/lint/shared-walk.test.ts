import { readFileSync } from 'node:fs';
import path from 'node:path';
import Nimma from 'nimma';
import { jsonPathPlus } from 'nimma/fallbacks';
import { describe, expect, it } from 'vitest';
import { traverse, type PathCallbacks } from '../../src/lint/engine/compiled-paths.js';
import { planPaths } from '../../src/lint/engine/path-plan.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';

// apigov's walk (path-plan.ts, shared-walk.ts, member-only lookups) must match exactly what
// Nimma, Spectral's JSONPath engine, matches: for every path, the same places with the same
// values, in the same order.
const root = path.resolve(import.meta.dirname, '../..');

const EDGE_PATHS = [
  '$',
  '$.info.version',
  '$.a.b',
  '$.a.b.c',
  '$.list[0]',
  '$.list[1].x',
  "$['paths']['/a']",
  '$.paths.*~',
  '$..properties[*]~',
  '$..[0]',
  '$..*',
  '$[*]',
  '$.*.*',
  '$..a..b',
  '$..a.b',
  '$..enum',
  '$..[description,title]',
  "$..[?(@property === 'x')]",
  "$..[?(@ && @.type === 'string')].enum[*]",
  '$.paths[*][?(@property.match && @property.match(/^(get|put)$/))]',
  "$..[?(@ && @.constructor && @.constructor.name === 'Array')]",
  '$..[?(@parent && @parent.type)]',
  '$..[?(@path.length > 10)]',
  '$.list[*]..[?(@ === null)]',
  "$..['200']",
  '$..[?(@property == 0)]',
  '$..*[x,a]',
  '$..*.a',
  '$.a..*.x',
  '$.*..a',
  '$[*]..a',
  '$.paths..*',
  '$.a..*',
  '$..*~',
  '$.paths[*][*]..a',
  '$.*[a,x]..b',
  '$..a[*]..b',
  '$..[?(@ && @.x)]..b',
  // The house rules' old spelling of their 2xx filter, with a `\\d` Nimma does not compile.
  "$.paths[*].get.responses[?(@property.match && @property.match(/^2(\\d\\d|XX)$/i) && @property != '204')]",
  '$.paths[*][get,put,post,delete,options,head,patch,trace].responses[?(@property.match && @property.match(/^2(\\d\\d|XX)$/i))]',
  '$.paths[*][get,put,post,delete,options,head,patch,trace].responses[?(@property.match && @property.match(/^2(\\d\\d|XX)$/i))].content[?(@property.match && @property.match(/json/i))]',
];

// Paths Nimma gives to its fallback engine (a regex with an escape such as `\\d`; a `..` after a
// filter or a wildcard after a deep step), filters that read
// the walk's position, and shapes Nimma's compiler reads its own way (path-plan.ts).
const LEFT_TO_NIMMA = [
  "$.paths[*].get.responses[?(@property.match && @property.match(/^2(\\d\\d|XX)$/i) && @property != '204')]",
  '$.paths[*][get,put,post,delete,options,head,patch,trace].responses[?(@property.match && @property.match(/^2(\\d\\d|XX)$/i))]',
  '$.paths[*][get,put,post,delete,options,head,patch,trace].responses[?(@property.match && @property.match(/^2(\\d\\d|XX)$/i))].content[?(@property.match && @property.match(/json/i))]',
  '$..[?(@parent && @parent.type)]',
  '$..[?(@path.length > 10)]',
  '$..*[x,a]',
  '$..*.a',
  '$.a..*.x',
  '$.*..a',
  '$[*]..a',
  '$..[?(@ && @.x)]..b',
  '$..a[*]..b',
];

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const KEYS = ['a', 'b', 'x', 'enum', 'type', 'description', 'title', 'properties', '0', '200', '2xX', '204', 'content', 'application/json', 'paths', 'list', 'get', '~1a', 'name'];

/** A random document of objects, arrays and scalars, with keys that the paths above look for. */
function randomDocument(random: () => number, depth = 0): unknown {
  const roll = random();
  if (depth > 4 || roll < 0.25) {
    const scalars = [null, true, 0, 7, 'string', 'x', ''];
    return scalars[Math.floor(random() * scalars.length)];
  }
  if (roll < 0.45) return Array.from({ length: Math.floor(random() * 4) }, () => randomDocument(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let count = Math.floor(random() * 5); count > 0; count -= 1) object[KEYS[Math.floor(random() * KEYS.length)]!] = randomDocument(random, depth + 1);
  return object;
}

type Match = [path: string, value: unknown];

function byNimma(document: object, expressions: string[]): Map<string, Match[]> {
  const found = new Map<string, Match[]>(expressions.map((expression) => [expression, []]));
  const callbacks = Object.fromEntries(expressions.map((expression) => [expression, (node: { path: (string | number)[]; value: unknown }) => found.get(expression)!.push([JSON.stringify(node.path), node.value])]));
  new Nimma(expressions, { fallback: jsonPathPlus, unsafe: false, output: 'auto', customShorthands: {} }).query(document as never, callbacks);
  return found;
}

function byApigov(document: object, expressions: string[]): Map<string, Match[]> {
  const found = new Map<string, Match[]>(expressions.map((expression) => [expression, []]));
  const callbacks = new Map<string, PathCallbacks>(
    expressions.map((expression) => [expression, { list: [(node) => found.get(expression)!.push([JSON.stringify(node.path), node.value])], contexts: [null] }]),
  );
  traverse(document, callbacks);
  return found;
}

async function rulesetPaths(): Promise<string[]> {
  const paths = new Set<string>();
  for (const name of ['spectral:oas', 'apigov:recommended']) {
    const ruleset = await loadRuleset(name, root);
    for (const rule of Object.values(ruleset.rules)) for (const given of rule.getGivenForFormats(null)) paths.add(given);
  }
  return [...paths];
}

describe("apigov's JSONPath walk", () => {
  it('evaluates the rulesets paths and the edge cases itself, except what Nimma hands to its fallback or reads its own way', async () => {
    const plan = planPaths([...(await rulesetPaths()), ...EDGE_PATHS]);
    expect(plan.nimma.sort()).toEqual([...LEFT_TO_NIMMA].sort());
    expect(plan.fixed.map((fixed) => fixed.expression)).toContain('$.info.version');
  });

  it('matches what Nimma matches on 400 random documents', async () => {
    const expressions = [...EDGE_PATHS, ...(await rulesetPaths())];
    const random = seeded(3);
    let matches = 0;
    for (let index = 0; index < 400; index += 1) {
      const document = { paths: { '/a': { get: randomDocument(random) } }, list: randomDocument(random), ...(randomDocument(random) as object) };
      const expected = byNimma(document, expressions);
      expect(byApigov(document, expressions)).toEqual(expected);
      for (const list of expected.values()) matches += list.length;
    }
    expect(matches).toBeGreaterThan(20_000);
  });

  it('matches what Nimma matches with more than 30 filters live at once (verdicts kept as text)', () => {
    // Filters that hold on few nodes, on some nodes several at once, and on most nodes none.
    const expressions = Array.from({ length: 34 }, (_, index) => {
      const key = ['a', 'b', 'x', 'type'][index % 4]!;
      return index % 2 === 0 ? `$..[?(@property === '${KEYS[index / 2]}' || @property === ${index})]` : `$..[?(@ && (@.${key} === 'x' || @.${key} === ${index}))]`;
    });
    const random = seeded(11);
    let matches = 0;
    for (let index = 0; index < 150; index += 1) {
      const document = { list: randomDocument(random), ...(randomDocument(random) as object) };
      const expected = byNimma(document, expressions);
      expect(byApigov(document, expressions)).toEqual(expected);
      for (const list of expected.values()) matches += list.length;
    }
    expect(new Set(planPaths(expressions).walked.map((walked) => walked.expression)).size).toBe(34);
    expect(matches).toBeGreaterThan(1_000);
  });

  it("matches with the house rules' 2xx filter exactly what its old `\\d` spelling matched", () => {
    const pairs = [
      ["$.paths[*].get.responses[?(@property.match && @property.match(/^2(\\d\\d|XX)$/i) && @property != '204')]", "$.paths[*].get.responses[?(@property.match && @property.match(/^2([0-9][0-9]|XX)$/i) && @property != '204')]"],
      ['$.paths[*][get,put].responses[?(@property.match && @property.match(/^2(\\d\\d|XX)$/i))]', '$.paths[*][get,put].responses[?(@property.match && @property.match(/^2([0-9][0-9]|XX)$/i))]'],
    ];
    const codes = ['200', '204', '2XX', '2xx', '2Xx', '20', '2000', '299', '300', '2x0', '٢٠٠', 'default', '0', ' 200'];
    const responses = Object.fromEntries(codes.map((code) => [code, { description: code }]));
    const document = { paths: { '/a': { get: { responses }, put: { responses: [{ description: 'array' }] } } } };
    for (const [old, spelled] of pairs) {
      const matched = byNimma(document, [old, spelled]);
      expect(matched.get(spelled)).toEqual(matched.get(old));
      expect(matched.get(spelled)!.length).toBeGreaterThan(3);
    }
  });

  it("stops at a throwing filter and names the place it was judging, as Spectral's walk does", () => {
    const document = { components: { schemas: { Odd: { enum: Object.assign(Object.create(null) as object, { a: 1 }) } } } };
    const expression = "$..[?(@ && @.enum && @.enum.constructor.name === 'Array')]";
    expect(() => byNimma(document, [expression])).toThrow(TypeError);
    expect(() => byApigov(document, [expression])).toThrow(expect.objectContaining({ at: 'components.schemas.Odd', cause: expect.any(TypeError) }));
  });

  const corpus = fetchOrSkip(() => sampleCorpus(15, { maxBytes: 1_500_000, offset: 11 }));
  if (corpus.skipReason) {
    it.skip(corpus.skipReason, () => {});
    return;
  }

  it('matches what Nimma matches on APIs.guru specs', async () => {
    const expressions = [...EDGE_PATHS, ...(await rulesetPaths())];
    for (const file of corpus.value!) {
      const document = JSON.parse(readFileSync(file, 'utf8')) as object;
      expect(byApigov(document, expressions), file).toEqual(byNimma(document, expressions));
    }
  }, 120_000);
});
