import { createRequire } from 'node:module';
import { isObject as isFragment } from './draft4-check.js';

const require = createRequire(import.meta.url);
type Node = Record<string, unknown>;
type Table = Record<string, boolean>;
// The keyword tables of the walker ajv collects ids with (and Spectral cleans ids with), so this
// walk enters exactly the values that one does. Its `in` tests are kept: they also match names
// from Object.prototype ("constructor"), as the walker's own do.
const traverse = require('json-schema-traverse') as { keywords: Table; arrayKeywords: Table; propsKeywords: Table; skipKeywords: Table };
const SCHEMA_KEYWORDS = new Set([...Object.keys(traverse.keywords), ...Object.keys(traverse.arrayKeywords), ...Object.keys(traverse.propsKeywords)]);

/** Whether ajv counts an id on this fragment, met under `parentKeyword` (undefined at the root). */
function countsHere(fragment: Node, root: boolean, parentKeyword: string | undefined): boolean {
  const cleaned = parentKeyword !== undefined && !SCHEMA_KEYWORDS.has(parentKeyword);
  if (!cleaned && 'id' in fragment && (root || typeof fragment.id === 'string')) return true;
  return typeof fragment.$anchor === 'string' || typeof fragment.$dynamicAnchor === 'string';
}

/** Calls `visit` on each (fragment, keyword) the walker enters below this fragment with `allKeys`, until one returns true. */
function someChild(fragment: Node, visit: (child: Node, keyword: string) => boolean): boolean {
  for (const key in fragment) {
    const value = fragment[key];
    if (Array.isArray(value)) {
      if (key in traverse.arrayKeywords) for (const item of value) if (isFragment(item) && visit(item, key)) return true;
    } else if (key in traverse.propsKeywords) {
      if (typeof value === 'object' && value !== null) {
        const map = value as Node;
        for (const prop in map) if (isFragment(map[prop]) && visit(map[prop] as Node, key)) return true;
      }
    } else if ((key in traverse.keywords || !(key in traverse.skipKeywords)) && isFragment(value) && visit(value, key)) return true;
  }
  return false;
}

const below = new WeakMap<object, boolean>();
const walking = new WeakSet<object>();

/** Whether some fragment strictly below this one counts (remembered: it depends on the subtree only). */
function registersBelow(fragment: Node): boolean {
  const known = below.get(fragment);
  if (known !== undefined) return known;
  // A cycle: the walker recurses until the stack overflows, which counts as registering.
  if (walking.has(fragment)) return true;
  walking.add(fragment);
  try {
    const verdict = someChild(fragment, (child, keyword) => countsHere(child, false, keyword) || registersBelow(child));
    below.set(fragment, verdict);
    return verdict;
  } finally {
    walking.delete(fragment);
  }
}

/**
 * Whether ajv would register an id or anchor while compiling this schema. ajv walks every key,
 * examples included, and keeps the ids it met across compilations, so whether such a schema
 * compiles depends on what was compiled before: that is left to ajv. Spectral first deletes
 * `id` from objects under non-schema keywords; ids that survive that count. What lies below a
 * fragment is remembered, as resolved documents repeat shared schemas many times over.
 */
export function registersIds(schema: object): boolean {
  if (!isFragment(schema)) return false;
  return countsHere(schema, true, undefined) || registersBelow(schema);
}
