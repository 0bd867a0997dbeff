import { createRequire } from 'node:module';
import type { Schema } from './draft4-check.js';

const require = createRequire(import.meta.url);
type Traverse = (schema: unknown, visit: (fragment: Schema) => void) => void;
// The walker Spectral rewrites x-nullable with, so the same fragments are rewritten.
const traverse = require('json-schema-traverse') as Traverse;

function rewriteNullable(schema: Schema): void {
  if (schema['x-nullable'] === true) {
    schema.nullable = true;
    delete schema['x-nullable'];
  }
}

const views = new WeakMap<object, Schema | null>();

/**
 * A Swagger 2.0 schema as Spectral validates examples against it: a JSON copy without a
 * top-level boolean `required`, with `x-nullable: true` read as `nullable: true`. Memoized per
 * schema object; undefined when the schema cannot be copied as JSON (a cycle).
 */
export function oas2View(schema: Schema): Schema | undefined {
  let view = views.get(schema);
  if (view === undefined) {
    try {
      const copy = JSON.parse(JSON.stringify(schema)) as Schema;
      if (typeof schema.required === 'boolean') delete copy.required;
      traverse(copy, rewriteNullable);
      view = copy;
    } catch {
      view = null;
    }
    views.set(schema, view);
  }
  return view ?? undefined;
}
