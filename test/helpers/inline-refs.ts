/**
 * A fully dereferenced copy of a description: every local `$ref` replaced by a copy of its target,
 * except where that would recurse (a cycle keeps its `$ref`). Returns undefined when the copy
 * would exceed `budget` nodes, so test time stays bounded on specs with heavy reuse.
 */
export function inlineRefs(root: unknown, budget = 300_000): unknown {
  let nodes = 0;
  const lookup = (pointer: string): unknown =>
    pointer
      .replace(/^#\/?/, '')
      .split('/')
      .filter((s) => s !== '')
      .reduce<unknown>((node, raw) => (node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')]), root);
  const copy = (node: unknown, stack: string[]): unknown => {
    if ((nodes += 1) > budget) throw new RangeError('budget');
    if (Array.isArray(node)) return node.map((item) => copy(item, stack));
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      if (stack.includes(ref)) return node;
      const target = lookup(ref);
      return target === undefined ? node : copy(target, [...stack, ref]);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, copy(value, stack)]));
  };
  try {
    return copy(root, []);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
