import type { Finding } from '../finding.js';
import type { Formatter, StreamedReport } from './types.js';

// Rows are handed out in pieces of about this many characters.
const CHUNK_CHARS = 1 << 20;
const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A position whose JSON.stringify text is known: exactly `{line, character}`, both numbers. */
function isPlainPosition(position: unknown): position is { line: number; character: number } {
  if (typeof position !== 'object' || position === null) return false;
  const keys = Object.keys(position);
  const { line, character } = position as Record<string, unknown>;
  return keys.length === 2 && keys[0] === 'line' && keys[1] === 'character' && Number.isFinite(line) && Number.isFinite(character);
}

function isPlainRange(range: unknown): range is { start: { line: number; character: number }; end: { line: number; character: number } } {
  if (typeof range !== 'object' || range === null) return false;
  const keys = Object.keys(range);
  const { start, end } = range as Record<string, unknown>;
  return keys.length === 2 && keys[0] === 'start' && keys[1] === 'end' && isPlainPosition(start) && isPlainPosition(end);
}

/**
 * JSON text of strings, remembered: a report repeats a few thousand strings (the file name, rule
 * ids, messages, path segments such as "properties") across all its rows, and quoting each anew
 * was much of writing GitHub's 31,000-finding report. Bounded (short strings, a fixed count), as
 * a whole-corpus run reports over a million findings.
 */
class QuotedStrings {
  private readonly known = new Map<string, string>();

  of(text: string): string {
    let quoted = this.known.get(text);
    if (quoted === undefined) {
      quoted = JSON.stringify(text);
      if (text.length <= 256 && this.known.size < 20_000) this.known.set(text, quoted);
    }
    return quoted;
  }
}

/** JSON.stringify's text for a string or a finite number. */
const scalar = (value: string | number, quoted: QuotedStrings): string => (typeof value === 'string' ? quoted.of(value) : JSON.stringify(value));

const position = (at: { line: number; character: number }) => `{\n        "line": ${at.line},\n        "character": ${at.character}\n      }`;

/**
 * One finding as `JSON.stringify(row, null, 2)` writes it inside the array (indented two more).
 * Written out directly for the usual shape — a report can hold a million rows, and the generic
 * stringify-then-reindent cost a tenth of a second per 30,000; anything unusual takes that path.
 */
function row(finding: Finding, quoted: QuotedStrings): string {
  const { ruleId: code, path, message, severity, source } = finding;
  const range = finding.range ?? NO_RANGE;
  const plain = typeof code === 'string' && typeof message === 'string' && (typeof severity === 'string' || Number.isFinite(severity)) && (source === undefined || typeof source === 'string');
  if (!plain || !isPlainRange(range) || !path.every((segment) => typeof segment === 'string' || Number.isFinite(segment))) {
    return JSON.stringify({ code, path, message, severity, range, source }, null, 2).replaceAll('\n', '\n  ');
  }
  let text = `{\n    "code": ${quoted.of(code)},\n    "path": `;
  if (path.length === 0) text += '[]';
  else {
    text += '[';
    for (let index = 0; index < path.length; index += 1) text += `${index === 0 ? '' : ','}\n      ${scalar(path[index]!, quoted)}`;
    text += '\n    ]';
  }
  text += `,\n    "message": ${quoted.of(message)},\n    "severity": ${scalar(severity, quoted)},\n    "range": {\n      "start": ${position(range.start)},\n      "end": ${position(range.end)}\n    }`;
  if (source !== undefined) text += `,\n    "source": ${quoted.of(source)}`;
  return `${text}\n  }`;
}

/**
 * Spectral CLI's `-f json` shape, so anything that reads Spectral output reads ours: an array
 * of {code, path, message, severity, range, source}, indented as `JSON.stringify(rows, null, 2)`
 * indents it. Produced in pieces: a whole-corpus run reports over a million findings, more text
 * than one JavaScript string can hold.
 */
export function* jsonChunks(report: StreamedReport): Generator<string> {
  let chunk = '';
  let first = true;
  const quoted = new QuotedStrings();
  for (const finding of report.findings) {
    chunk += `${first ? '[\n' : ',\n'}  ${row(finding, quoted)}`;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield first ? '[]\n' : `${chunk}\n]\n`;
}

export const json: Formatter = (report) => [...jsonChunks(report)].join('');
