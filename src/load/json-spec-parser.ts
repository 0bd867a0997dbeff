import type { IParser } from '@stoplight/spectral-parsers';
import type { IDiagnostic, IParserResult } from '@stoplight/types';
import { locateJsonPath } from './json-spec-locations.js';
import { inSourceKeyOrder } from './json-source-order.js';
import { JsonTextIndex } from './json-text-index.js';
import { SpecParser } from './spec-parser.js';

/** What the fast path gives: JSON.parse's data, no syntax tree; positions come from the text on demand. */
export class JsonParseResult implements IParserResult<unknown, JsonTextIndex, number[]> {
  readonly diagnostics: IDiagnostic[] = [];

  constructor(
    readonly data: unknown,
    readonly ast: JsonTextIndex,
  ) {}

  /** The scan's (json-text-scan.ts): a separate pass over GitHub's 13 MB took 17 ms. */
  get lineMap(): number[] {
    return this.ast.scan.lineMap;
  }
}

type YamlParseResult = ReturnType<typeof SpecParser.parse>;
export type SpecParseResult = JsonParseResult | YamlParseResult;

/**
 * Members of every object, counted without recursion. JSON.parse's objects have no inherited
 * enumerable keys, so for…in lists exactly their own; only containers are queued, and no array
 * of values is made per object.
 */
function countMembers(data: unknown): number {
  let count = 0;
  const pending: object[] = data !== null && typeof data === 'object' ? [data] : [];
  while (pending.length > 0) {
    const value = pending.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') pending.push(item as object);
      continue;
    }
    for (const key in value) {
      count += 1;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
  return count;
}

/**
 * The JSON texts on which JSON.parse gives exactly what Spectral's YAML parser gives (same values,
 * no diagnostics): a valid JSON object with no tab (YAML warns about each tab between tokens, and
 * JSON allows them nowhere else), no duplicate key (YAML reports them), no key `<<` (YAML merges
 * it) and no colon on a later line than its key (YAML then reads the key as a value of its own).
 * Returns undefined for any other text, and for one nested deeper than `maxDepth`.
 */
export function parseJsonSpec(text: string, maxDepth = Number.POSITIVE_INFINITY): JsonParseResult | undefined {
  if (text.includes('\t')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const index = JsonTextIndex.of(text);
  const { keys, deepest } = index.scan;
  // Too deep for the limits: the structure guard reports it, with its place (JSON.parse and the scan do not recurse).
  if (deepest > maxDepth) return undefined;
  if (keys.colonOnLaterLine > 0 || keys.mergeKeys > 0 || countMembers(data) !== keys.count) return undefined;
  return new JsonParseResult(inSourceKeyOrder(data, index), index);
}

/**
 * A parser for JSON specs that Spectral's Document takes in place of its YAML parser, with the
 * same results: the same data (key order included), diagnostics and ranges. On GitHub's 13 MB
 * description the YAML parser builds a syntax tree of hundreds of MB and makes every mapping a
 * proxy; this parses with JSON.parse and computes a range only when one is asked for. Any text
 * outside the class it handles exactly goes to the YAML parser, unchanged.
 */
export const JsonSpecParser: IParser<SpecParseResult> = {
  parse(text: string): SpecParseResult {
    return parseJsonSpec(text) ?? SpecParser.parse(text);
  },
  getLocationForJsonPath(result, path, closest) {
    if (!(result instanceof JsonParseResult)) return SpecParser.getLocationForJsonPath(result, path, closest);
    // Spectral's YAML parser object drops `closest` (spectral-parsers' yaml.js calls @stoplight/yaml
    // without it): a path that is not in the document has no range. Same here, so ranges match.
    return locateJsonPath(result.ast, result.lineMap, path, false);
  },
  trapAccess: SpecParser.trapAccess,
};

/** The JSON parser with the text already parsed (by {@link parseJsonSpec}); Document calls `parse` once. */
export function alreadyParsed(result: JsonParseResult): IParser<SpecParseResult> {
  return { ...JsonSpecParser, parse: () => result };
}
