import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { tempDir } from '../helpers/memory-io.js';
import { errorSummary, resolveWith, type ResolverKind } from './resolver-compare.js';

// Each behaviour of `$ref` resolution lint depends on, with the resolved tree written out by
// hand. Every case runs against Spectral's resolver too, so the expectations are Spectral's and
// apigov's resolver (src/lint/resolve) is held to them.

type Tree = Record<string, any>;

async function resolve(kind: ResolverKind, files: Record<string, string>, main = 'api.yaml') {
  const dir = tempDir(files);
  const source = path.join(dir, main);
  const resolution = await resolveWith(kind, files[main], source);
  return { ...resolution, dir, source, tree: resolution.result as Tree, refMap: (node = source) => resolution.graph.getNodeData(node).refMap };
}

describe.each<ResolverKind>(['spectral', 'apigov'])('%s resolver', (kind) => {
  it('inlines a local ref, and every ref to one target gets the one same value', async () => {
    const { tree, refMap, errors } = await resolve(kind, {
      'api.yaml': "defs:\n  X: {type: string}\na: {$ref: '#/defs/X'}\nlist: [{$ref: '#/defs/X'}]\n",
    });
    expect(tree).toEqual({ defs: { X: { type: 'string' } }, a: { type: 'string' }, list: [{ type: 'string' }] });
    expect(tree.a).toBe(tree.defs.X);
    expect(tree.list[0]).toBe(tree.defs.X);
    expect(refMap()).toEqual({ '#/a': '#/defs/X', '#/list/0': '#/defs/X' });
    expect(errors).toEqual([]);
  });

  it('leaves refs that take part in a cycle as $ref objects, but inlines a ref into the cycle from outside', async () => {
    const { tree, refMap } = await resolve(kind, {
      'api.yaml': "A: {x: {$ref: '#/B'}, v: 1}\nB: {y: {$ref: '#/A'}, w: 2}\nC: {self: {$ref: '#/C'}}\na: {$ref: '#/A'}\n",
    });
    expect(tree).toEqual({
      A: { x: { $ref: '#/B' }, v: 1 },
      B: { y: { $ref: '#/A' }, w: 2 },
      C: { self: { $ref: '#/C' } },
      a: { x: { $ref: '#/B' }, v: 1 },
    });
    expect(tree.a).toBe(tree.A);
    expect(refMap()).toEqual({ '#/a': '#/A' });
  });

  it('leaves a ref to one of its own parents alone, without an error', async () => {
    const { tree, refMap, errors } = await resolve(kind, { 'api.yaml': "p:\n  q:\n    child: {$ref: '#/p'}\n" });
    expect(tree).toEqual({ p: { q: { child: { $ref: '#/p' } } } });
    expect(refMap()).toEqual({});
    expect(errors).toEqual([]);
  });

  it('reports a missing pointer and an invalid one, and keeps both refs', async () => {
    const { tree, errors, source } = await resolve(kind, { 'api.yaml': "a: {$ref: '#/nope'}\nb: {$ref: '#nope'}\n" });
    expect(tree).toEqual({ a: { $ref: '#/nope' }, b: { $ref: '#nope' } });
    expect(errorSummary(errors)).toEqual([
      { code: 'PARSE_POINTER', message: "'#nope' JSON pointer is invalid", path: [], uri: source, uriStack: [], pointerStack: [] },
      { code: 'POINTER_MISSING', message: "'#/nope' does not exist", path: ['a'], uri: source, uriStack: [], pointerStack: [] },
    ]);
  });

  it('replaces a $ref with siblings by the target alone', async () => {
    const { tree } = await resolve(kind, { 'api.yaml': "X: {type: integer}\na: {$ref: '#/X', description: dropped}\n" });
    expect(tree).toEqual({ X: { type: 'integer' }, a: { type: 'integer' } });
  });

  it('decodes URL-encoded pointers and ~0 / ~1, and records the refMap URL-encoded', async () => {
    const { tree, refMap } = await resolve(kind, {
      'api.yaml': "defs:\n  'a b': {v: 1}\n  'x/y': {v: 2}\n  'm~n': {v: 3}\nr1: {$ref: '#/defs/a%20b'}\nr2: {$ref: '#/defs/x~1y'}\nr3: {$ref: '#/defs/m~0n'}\n",
    });
    expect(tree).toMatchObject({ r1: { v: 1 }, r2: { v: 2 }, r3: { v: 3 } });
    expect(refMap()).toEqual({ '#/r1': '#/defs/a%20b', '#/r2': '#/defs/x~1y', '#/r3': '#/defs/m~0n' });
  });

  it('follows a ref whose target is itself a ref to the final value', async () => {
    const { tree, refMap } = await resolve(kind, { 'api.yaml': "a: {$ref: '#/b'}\nb: {$ref: '#/c'}\nc: {v: 1}\n" });
    expect(tree).toEqual({ a: { v: 1 }, b: { v: 1 }, c: { v: 1 } });
    expect(tree.a).toBe(tree.c);
    expect(refMap()).toEqual({ '#/a': '#/b', '#/b': '#/c' });
  });

  it('resolves refs under example, examples and x- keys too', async () => {
    const { tree } = await resolve(kind, {
      'api.yaml': "X: {v: 1}\nexample: {$ref: '#/X'}\nexamples: {one: {$ref: '#/X'}}\nx-extra: {$ref: '#/X'}\n",
    });
    expect(tree).toEqual({ X: { v: 1 }, example: { v: 1 }, examples: { one: { v: 1 } }, 'x-extra': { v: 1 } });
  });

  it('shares every subtree it did not change with the parsed document; changed objects list integer-like keys first', async () => {
    const { tree, document } = await resolve(kind, { 'api.yaml': "info: {title: t}\nresponses:\n  '404': {$ref: '#/X'}\n  '200': {v: 2}\nX: {v: 1}\n" });
    const data = document.data as Tree;
    expect(tree.info).toBe(data.info);
    expect(tree.X).toBe(data.X);
    expect(tree.responses['200']).toBe(data.responses['200']);
    expect(Object.keys(data.responses)).toEqual(['404', '200']);
    expect(Object.keys(tree.responses)).toEqual(['200', '404']);
  });

  it('reads other files through the ref policy: whole files, parts, refs inside them, to further files, and back', async () => {
    const { tree, refMap, errors, dir, source } = await resolve(kind, {
      'api.yaml': "pet: {$ref: './shared.yaml#/Pet'}\nall: {$ref: 'shared.yaml'}\nName: {type: string}\n",
      'shared.yaml': "Pet:\n  properties:\n    id: {$ref: '#/Id'}\n    tag: {$ref: './sub/tag.yaml'}\n    name: {$ref: './api.yaml#/Name'}\nId: {type: integer}\n",
      'sub/tag.yaml': 'type: string\nmaxLength: 10\n',
    });
    const pet = { properties: { id: { type: 'integer' }, tag: { type: 'string', maxLength: 10 }, name: { type: 'string' } } };
    expect(tree).toEqual({ pet, all: { Pet: pet, Id: { type: 'integer' } }, Name: { type: 'string' } });
    expect(errors).toEqual([]);
    const shared = path.join(dir, 'shared.yaml');
    expect(refMap()).toEqual({ '#/pet': `${shared}#/Pet`, '#/all': shared });
    expect(refMap(shared)).toEqual({ '#/Pet/properties/id': '#/Id', '#/Pet/properties/tag': path.join(dir, 'sub/tag.yaml'), '#/Pet/properties/name': `${source}#/Name` });
  });

  it('keeps the inner ref of a cycle across files as a $ref object', async () => {
    const { tree, errors } = await resolve(kind, {
      'api.yaml': "s: {$ref: './a.yaml'}\n",
      'a.yaml': "type: object\nproperties:\n  b: {$ref: './b.yaml'}\n",
      'b.yaml': "type: object\nproperties:\n  a: {$ref: './a.yaml'}\n",
    });
    expect(tree).toEqual({ s: { type: 'object', properties: { b: { type: 'object', properties: { a: { $ref: './a.yaml' } } } } } });
    expect(errors).toEqual([]);
  });

  it('reports a file it may not or cannot read, with the reason, and keeps the ref', async () => {
    const { tree, errors, dir } = await resolve(kind, { 'api/api.yaml': "a: {$ref: './missing.yaml'}\nb: {$ref: '../secret.yaml#/x'}\n", 'secret.yaml': 'x: 1\n' }, 'api/api.yaml');
    expect(tree).toEqual({ a: { $ref: './missing.yaml' }, b: { $ref: '../secret.yaml#/x' } });
    expect(errors.map((error) => [error.code, error.message, error.path])).toEqual([
      ['RESOLVE_URI', `Error: cannot read ${dir}/api/missing.yaml: file not found`, ['a']],
      ['RESOLVE_URI', `Error: ${dir}/secret.yaml is outside the spec's folder ${dir}/api; not read`, ['b']],
    ]);
  });
});

