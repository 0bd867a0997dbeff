import type { JsonTextIndex } from './json-text-index.js';
import { ORDER_KEY, orderedObject } from './stoplight-yaml.js';

type Container = Record<string | number, unknown>;

/**
 * Gives the objects of JSON.parse's data whose keys were written in another order than
 * JavaScript lists them ("default" before "200", or "404" before "200": JavaScript lists array
 * indexes first, ascending) the order they were written in, the way Spectral's YAML parser keeps
 * it for every mapping: an ordered-object-literal proxy, its order symbol first. Every other
 * object stays a plain object, which rules read several times faster than a proxy. Returns the
 * data (a new root when the root itself is such an object).
 */
export function inSourceKeyOrder(data: unknown, index: JsonTextIndex): unknown {
  let root = data;
  for (const { path, open } of index.scan.outOfOrder) {
    const order = [ORDER_KEY, ...index.members(open).keys()];
    if (path.length === 0) {
      root = orderedObject(root as object, order);
      continue;
    }
    let parent = root as Container;
    for (const segment of path.slice(0, -1)) parent = parent[segment] as Container;
    const last = path[path.length - 1]!;
    // Defined, not assigned: a `__proto__` key is data here, and assigning it would set the prototype.
    Object.defineProperty(parent, last, { value: orderedObject(parent[last] as object, order), writable: true, enumerable: true, configurable: true });
  }
  return root;
}
