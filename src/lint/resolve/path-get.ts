/**
 * lodash's `get` with a path array, as the resolver reads targets: undefined for an empty path,
 * and a string segment indexes into whatever is there (a string's `length` included).
 */
export function pathGet(value: unknown, path: readonly string[]): unknown {
  let current = value;
  let index = 0;
  while (current !== null && current !== undefined && index < path.length) current = (current as Record<string, unknown>)[path[index++]];
  return index > 0 && index === path.length ? current : undefined;
}
