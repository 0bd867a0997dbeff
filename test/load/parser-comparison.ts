import { createRequire } from 'node:module';
import YAML from 'yaml';
import type { JsonPath } from '@stoplight/types';
import { locateJsonPath } from '../../src/load/json-spec-locations.js';
import { JsonParseResult, JsonSpecParser } from '../../src/load/json-spec-parser.js';
import { parseWithOwnProtoKeys } from '../../src/load/own-proto-keys.js';
import { SpecParser } from '../../src/load/spec-parser.js';
import { ORDER_KEY } from '../../src/load/stoplight-yaml.js';

// @stoplight/yaml's own locator honours `closest` (Spectral's parser object drops it); the JSON
// locator's `closest` is compared with it.
const stoplightYaml = createRequire(createRequire(import.meta.url).resolve('@stoplight/spectral-parsers'))('@stoplight/yaml') as {
  getLocationForJsonPath(result: unknown, path: JsonPath, closest: boolean): unknown;
};

export interface Comparison {
  /** The JSON parser took its fast path (JSON.parse), rather than handing the text to the YAML parser. */
  fast: boolean;
  /** Every path to a value in the document, in document order. */
  paths: JsonPath[];
  differences: string[];
}

const MAX_REPORTED = 20;

function describe(path: JsonPath): string {
  return JSON.stringify(path);
}

/**
 * Walks both parsers' data together: the same values (Object.is), arrays of the same length, and
 * objects with the same own keys in the same order. The YAML parser makes every mapping an
 * ordered proxy whose first own key is its order symbol; the JSON parser makes only the objects
 * that need it one (with the symbol first too), so a plain object matches the keys after it.
 */
function compareData(json: unknown, yaml: unknown, path: JsonPath, paths: JsonPath[], differences: string[]): void {
  paths.push(path);
  if (json === null || yaml === null || typeof json !== 'object' || typeof yaml !== 'object') {
    if (!Object.is(json, yaml)) differences.push(`value at ${describe(path)}: ${String(json)} vs ${String(yaml)}`);
    return;
  }
  if (Array.isArray(json) !== Array.isArray(yaml)) return void differences.push(`array vs object at ${describe(path)}`);
  const jsonKeys = Reflect.ownKeys(json);
  let yamlKeys = Reflect.ownKeys(yaml);
  if (!Array.isArray(yaml) && yamlKeys[0] === ORDER_KEY && jsonKeys[0] !== ORDER_KEY) yamlKeys = yamlKeys.slice(1);
  if (jsonKeys.length !== yamlKeys.length || jsonKeys.some((key, i) => key !== yamlKeys[i])) {
    return void differences.push(`own keys at ${describe(path)}: ${jsonKeys.map(String).join(',')} vs ${yamlKeys.map(String).join(',')}`);
  }
  if (Object.getPrototypeOf(json) !== Object.getPrototypeOf(yaml)) differences.push(`prototype at ${describe(path)}`);
  for (const key of yamlKeys) {
    if (typeof key !== 'string' || (key === 'length' && Array.isArray(yaml))) continue;
    const segment = Array.isArray(yaml) ? Number(key) : key;
    compareData((json as Record<string, unknown>)[key], (yaml as Record<string, unknown>)[key], [...path, segment], paths, differences);
  }
}

/** Paths that leave the document at their last segment, each with a reason the YAML locator stops there. */
export function missingPathsNear(path: JsonPath, value: unknown): JsonPath[] {
  const near: JsonPath[] = [[...path, 'missing~/"key'], [...path, 'missing', 'deeper']];
  if (Array.isArray(value)) near.push([...path, value.length], [...path, -1], [...path, 1.5], [...path, '0'], [...path, '01'], [...path, ' 1'], [...path, '']);
  else if (value !== null && typeof value === 'object') near.push([...path, 0], ...Object.keys(value).slice(0, 1).map((key) => [...path, key, 'missing']));
  return near;
}

