import type { RefResolver } from './refs.js';

/**
 * The first `$ref` in a document that does not resolve, with where it sits — a diff on a
 * description with a dangling reference would silently compare nothing there, so it is refused.
 */
export function findDanglingRef(root: unknown, refs: RefResolver): { ref: string; at: string } | undefined {
  const stack: Array<{ node: unknown; at: string[] }> = [{ node: root, at: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { node, at } = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && refs.deref(node) === undefined) return { ref, at: at.join('.') };
    for (const [key, value] of Object.entries(node)) stack.push({ node: value, at: [...at, key] });
  }
  return undefined;
}
