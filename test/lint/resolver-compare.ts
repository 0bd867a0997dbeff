import { createRequire } from 'node:module';
import path from 'node:path';
import { Document } from '@stoplight/spectral-core';
import { createConfinedResolver } from '../../src/lint/confined-resolver.js';
import { createLintResolver } from '../../src/lint/resolve/lint-resolver.js';
import { JsonSpecParser } from '../../src/load/json-spec-parser.js';
import { parseWithOwnProtoKeys } from '../../src/load/own-proto-keys.js';
import { SpecParser } from '../../src/load/spec-parser.js';

// Shared by the resolver tests: resolve one text with Spectral's resolver ('spectral', which
// lint used before) and with apigov's ('apigov'), the way Spectral's DocumentInventory calls a
// resolver, and list every difference between the two outcomes.

const require = createRequire(import.meta.url);
const coreDir = path.dirname(require.resolve('@stoplight/spectral-core'));
const { DocumentInventory } = require(path.join(coreDir, 'documentInventory.js')) as {
  DocumentInventory: new (document: Document, resolver: unknown) => { parseResolveResult: unknown };
};

export type ResolverKind = 'spectral' | 'apigov';

interface GraphLike {
  nodes: Record<string, unknown>;
  outgoingEdges: Record<string, string[]>;
  getNodeData(node: string): { refMap?: Record<string, string>; data?: unknown };
}

interface ErrorLike {
  code: string;
  message: string;
  path: unknown[];
  uri: unknown;
  uriStack: string[];
  pointerStack: string[];
}

export interface Resolution {
  document: Document;
  result: unknown;
  graph: GraphLike;
  errors: ErrorLike[];
}

/** Parses as lint does: JSON text with apigov's JSON parser, anything else with Spectral's YAML parser; `__proto__` keys as data. */
export function parseDocument(text: string, source: string, parser = /^\s*\{/.test(text) ? JsonSpecParser : SpecParser): Document {
  return parseWithOwnProtoKeys(text, () => new Document(text, parser as never, source));
}

/** Resolves a freshly parsed document (Spectral's resolver freezes what it is given). */
export async function resolveWith(kind: ResolverKind, text: string, source: string, parser?: typeof SpecParser): Promise<Resolution> {
  const document = parseDocument(text, source, parser);
  const root = path.dirname(source);
  const resolver = (kind === 'spectral' ? createConfinedResolver(root) : createLintResolver(root)) as {
    resolve(data: unknown, options: unknown): Promise<Omit<Resolution, 'document'>>;
  };
  const inventory = new DocumentInventory(document, resolver);
  const outcome = await resolver.resolve(document.data, { baseUri: source, parseResolveResult: inventory.parseResolveResult });
  return { document, ...outcome };
}

/**
 * Differences between two resolved trees, walked together: the same keys in the same order
 * (so a `$ref` object left in one is one in the other), the same enumerability, equal
 * primitives, and the same sharing — a value reached twice in one tree (a shared target, or a
 * cycle) is reached at the same two places in the other.
 */
export function treeDifferences(expected: unknown, actual: unknown, limit = 10): string[] {
  const pairs = new Map<object, object>();
  const reverse = new Map<object, object>();
  const problems: string[] = [];
  const pending: [unknown, unknown, string][] = [[expected, actual, '#']];
  while (pending.length > 0 && problems.length < limit) {
    const [left, right, at] = pending.pop()!;
    const leftObject = left !== null && typeof left === 'object';
    const rightObject = right !== null && typeof right === 'object';
    if (!leftObject || !rightObject) {
      if (!Object.is(left, right)) problems.push(`${at}: ${describe(left)} ≠ ${describe(right)}`);
      continue;
    }
    if (pairs.has(left) || reverse.has(right)) {
      if (pairs.get(left) !== right || reverse.get(right) !== left) problems.push(`${at}: shared or cyclic in one tree, not the same way in the other`);
      continue;
    }
    pairs.set(left, right);
    reverse.set(right, left);
    if (Array.isArray(left) !== Array.isArray(right)) {
      problems.push(`${at}: array ≠ object`);
      continue;
    }
    const leftKeys = Reflect.ownKeys(left);
    const rightKeys = Reflect.ownKeys(right);
    if (leftKeys.map(String).join('\n') !== rightKeys.map(String).join('\n')) {
      problems.push(`${at}: keys [${leftKeys.map(String).join(', ')}] ≠ [${rightKeys.map(String).join(', ')}]`);
      continue;
    }
    for (const key of leftKeys) {
      const where = `${at}/${String(key)}`;
      if (Object.prototype.propertyIsEnumerable.call(left, key) !== Object.prototype.propertyIsEnumerable.call(right, key)) problems.push(`${where}: enumerability`);
      pending.push([(left as Record<PropertyKey, unknown>)[key], (right as Record<PropertyKey, unknown>)[key], where]);
    }
  }
  return problems;
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? JSON.stringify(value) : String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** The graph as data: nodes with their dependencies and refMaps (each refMap by key, as Spectral looks it up). */
export function graphSummary(graph: GraphLike, ordered: boolean): unknown {
  const sortIf = <T>(items: T[]): T[] => (ordered ? items : [...items].sort());
  return sortIf(Object.keys(graph.nodes)).map((node) => ({
    node,
    dependsOn: sortIf([...graph.outgoingEdges[node]]),
    refMap: Object.fromEntries(Object.entries(graph.getNodeData(node).refMap ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  }));
}

export function errorSummary(errors: ErrorLike[]): unknown {
  return errors.map(({ code, message, path, uri, uriStack, pointerStack }) => ({ code, message, path, uri: String(uri), uriStack, pointerStack }));
}

/**
 * Every difference between the two resolutions. Graph node and edge order is compared when
 * `orderedGraph` (a single document); with several, both resolvers read them concurrently and
 * the order follows the file system.
 */
export function resolutionDifferences(spectral: Resolution, apigov: Resolution, orderedGraph: boolean): string[] {
  const problems = treeDifferences(spectral.result, apigov.result);
  const graphs = [graphSummary(spectral.graph, orderedGraph), graphSummary(apigov.graph, orderedGraph)].map((graph) => JSON.stringify(graph, null, 1));
  if (graphs[0] !== graphs[1]) problems.push(`graph:\n${graphs[0].slice(0, 4000)}\n≠\n${graphs[1].slice(0, 4000)}`);
  const errors = [errorSummary(spectral.errors), errorSummary(apigov.errors)].map((list) => JSON.stringify(list, null, 1));
  if (errors[0] !== errors[1]) problems.push(`errors:\n${errors[0].slice(0, 4000)}\n≠\n${errors[1].slice(0, 4000)}`);
  return problems;
}

/** Resolves `text` both ways and lists the differences. */
export async function compareResolvers(text: string, source: string, options: { orderedGraph?: boolean; parser?: typeof SpecParser } = {}): Promise<string[]> {
  const spectral = await resolveWith('spectral', text, source, options.parser);
  const apigov = await resolveWith('apigov', text, source, options.parser);
  return resolutionDifferences(spectral, apigov, options.orderedGraph ?? true);
}
