import YAML from 'yaml';
import { SpecLoadError } from '../errors.js';
import { describeYamlError } from '../yaml-error.js';
import { detectFormat, type SpecFormat } from './detect-format.js';

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

function parse(text: string, displayName: string): unknown {
  // JSON.parse is an order of magnitude faster than any YAML parser on big JSON descriptions;
  // YAML (a JSON superset) then only runs for YAML, or to locate a JSON syntax error.
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through for the position of the error
    }
  }
  const document = YAML.parseDocument(text, { prettyErrors: true });
  const error = document.errors[0];
  if (error) throw new SpecLoadError(describeYamlError(displayName, error, 'not valid YAML or JSON'));
  return document.toJS({ maxAliasCount: 10_000 });
}

/**
 * Parses a description for the engines that need its data but not positions (diff): fast for
 * JSON, the same clear errors as lint for everything else.
 */
export function parseSpecData(rawText: string, displayName: string): ParsedData {
  const text = rawText.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new SpecLoadError(`${displayName}: file is empty`);
  const data = parse(text, displayName);
  const detection = detectFormat(data);
  if (!detection.ok) throw new SpecLoadError(`${displayName}${detection.field ? positionOfField(text, detection.field) : ''}: ${detection.problem}`);
  return { data, format: detection.format };
}
