import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Document } from '@stoplight/spectral-core';
import { SpecLoadError, where } from '../errors.js';
import { detectFormat, type SpecFormat } from './detect-format.js';
import { SpecParser } from './spec-parser.js';

export interface LoadedSpec {
  /** Absolute path of the file. */
  source: string;
  /** Parsed once, with positions; lint rules and every later step share it. */
  document: Document;
  format: SpecFormat;
}

type ParsedDocument = Document<unknown, any>;

/** Reads a spec file's text, or throws a SpecLoadError naming it (missing, a directory, unreadable). */
export async function readSpecText(file: string, displayName: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new SpecLoadError(`${displayName}: file not found`);
  }
  if (stat.isDirectory()) throw new SpecLoadError(`${displayName}: is a directory, not a spec file`);
  if (!stat.isFile()) throw new SpecLoadError(`${displayName}: not a regular file`);
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new SpecLoadError(`${displayName}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

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

/** Parses spec text that did not come from a file of its own (git, URL), with the same checks. */
export function parseSpecText(rawText: string, source: string, displayName: string): LoadedSpec {
  const text = rawText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new SpecLoadError(`${displayName}: file is empty`);
  const document: ParsedDocument = new Document(text, SpecParser, source);
  assertParsed(document, displayName);
  const format = assertApiDescription(document, displayName);
  return { source, document, format };
}

/** Reads and parses one spec file, or throws a SpecLoadError that names the file and place. */
export async function loadSpec(file: string, displayName = file): Promise<LoadedSpec> {
  const source = path.resolve(file);
  return parseSpecText(await readSpecText(source, displayName), source, displayName);
}
