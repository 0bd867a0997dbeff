// Reading single tokens of a JSON text in place, by offset, without parsing anything around them.

const SPACE = 32;
const TAB = 9;
/** Character codes the scan and the token readers both look for. */
export const LF = 10;
export const CR = 13;
export const BACKSLASH = 92;
export const COMMA = 44;
/** Character codes of JSON's brackets, shared by the scan, the index and the locator. */
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;

/** JSON's whitespace: space, line feed, carriage return, tab. */
export function isJsonSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

/** Offset just after the string literal that starts (with its quote) at `start`; -1 when it never closes. */
export function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return end + 1;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** Offset just after the number, true, false or null starting at `start` (the next delimiter). */
export function literalEnd(text: string, start: number): number {
  let end = start;
  for (let c = text.charCodeAt(end); end < text.length && !isJsonSpace(c) && c !== COMMA && c !== CLOSE_BRACE && c !== CLOSE_BRACKET; c = text.charCodeAt(end)) end += 1;
  return end;
}

/** The decoded text of a key or string literal spanning [start, end) with its quotes. */
export function decodeString(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}
