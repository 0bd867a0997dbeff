// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Formats whose grammar caps the length: a validator rejects anything longer.
const BOUNDED_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64', 'uint32',
  'uint64', 'float', 'double']);
const hasType = (schema, type) => (Array.isArray(schema.type) ? schema.type.includes(type) : schema.type === type);
const fixed = (schema) => Array.isArray(schema.enum) || 'const' in schema;

const hasProperties = (schema) => isObject(schema) && isObject(schema.properties) && Object.keys(schema.properties).length > 0;

// Request bodies whose objects accept undeclared properties (API3:2023 mass assignment).
function openObject(s, run) {
  if (run.allOfMembers.has(s)) return false; // closing one part of an allOf rejects the other parts' fields
  if (['allOf', 'anyOf', 'oneOf'].some((key) => Array.isArray(s[key]))) {
    // Only 3.1's unevaluatedProperties can close an allOf composition; 3.0 and 2.0 cannot.
    return run.oas31 && Array.isArray(s.allOf) && (hasProperties(s) || s.allOf.some(hasProperties))
      && s.unevaluatedProperties !== false && 'is an open allOf composition: add unevaluatedProperties: false';
  }
  if (!hasProperties(s) || s.additionalProperties === false || s.unevaluatedProperties === false) return false;
  // A typed additionalProperties is a deliberate map of extra fields, not an oversight.
  if (isObject(s.additionalProperties) && Object.keys(s.additionalProperties).length > 0) return false;
  return 'accepts undeclared properties: add additionalProperties: false';
}

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
  closed: openObject,
};

// `path` is one array, pushed and popped as the walk goes, and copied only for a finding: a
// request body's schema tree has thousands of nodes on large APIs, and most have nothing to report.
function walk(schema, path, label, run) {
  // readOnly properties are never sent by clients; circular $refs stay unresolved { $ref } objects.
  if (!isObject(schema) || run.seen.has(schema) || schema.readOnly === true || path.length > 200) return;
  run.seen.add(schema);
  const problem = CHECKS[run.check](schema, run);
  if (problem) run.results.push({ message: `${label} ${problem}`, path: [...path] });
  const below = (child, label, ...segments) => {
    path.push(...segments);
    walk(child, path, label, run);
    path.length -= segments.length;
  };
  if (isObject(schema.properties)) {
    for (const name of Object.keys(schema.properties)) below(schema.properties[name], `property "${name}"`, 'properties', name);
  }
  for (const key of ['items', 'prefixItems', 'allOf', 'anyOf', 'oneOf']) {
    const childLabel = key === 'items' || key === 'prefixItems' ? `${label} item` : label;
    if (Array.isArray(schema[key])) schema[key].forEach((child, i) => below(child, childLabel, key, i));
    else if (key === 'items') below(schema.items, childLabel, key);
  }
  below(schema.additionalProperties, `${label} value`, 'additionalProperties');
}

function collectAllOfMembers(node, members, seen) {
  if (seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node.allOf)) node.allOf.forEach((member) => isObject(member) && members.add(member));
  // for…in over data from JSON/YAML (no inherited enumerable keys) visits what Object.values
  // lists, without an array per node: this walk covers the whole resolved document. Only
  // objects are entered (most values are strings).
  for (const key in node) {
    const child = node[key];
    if (child !== null && typeof child === 'object') collectAllOfMembers(child, members, seen);
  }
}

// Per lint run and check: the schemas already checked (a schema shared by many operations is
// checked once) and, for `closed`, every allOf member anywhere in the document (a schema that is
// part of a composition must stay open, even where it is also used alone).
const runs = new WeakMap();
function stateFor(context, check) {
  const key = context.documentInventory ?? context.document;
  if (!runs.has(key)) runs.set(key, new Map());
  if (!runs.get(key).has(check)) {
    const data = isObject(context.document.data) ? context.document.data : {};
    const allOfMembers = new Set();
    if (check === 'closed') {
      const root = context.documentInventory?.resolved ?? data;
      if (root !== null && typeof root === 'object') collectAllOfMembers(root, allOfMembers, new Set());
    }
    runs.get(key).set(check, { seen: new Set(), allOfMembers, oas31: /^3\.1/.test(String(data.openapi)) });
  }
  return runs.get(key).get(check);
}

/**
 * Given a resolved path item, walks the schemas of what clients send — parameters and request
 * bodies, nested properties and items — and applies one check (option `check`): string |
 * array | integer bounds, or `closed` objects (request bodies only).
 */
export default function securityRequestSchemas(pathItem, options, context) {
  const check = isObject(options) && CHECKS[options.check] ? options.check : 'string';
  if (!isObject(pathItem)) return [];
  const oas2 = isObject(context.document.data) && context.document.data.swagger !== undefined;
  const run = { check, ...stateFor(context, check), results: [] };
  const params = (list, base) => (Array.isArray(list) ? list : []).forEach((p, i) => {
    if (!isObject(p)) return;
    const at = [...context.path, ...base, 'parameters', i];
    const label = `parameter "${p.name}"`;
    if (oas2 && p.in === 'body') walk(p.schema, [...at, 'schema'], 'request body', run);
    else if (check === 'closed') return; // only bodies carry objects a server binds to models
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
