import { isUtf8 } from 'node:buffer';
import { SpecLoadError, where } from '../errors.js';

/** 1-based line and column of a character offset, for messages. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** How many continuation bytes a lead byte takes, and the range its first one must be in (RFC 3629). */
function sequenceOf(lead: number): { length: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  return undefined;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const sequence = sequenceOf(lead);
    if (sequence === undefined || at + sequence.length > bytes.length) return at;
    const second = bytes[at + 1]!;
    if (second < sequence.low || second > sequence.high) return at;
    for (let k = 2; k < sequence.length; k += 1) if ((bytes[at + k]! & 0xc0) !== 0x80) return at;
    at += sequence.length;
  }
  return -1;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function decodeUtf8(bytes: Uint8Array, displayName: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // isUtf8 validates in a few ms where a fatal TextDecoder takes a tenth of a second on 47 MB.
  if (isUtf8(buffer)) return buffer.toString('utf8');
  // It only says "invalid"; find where, so the user can open the file at that byte.
  const offset = firstInvalidUtf8(bytes);
  const before = buffer.subarray(0, offset).toString('utf8');
  const { line, column } = lineAndColumn(before, before.length);
  throw new SpecLoadError(`${where(displayName, line, column)}: not valid UTF-8: byte ${hex(bytes[offset]!)} at byte offset ${offset}`);
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', displayName: string): string {
  if (bytes.length % 2 !== 0) throw new SpecLoadError(`${displayName}: not valid ${encoding.toUpperCase()}: an odd number of bytes`);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new SpecLoadError(`${displayName}: not valid ${encoding.toUpperCase()}: an unpaired surrogate`);
  }
}

/**
 * Turns a file's bytes into text: UTF-8 (a BOM is dropped), or UTF-16 LE/BE when a BOM says so,
 * as YAML 1.2 and JSON allow. Invalid bytes and NUL characters (a binary file) are refused with
 * where they are, instead of being replaced with U+FFFD and linted as something they are not.
 */
export function decodeSpecBytes(bytes: Uint8Array, displayName: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeUtf16(bytes.subarray(2), 'utf-16le', displayName);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeUtf16(bytes.subarray(2), 'utf-16be', displayName);
  else {
    text = decodeUtf8(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes, displayName);
    // In UTF-8 only NUL itself has a zero byte; looking for one in the bytes is a memchr (~1 ms
    // on 13 MB), in the decoded text a character loop (~7 ms).
    if (bytes.indexOf(0) === -1) return text;
  }
  assertNotBinary(text, displayName);
  return text;
}

/** A NUL character is not allowed in YAML or JSON text; it means a binary file (or UTF-16 without a BOM). */
export function assertNotBinary(text: string, displayName: string): void {
  const nul = text.indexOf('\u0000');
  if (nul === -1) return;
  const { line, column } = lineAndColumn(text, nul);
  throw new SpecLoadError(`${where(displayName, line, column)}: not YAML or JSON: a NUL character (a binary file, or UTF-16 without a byte order mark)`);
}