describe("apigov's resolver, where it departs from Spectral's on purpose", () => {
  it('freezes nothing: neither its result nor the parsed document', async () => {
    const { tree, document } = await resolve('apigov', { 'api.yaml': "X: {v: 1}\na: {$ref: '#/X'}\n" });
    expect(Object.isFrozen(tree)).toBe(false);
    expect(Object.isFrozen(document.data)).toBe(false);
    expect(Object.isFrozen((document.data as Tree).X)).toBe(false);
  });

  it('a ref that lands on Object.prototype (through __proto__) leaves it unfrozen', async () => {
    // Spectral's resolver deep-freezes whatever it placed, Object.prototype included, for the rest of the process.
    const { tree } = await resolve('apigov', { 'api.yaml': "x: {v: 1}\np: {$ref: '#/x/__proto__'}\n" });
    expect(tree.p).toBe(Object.prototype);
    expect(Object.isFrozen(Object.prototype)).toBe(false);
  });

  it('reads a referenced file once however many refs lead to it, and tells the result cache', async () => {
    const dir = tempDir({ 'shared.yaml': 'A: {v: 1}\nB: {v: 2}\n' });
    const { createLintResolver } = await import('../../src/lint/resolve/lint-resolver.js');
    const read: string[] = [];
    const resolver = createLintResolver(dir, (file) => read.push(file)) as { resolve(data: unknown, options: unknown): Promise<{ result: Tree }> };
    const data = { a: { $ref: './shared.yaml#/A' }, b: { $ref: './shared.yaml#/B' }, c: { $ref: './shared.yaml#/A' } };
    const parseResolveResult = async (resolved: { result: unknown }) => ({ ...resolved, result: YAML.parse(String(resolved.result)) });
    const { result } = await resolver.resolve(data, { baseUri: path.join(dir, 'api.yaml'), parseResolveResult });
    expect(result).toEqual({ a: { v: 1 }, b: { v: 2 }, c: { v: 1 } });
    expect(read).toEqual([path.join(dir, 'shared.yaml')]);
  });
});
