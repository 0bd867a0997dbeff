// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nonEmpty(value) {
  return Array.isArray(value) ? value.length > 0 : isObject(value) && Object.keys(value).length > 0;
}

function hasExample(node) {
  return node.example !== undefined || nonEmpty(node.examples) || node['x-example'] !== undefined || nonEmpty(node['x-examples']);
}

function properties(schema, depth) {
  if (!isObject(schema) || depth > 4) return { props: {}, required: [] };
  const parts = [...(Array.isArray(schema.allOf) ? schema.allOf.map((m) => properties(m, depth + 1)) : []), {
    props: isObject(schema.properties) ? schema.properties : {},
    required: Array.isArray(schema.required) ? schema.required : [],
  }];
  return { props: Object.assign({}, ...parts.map((p) => p.props)), required: parts.flatMap((p) => p.required) };
}

// A schema is covered when a tool can assemble a realistic example from it: it has an example
// (or default/const/enum) itself, or all of its required properties (all properties when
// none is required) are covered, through arrays, allOf and one branch of oneOf/anyOf.
function covered(schema, skip, depth, seen) {
  if (!isObject(schema)) return false;
  if (seen.has(schema) || depth > 8) return true;
  if (hasExample(schema) || schema.default !== undefined || schema.const !== undefined || nonEmpty(schema.enum)) return true;
  const inner = new Set(seen).add(schema);
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(schema[key]) && schema[key].some((s) => covered(s, skip, depth + 1, inner))) return true;
  }
  if (schema.type === 'array' || (schema.items !== undefined && schema.properties === undefined)) return covered(schema.items, skip, depth + 1, inner);
  const { props, required } = properties(schema, 0);
  const names = Object.keys(props).filter((name) => !(isObject(props[name]) && props[name][skip] === true));
  // An object declared with no properties at all is exemplified by `{}`.
  if (names.length === 0 && isObject(schema.properties) && !isObject(schema.additionalProperties)) return schema.additionalProperties !== true;
  if (names.length === 0) return Array.isArray(schema.allOf) && schema.allOf.some((s) => covered(s, skip, depth + 1, inner));
  const needed = names.filter((name) => required.includes(name));
  return (needed.length > 0 ? needed : names).every((name) => covered(props[name], skip, depth + 1, inner));
}

/**
 * Given an OAS3 media type, a Swagger 2.0 body parameter or a Swagger 2.0 response: its body
 * carries an example. `options.direction` (request | response) skips readOnly or writeOnly
 * properties, which never appear in that direction.
 */
export default function designExamplePresent(input, options) {
  if (!isObject(input) || hasExample(input)) return [];
  const schema = input.schema;
  if (!isObject(schema) || schema.type === 'file' || schema.format === 'binary') return [];
  const skip = options?.direction === 'response' ? 'writeOnly' : 'readOnly';
  if (covered(schema, skip, 0, new Set())) return [];
  return [{ message: `${options?.direction === 'response' ? 'Response' : 'Request'} body has no example (none on the media type, the schema, or all its required properties)` }];
}
