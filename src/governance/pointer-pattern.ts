import { pointerSegments } from '../json-pointer.js';

// Whether a location is at or under the place a pointer pattern names; a pattern segment `*`
// stands for any one segment, so `/paths/*/get` covers every GET operation.
export function isAtOrUnder(pattern: string, location: readonly (string | number)[]): boolean {
  const segments = pointerSegments(pattern);
  if (segments.length > location.length) return false;
  return segments.every((segment, i) => segment === '*' || segment === String(location[i]));
}
