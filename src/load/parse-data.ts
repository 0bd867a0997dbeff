import type { YAMLError } from 'yaml';
import { SpecLoadError, where } from '../errors.js';
import { describeYamlError } from '../yaml-error.js';
import { detectFormat, type SpecFormat } from './detect-format.js';
import { assertAliasBudget, guardSpecText } from './guard-spec-text.js';
import { yaml } from './yaml-module.js';
import type { StructureScan } from './scan-structure.js';

export interface ParsedData {
  data: unknown;
  format: SpecFormat;
}

/** 1-based line and column of the first `"field":` or `field:` at the top of the text, for messages. */
function positionOfField(text: string, field: string): string {
  const index = text.search(new RegExp(`["']?${field}["']?\\s*:`));
  if (index === -1) return '';
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `:${line}:${index - before.lastIndexOf('\n')}`;
}

function describeParseError(displayName: string, error: YAMLError): string {
  // The yaml package reports its own stack overflow as a syntax error; it is depth, not syntax.
  if (error.message.includes('Maximum call stack size exceeded')) return `${displayName}: nested too deeply to parse`;
  if (error.code !== 'DUPLICATE_KEY') return describeYamlError(displayName, error, 'not valid YAML or JSON');
  const position = error.linePos?.[0];
  return `${where(displayName, position?.line, position?.col)}: duplicate key (each key may appear once in a mapping)`;
}

/** Members of every object in parsed JSON, counted without recursion (the depth is bounded, but the count is cheap either way). */
function countMembers(data: unknown): number {
  let count = 0;
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      count += 1;
      pending.push((value as Record<string, unknown>)[key]);
    }
  }
  return count;
}

function parseYaml(text: string, displayName: string, scan: StructureScan): unknown {
  // Merge keys (`<<: *base`) as Spectral's parser applies them, so lint and diff read the same data.
  const document = yaml().parseDocument(text, { prettyErrors: true, merge: true });
  const error = document.errors[0];
  if (error) throw new SpecLoadError(describeParseError(displayName, error));
  if (scan.mayExpandAliases) assertAliasBudget(document, text, displayName);
  try {
    // The budget above is the limit; the yaml package's own count would refuse legitimate reuse.
    return document.toJS({ maxAliasCount: -1 });
  } catch (error) {
    // Building data can still fail where parsing did not (a merge key on a scalar, an unknown alias); the package gives no position.
    if (error instanceof RangeError) throw error;
    throw new SpecLoadError(`${displayName}: not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
}

function parse(text: string, displayName: string, scan: StructureScan): unknown {
  // JSON.parse is an order of magnitude faster than any YAML parser on big JSON descriptions;
  // YAML (a JSON superset) then only runs for YAML, or to locate a JSON syntax error.
  if (/^\s*[{[]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return parseYaml(text, displayName, scan);
    }
    // JSON.parse keeps the last of duplicate keys silently; fewer members than keys written means
    // one was dropped, and the YAML parser then says where.
    if (countMembers(data) < scan.flowKeys) return parseYaml(text, displayName, scan);
    return data;
  }
  return parseYaml(text, displayName, scan);
}

/** The data of a referenced file (diff's `$ref` targets), under the same limits as a spec. */
export function parseReferencedData(rawText: string, displayName: string): unknown {
  const text = rawText.replace(/^\uFEFF/, '');
  return parse(text, displayName, guardSpecText(text, displayName, { aliasesCheckedByCaller: true }));
}

/**
 * Parses a description for the engines that need its data but not positions (diff): fast for
 * JSON, the same limits and clear errors as lint for everything else.
 */
export function parseSpecData(rawText: string, displayName: string): ParsedData {
  const text = rawText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new SpecLoadError(`${displayName}: file is empty`);
  let data: unknown;
  try {
    data = parse(text, displayName, guardSpecText(text, displayName, { aliasesCheckedByCaller: true }));
  } catch (error) {
    if (error instanceof RangeError) throw new SpecLoadError(`${displayName}: nested too deeply to parse`, { cause: error });
    throw error;
  }
  const detection = detectFormat(data);
  if (!detection.ok) throw new SpecLoadError(`${displayName}${detection.field ? positionOfField(text, detection.field) : ''}: ${detection.problem}`);
  return { data, format: detection.format };
}