function valueAt(data: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<string | number, unknown>)[segment], data);
}

/** Both parsers' results, as Spectral's Document makes them (with `__proto__` keys kept as data). */
export function parseBoth(text: string): { json: ReturnType<typeof JsonSpecParser.parse>; yaml: ReturnType<typeof SpecParser.parse> } {
  return parseWithOwnProtoKeys(text, () => ({ json: JsonSpecParser.parse(text), yaml: SpecParser.parse(text) }));
}

/**
 * Compares the JSON parser with Spectral's YAML parser on one text: data, diagnostics, and the
 * range of each of `rangePaths` (by default every path in the document and paths just outside
 * it), through each parser's getLocationForJsonPath as Spectral calls it, and with `closest`
 * against @stoplight/yaml's own locator.
 */
export function compareParsers(text: string, rangePaths?: (paths: JsonPath[], data: unknown) => JsonPath[]): Comparison {
  const { json, yaml } = parseBoth(text);
  const differences: string[] = [];
  const paths: JsonPath[] = [];
  compareData(json.data, yaml.data, [], paths, differences);
  if (JSON.stringify(json.diagnostics) !== JSON.stringify(yaml.diagnostics)) differences.push(`diagnostics: ${JSON.stringify(json.diagnostics)} vs ${JSON.stringify(yaml.diagnostics)}`);
  const located = rangePaths ? rangePaths(paths, yaml.data) : [...paths, ...paths.flatMap((path) => missingPathsNear(path, valueAt(yaml.data, path)))];
  for (const path of located) {
    const mine = JSON.stringify(JsonSpecParser.getLocationForJsonPath(json, path, true));
    const theirs = JSON.stringify(SpecParser.getLocationForJsonPath(yaml, path, true));
    if (mine !== theirs) differences.push(`range of ${describe(path)}: ${mine} vs ${theirs}`);
    if (!(json instanceof JsonParseResult)) continue;
    const mineClosest = JSON.stringify(locateJsonPath(json.ast, json.lineMap, path, true));
    const theirsClosest = JSON.stringify(stoplightYaml.getLocationForJsonPath(yaml, path, true));
    if (mineClosest !== theirsClosest) differences.push(`closest range of ${describe(path)}: ${mineClosest} vs ${theirsClosest}`);
  }
  const reported = differences.length > MAX_REPORTED ? [...differences.slice(0, MAX_REPORTED), `... ${differences.length - MAX_REPORTED} more`] : differences;
  return { fast: json instanceof JsonParseResult, paths, differences: reported };
}

/**
 * JSON text for a YAML document, keeping its key order (JSON.stringify would list keys like
 * '200' first): the fixtures are YAML, and their JSON twins exercise the JSON parser. Indented
 * by `indent` spaces, or all on one line when it is 0.
 */
export function yamlToJsonText(yamlText: string, indent: number): string {
  const document = YAML.parseDocument(yamlText, { merge: true, uniqueKeys: false });
  const value = document.toJS({ mapAsMap: true, maxAliasCount: -1 }) as unknown;
  const write = (node: unknown, depth: number): string => {
    const pad = indent === 0 ? '' : '\n' + ' '.repeat(indent * (depth + 1));
    const end = indent === 0 ? '' : '\n' + ' '.repeat(indent * depth);
    if (node instanceof Map) {
      if (node.size === 0) return '{}';
      return `{${[...node].map(([key, item]) => `${pad}${JSON.stringify(String(key))}: ${write(item, depth + 1)}`).join(',')}${end}}`;
    }
    if (Array.isArray(node)) return node.length === 0 ? '[]' : `[${node.map((item) => `${pad}${write(item, depth + 1)}`).join(',')}${end}]`;
    if (typeof node === 'number' && !Number.isFinite(node)) return JSON.stringify(String(node));
    return JSON.stringify(node) ?? 'null';
  };
  return `${write(value, 0)}\n`;
}
