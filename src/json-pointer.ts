/**
 * RFC 6901 JSON pointer of a path in a parsed document (`["paths", "/pets", "get"]` →
 * `/paths/~1pets/get`). Lint findings and diff changes both point into descriptions this way,
 * so reports and fingerprints name a location without line numbers.
 */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The segments of an RFC 6901 pointer (`/paths/~1pets/get` → `["paths", "/pets", "get"]`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
