// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const hasProperties = (schema) => isObject(schema) && isObject(schema.properties) && Object.keys(schema.properties).length > 0;

function problemOf(s, run) {
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

function walk(schema, path, label, run) {
  // readOnly properties are never sent by clients; circular $refs stay unresolved { $ref } objects.
  if (!isObject(schema) || run.seen.has(schema) || schema.readOnly === true || path.length > 200) return;
  run.seen.add(schema);
  const problem = problemOf(schema, run);
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

function collectAllOfMembers(node, members, seen) {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node.allOf)) node.allOf.forEach((member) => isObject(member) && members.add(member));
  for (const value of Object.values(node)) collectAllOfMembers(value, members, seen);
}

// Per lint run: the schemas already checked, and every allOf member anywhere in the document
// (a schema that is part of a composition must stay open, even where it is also used alone).
const runs = new WeakMap();
function stateFor(context) {
  const key = context.documentInventory ?? context.document;
  if (!runs.has(key)) {
    const data = isObject(context.document.data) ? context.document.data : {};
    const allOfMembers = new Set();
    collectAllOfMembers(context.documentInventory?.resolved ?? data, allOfMembers, new Set());
    runs.set(key, { seen: new Set(), allOfMembers, oas31: /^3\.1/.test(String(data.openapi)) });
  }
  return runs.get(key);
}

/** Given a resolved path item, checks that the objects of its request bodies are closed. */
export default function securityRequestObjectClosed(pathItem, options, context) {
  if (!isObject(pathItem)) return [];
  const run = { ...stateFor(context), results: [] };
  for (const method of METHODS.filter((m) => isObject(pathItem[m]))) {
    const operation = pathItem[method];
    const base = [...context.path, method];
    // Swagger 2.0 body parameters, at operation or path level.
    for (const [list, at] of [[operation.parameters, [...base, 'parameters']], [pathItem.parameters, [...context.path, 'parameters']]]) {
      (Array.isArray(list) ? list : []).forEach((p, i) => isObject(p) && p.in === 'body' && walk(p.schema, [...at, i, 'schema'], 'request body', run));
    }
    const content = isObject(operation.requestBody) ? operation.requestBody.content : undefined;
    for (const [type, media] of Object.entries(isObject(content) ? content : {})) {
      walk(media?.schema, [...base, 'requestBody', 'content', type, 'schema'], 'request body', run);
    }
  }
  return run.results;
}
