// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Formats whose grammar caps the length: a validator rejects anything longer.
const BOUNDED_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64', 'uint32',
  'uint64', 'float', 'double']);
const hasType = (schema, type) => (Array.isArray(schema.type) ? schema.type.includes(type) : schema.type === type);
const fixed = (schema) => Array.isArray(schema.enum) || 'const' in schema;

const CHECKS = {
  // A file upload (format: binary) is bounded by the request size limit, not by the schema.
  string: (s) => hasType(s, 'string') && !fixed(s) && s.maxLength === undefined && s.pattern === undefined
    && !BOUNDED_FORMATS.has(s.format) && s.format !== 'binary' && 'has no maxLength, pattern, enum or bounded format',
  array: (s) => hasType(s, 'array') && s.maxItems === undefined && 'has no maxItems',
  integer: (s) => {
    if (!hasType(s, 'integer') || fixed(s)) return false;
    const min = s.minimum !== undefined || typeof s.exclusiveMinimum === 'number';
    const max = s.maximum !== undefined || typeof s.exclusiveMaximum === 'number';
    return !(min && max) && `has no ${min ? 'maximum' : max ? 'minimum' : 'minimum or maximum'}`;
  },
};

function walk(schema, path, label, run) {
  // readOnly properties are never sent by clients; circular $refs stay unresolved { $ref } objects.
  if (!isObject(schema) || run.seen.has(schema) || schema.readOnly === true || path.length > 200) return;
  run.seen.add(schema);
  const problem = CHECKS[run.check](schema);
  if (problem) run.results.push({ message: `${label} ${problem}`, path });
  for (const [name, child] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    walk(child, [...path, 'properties', name], `property "${name}"`, run);
  }
  for (const key of ['items', 'prefixItems', 'allOf', 'anyOf', 'oneOf']) {
    const childLabel = key === 'items' || key === 'prefixItems' ? `${label} item` : label;
    if (Array.isArray(schema[key])) schema[key].forEach((child, i) => walk(child, [...path, key, i], childLabel, run));
    else if (key === 'items') walk(schema.items, [...path, key], childLabel, run);
  }
  walk(schema.additionalProperties, [...path, 'additionalProperties'], `${label} value`, run);
}

// One `seen` set per lint run and check: a schema shared by many operations is checked once.
const runs = new WeakMap();
function seenFor(context, check) {
  const key = context.documentInventory ?? context.document;
  if (!runs.has(key)) runs.set(key, new Map());
  if (!runs.get(key).has(check)) runs.get(key).set(check, new Set());
  return runs.get(key).get(check);
}

/**
 * Given a resolved path item, walks the schemas of what clients send — parameters and request
 * bodies, nested properties and items — and applies one check (option `check`): string |
 * array | integer.
 */
export default function securityRequestSchemas(pathItem, options, context) {
  const check = isObject(options) && CHECKS[options.check] ? options.check : 'string';
  if (!isObject(pathItem)) return [];
  const oas2 = isObject(context.document.data) && context.document.data.swagger !== undefined;
  const run = { check, seen: seenFor(context, check), results: [] };
  const params = (list, base) => (Array.isArray(list) ? list : []).forEach((p, i) => {
    if (!isObject(p)) return;
    const at = [...context.path, ...base, 'parameters', i];
    const label = `parameter "${p.name}"`;
    if (oas2 && p.in === 'body') walk(p.schema, [...at, 'schema'], 'request body', run);
    // Header and cookie values are capped by the server's header-size limit and are mostly
    // protocol headers (Content-Type, X-Amz-Date) whose syntax HTTP defines, not the API.
    else if (check === 'string' && (p.in === 'header' || p.in === 'cookie')) return;
    else if (oas2) walk(p, at, label, run);
    else {
      walk(p.schema, [...at, 'schema'], label, run);
      for (const [type, media] of Object.entries(isObject(p.content) ? p.content : {})) walk(media?.schema, [...at, 'content', type, 'schema'], label, run);
    }
  });
  params(pathItem.parameters, []);
  for (const method of METHODS.filter((m) => isObject(pathItem[m]))) {
    params(pathItem[method].parameters, [method]);
    const content = isObject(pathItem[method].requestBody) ? pathItem[method].requestBody.content : undefined;
    for (const [type, media] of Object.entries(isObject(content) ? content : {})) {
      walk(media?.schema, [...context.path, method, 'requestBody', 'content', type, 'schema'], 'request body', run);
    }
  }
  return run.results;
}
