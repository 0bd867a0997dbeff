import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssociator } from '../../src/lint/engine/associated-item.js';
import { DocumentInventory, type Inventory } from '../../src/lint/engine/spectral-internals.js';
import { createLintResolver } from '../../src/lint/resolve/lint-resolver.js';
import { parseSpecText } from '../../src/load/load-spec.js';
import { ensureCorpus, fetchOrSkip } from '../helpers/real-data.js';
import { tempDir } from '../helpers/memory-io.js';

// apigov's remembered walk (associated-item.ts) must map every place exactly as Spectral's
// DocumentInventory.findAssociatedItemForPath does: same document object, same path, same
// missing part, or null on both sides.

type Segment = string | number;

async function inventoryOf(file: string): Promise<Inventory> {
  const document = parseSpecText(readFileSync(file, 'utf8'), file, path.basename(file)).document;
  const inventory = new DocumentInventory(document, createLintResolver(path.dirname(file)));
  await inventory.resolve();
  return inventory;
}

/** Paths to every node of the resolved tree (breadth first, up to `limit`), each also with a missing segment and a repeated segment appended. */
function probePaths(data: unknown, limit: number): Segment[][] {
  const paths: Segment[][] = [[]];
  const queue: { value: unknown; path: Segment[] }[] = [{ value: data, path: [] }];
  while (queue.length > 0 && paths.length < limit) {
    const { value, path: at } = queue.shift()!;
    if (value === null || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      const child = [...at, key];
      paths.push(child, [...child, 'not-there'], [...child, 'not-there', key], [...child, at[at.length - 1] ?? 'x']);
      queue.push({ value: (value as Record<string, unknown>)[key], path: child });
    }
  }
  return paths;
}

/** Places reached by random descents from the root (down to 80 levels), where the shared, `$ref`-reached subtrees are. */
function deepPaths(data: unknown, descents: number): Segment[][] {
  const paths: Segment[][] = [];
  const random = seeded(11);
  for (let descent = 0; descent < descents; descent += 1) {
    let value = data;
    const at: Segment[] = [];
    while (value !== null && typeof value === 'object' && at.length < 80) {
      const keys = Object.keys(value);
      if (keys.length === 0) break;
      const key = keys[random() % keys.length]!;
      at.push(key);
      paths.push([...at], [...at, 'not-there'], [...at, 'not-there', key]);
      value = (value as Record<string, unknown>)[key];
    }
  }
  return paths;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648);
}

/** A deterministic shuffle, so the remembered steps are filled in an order unlike the breadth-first one. */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  const random = seeded(7);
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random() % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function expectSameMapping(inventory: Inventory, paths: Segment[][]): number {
  const { associate } = createAssociator(inventory);
  let compared = 0;
  for (const probe of shuffled(paths)) {
    for (const resolved of [true, false]) {
      const expected = inventory.findAssociatedItemForPath([...probe], resolved);
      const actual = associate([...probe], resolved);
      const where = `${JSON.stringify(probe)} resolved=${resolved}`;
      if (expected === null) {
        expect(actual, where).toBeNull();
      } else {
        expect(actual, where).not.toBeNull();
        expect(actual!.document, where).toBe(expected.document);
        expect({ path: actual!.path, missing: actual!.missingPropertyPath }, where).toEqual({ path: expected.path, missing: expected.missingPropertyPath });
      }
      compared += 1;
    }
  }
  return compared;
}

const MAIN = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets/{id}:
    get:
      responses:
        '200': { $ref: './responses.yaml#/Ok' }
        '404': { $ref: '#/components/responses/NotFound' }
  /a~b:
    $ref: '#/paths/~1pets~1%7Bid%7D'
components:
  responses:
    NotFound:
      description: not found
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Err' }
  schemas:
    Err:
      type: object
      properties:
        code: { type: integer, enum: [1, 2] }
        self: { $ref: '#/components/schemas/Err' }
        other: { $ref: './schemas.yaml#/Pet' }
        sibling: { $ref: '#/components/schemas/Leaf', description: with a sibling }
        missing: { $ref: './nowhere.yaml#/X' }
        dangling: { $ref: '#/components/schemas/Nowhere' }
        chain: { $ref: '#/components/schemas/Alias' }
        spaced: { $ref: '#/components/schemas/Leaf Two' }
        whole: { $ref: './schemas.yaml' }
        through: { $ref: '#/components/schemas/Wrapper/properties/inner' }
        deeper: { $ref: '#/components/schemas/Wrapper/properties/inner/enum' }
    Wrapper: { $ref: '#/components/schemas/Box' }
    Box: { type: object, properties: { inner: { type: integer, enum: [1] } } }
    Alias: { $ref: '#/components/schemas/Leaf' }
    Leaf: { type: string, enum: [a, b] }
    Leaf Two: { type: string }
    'x/y~z': { $ref: '#/components/schemas/Leaf' }
`;
const RESPONSES = `Ok:
  description: ok
  content:
    application/json:
      schema: { $ref: './schemas.yaml#/Pet' }
`;
const SCHEMAS = `Pet:
  type: object
  properties:
    name: { type: string }
    owner: { $ref: '#/Owner' }
    back: { $ref: './main.yaml#/components/schemas/Leaf' }
Owner:
  type: object
  properties:
    pet: { $ref: '#/Pet' }
`;

describe("apigov's mapping of resolved places back to their files", () => {
  it("is Spectral's on local, external, chained, cyclic, dangling and sibling refs", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'main.yaml'), MAIN);
    writeFileSync(path.join(dir, 'responses.yaml'), RESPONSES);
    writeFileSync(path.join(dir, 'schemas.yaml'), SCHEMAS);
    const inventory = await inventoryOf(path.join(dir, 'main.yaml'));
    const paths = [...probePaths(inventory.resolved, 4000), ...deepPaths(inventory.resolved, 200)];
    // Places that exist only in the unresolved text, and ones through a dangling ref.
    paths.push(['components', 'schemas', 'Err', 'properties', 'missing', 'type'], ['paths', '/a~b', 'get', 'responses', '200', '$ref'], ['#'], ['nope']);
    expect(expectSameMapping(inventory, paths)).toBeGreaterThan(2000);
  });

  const corpus = fetchOrSkip(ensureCorpus);
  if (corpus.skipReason) {
    it.skip(corpus.skipReason, () => {});
    return;
  }

  it("is Spectral's on APIs.guru specs, Bungie's heavily shared one among them", async () => {
    const files = ['bungie.net.json', 'docusign.net.json', 'stripe.com.json', 'twilio.com/api.json'].map((name) => path.join(corpus.value!, name));
    let compared = 0;
    for (const file of files) {
      const inventory = await inventoryOf(file);
      compared += expectSameMapping(inventory, [...probePaths(inventory.resolved, 2000), ...deepPaths(inventory.resolved, 300)]);
    }
    expect(compared).toBeGreaterThan(20000);
  }, 120_000);
});
