import type { Schema } from './draft4-check.js';

const SINGLE = ['additionalItems', 'items', 'contains', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else'];
const LISTS = ['items', 'allOf', 'anyOf', 'oneOf'];
const MAPS = ['$defs', 'definitions', 'properties', 'patternProperties', 'dependencies'];

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every schema position json-schema-traverse visits (the walk Spectral rewrites x-nullable with). */
function rewriteNullable(schema: Schema): void {
  if (schema['x-nullable'] === true) {
    schema.nullable = true;
    delete schema['x-nullable'];
  }
  for (const keyword of SINGLE) if (isObject(schema[keyword])) rewriteNullable(schema[keyword]);
  for (const keyword of LISTS) if (Array.isArray(schema[keyword])) for (const item of schema[keyword] as unknown[]) if (isObject(item)) rewriteNullable(item);
  for (const keyword of MAPS) if (isObject(schema[keyword])) for (const item of Object.values(schema[keyword])) if (isObject(item)) rewriteNullable(item);
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
      rewriteNullable(copy);
      view = copy;
    } catch {
      view = null;
    }
    views.set(schema, view);
  }
  return view ?? undefined;
}
