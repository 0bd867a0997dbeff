import type { Finding } from '../finding.js';
import type { Formatter, StreamedReport } from './types.js';

// Rows are handed out in pieces of about this many characters.
const CHUNK_CHARS = 1 << 20;
const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function row(finding: Finding): string {
  const { ruleId: code, path, message, severity, source } = finding;
  return JSON.stringify({ code, path, message, severity, range: finding.range ?? NO_RANGE, source }, null, 2).replaceAll('\n', '\n  ');
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
  for (const finding of report.findings) {
    chunk += `${first ? '[\n' : ',\n'}  ${row(finding)}`;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield first ? '[]\n' : `${chunk}\n]\n`;
}

export const json: Formatter = (report) => [...jsonChunks(report)].join('');
