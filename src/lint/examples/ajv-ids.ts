import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Visit = (fragment: Record<string, unknown>, pointer: string, root: unknown, parentPointer?: string, parentKeyword?: string) => void;
type Traverse = ((schema: unknown, options: { allKeys: boolean }, visit: Visit) => void) & Record<string, Record<string, boolean>>;
// The walker ajv collects ids with (and Spectral cleans ids with), so both see the same fragments.
const traverse = require('json-schema-traverse') as Traverse;
const SCHEMA_KEYWORDS = [...Object.keys(traverse.keywords!), ...Object.keys(traverse.arrayKeywords!), ...Object.keys(traverse.propsKeywords!)];

/**
 * Whether ajv would register an id or anchor while compiling this schema. ajv walks every key,
 * examples included, and keeps the ids it met across compilations, so whether such a schema
 * compiles depends on what was compiled before: that is left to ajv. Spectral first deletes
 * `id` from objects under non-schema keywords; ids that survive that count.
 */
export function registersIds(schema: object): boolean {
  let found = false;
  try {
    traverse(schema, { allKeys: true }, (fragment, _pointer, _root, parentPointer, parentKeyword) => {
      const cleaned = parentKeyword !== undefined && !SCHEMA_KEYWORDS.includes(parentKeyword);
      if (!cleaned && 'id' in fragment && (parentPointer === undefined || typeof fragment.id === 'string')) found = true;
      if (typeof fragment.$anchor === 'string' || typeof fragment.$dynamicAnchor === 'string') found = true;
    });
  } catch {
    // A cycle through non-schema keywords (an example holding a circular reference).
    return true;
  }
  return found;
}
