import path from 'node:path';
import { Document } from '@stoplight/spectral-core';
import type { IParser } from '@stoplight/spectral-parsers';
import { SpecLoadError, where } from '../errors.js';
import { currentSpecLimits } from '../runtime/run-context.js';
import { detectFormat, type SpecFormat } from './detect-format.js';
import { assertTextSize, guardSpecText } from './guard-spec-text.js';
import { alreadyParsed, JsonSpecParser, parseJsonSpec, type JsonParseResult } from './json-spec-parser.js';
import { parseWithOwnProtoKeys } from './own-proto-keys.js';
import { readSpecText, readSpecTextSync } from './read-spec-file.js';
import { SpecParser } from './spec-parser.js';

// Callers that lint read files through here; diff imports read-spec-file.js without Spectral.
export { readSpecText, readSpecTextSync };

export interface LoadedSpec {
  /** Absolute path of the file. */
  source: string;
  /** Parsed once, with positions; lint rules and every later step share it. */
  document: Document;
  format: SpecFormat;
}

type ParsedDocument = Document<unknown, any>;

/**
 * Spectral's YAML parser (it reads JSON too, as Spectral CLI does) reports syntax errors
 * as diagnostics. Duplicate keys stay findings, as in Spectral; anything else means the
 * file is not YAML or JSON at all.
 */
function assertParsed(document: ParsedDocument, file: string): void {
  const fatal = document.diagnostics.find(
    (d) => d.code === 'parser' && d.severity === 0 && !String(d.message).startsWith('Duplicate key'),
  );
  if (fatal === undefined) return;
  const { line, character } = fatal.range.start;
  throw new SpecLoadError(`${where(file, line + 1, character + 1)}: not valid YAML or JSON: ${fatal.message}`);
}

function assertApiDescription(document: ParsedDocument, file: string): SpecFormat {
  const detection = detectFormat(document.data);
  if (detection.ok) return detection.format;
  const range = detection.field ? document.getRangeForJsonPath([detection.field], true) : undefined;
  const location = range ? where(file, range.start.line + 1, range.start.character + 1) : file;
  throw new SpecLoadError(`${location}: ${detection.problem}`);
}

// Each parser has its own result shape; Document only hands results back to the parser that made them.
type SpecTextParser = IParser<any>;

/**
 * A text whose first character is `{` is JSON, or YAML in flow style: the JSON parser takes it
 * (and hands whatever it cannot read exactly as the YAML parser would to that parser).
 */
function parserFor(text: string): SpecTextParser {
  return /^\s*\{/.test(text) ? JsonSpecParser : SpecParser;
}

/**
 * JSON text that JSON.parse takes is one value with nothing YAML-only outside its strings — no
 * tag, anchor, alias or second document — so of the structure guard only the size and depth
 * limits apply, and the JSON scan measures the depth: one pass over the text instead of two
 * (~60 ms on GitHub's 13 MB description). Undefined for any other text.
 */
function parseJsonFirst(text: string, displayName: string): JsonParseResult | undefined {
  const limits = currentSpecLimits();
  assertTextSize(text, displayName, limits);
  return parseWithOwnProtoKeys(text, () => parseJsonSpec(text, limits.maxDepth));
}

/** Parses with the limits checked first and `__proto__` keys kept as data. */
function parseDocument(text: string, source: string, displayName: string, parser: SpecTextParser): ParsedDocument {
  try {
    if (parser === JsonSpecParser) {
      const json = parseJsonFirst(text, displayName);
      if (json !== undefined) return new Document(text, alreadyParsed(json), source);
      // Not the JSON the fast path reads exactly: the YAML parser's, after the whole guard (the JSON parser would hand it over too).
      parser = SpecParser;
    }
    guardSpecText(text, displayName);
    return parseWithOwnProtoKeys(text, () => new Document(text, parser, source));
  } catch (error) {
    // The depth scan keeps documents shallow; this is the backstop should a parser still recurse too far.
    if (error instanceof RangeError) throw new SpecLoadError(`${displayName}: nested too deeply to parse`, { cause: error });
    throw error;
  }
}

/**
 * Parses spec text (from a file, git or a URL) with every check: limits, syntax, API description.
 * `parser` is for tests that compare parsers; by default JSON text gets the JSON parser.
 */
export function parseSpecText(rawText: string, source: string, displayName: string, parser?: SpecTextParser): LoadedSpec {
  const text = rawText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new SpecLoadError(`${displayName}: file is empty`);
  const document = parseDocument(text, source, displayName, parser ?? parserFor(text));
  assertParsed(document, displayName);
  const format = assertApiDescription(document, displayName);
  return { source, document, format };
}

/** Reads and parses one spec file, or throws a SpecLoadError that names the file and place. */
export async function loadSpec(file: string, displayName = file): Promise<LoadedSpec> {
  const source = path.resolve(file);
  return parseSpecText(await readSpecText(source, displayName), source, displayName);
}
