/** `/paths/~1pets/get` → `["paths", "/pets", "get"]` (RFC 6901). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

// Whether a location is at or under the place a pointer pattern names; a pattern segment `*`
// stands for any one segment, so `/paths/*/get` covers every GET operation.
export function isAtOrUnder(pattern: string, location: readonly (string | number)[]): boolean {
  const segments = parsePointer(pattern);
  if (segments.length > location.length) return false;
  return segments.every((segment, i) => segment === '*' || segment === String(location[i]));
}
