// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
// Runs on the UNRESOLVED document (`resolved: false`): findings land where each schema is
// written (once for a shared response), and schemas keep their names for the message.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Prose and value constraints: a 400 and a 401 whose `code` enums differ still share one shape.
const NOISE = new Set(['description', 'title', 'example', 'examples', 'enum', 'const', 'default']);
const MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function segment(text) {
  try {
    return decodeURIComponent(text).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return text.replace(/~1/g, '/').replace(/~0/g, '~'); // a malformed %-escape is kept as written
  }
}

// Follows local refs (`#/a/b`) and returns [node, path]; external refs are left as they are.
function follow(root, node, path, depth = 0) {
  if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/') || depth > 10) return [node, path];
  const target = node.$ref.slice(2).split('/').map(segment);
  const value = target.reduce((at, key) => (isObject(at) ? at[key] : undefined), root);
  return value === undefined ? [node, path] : follow(root, value, target, depth + 1);
}

// Schemas are compared by structure, not by name: Error401 and Error500 with the same shape are
// one error format to a client. Local refs are followed (memoized per ref, cycles cut) and
// prose is ignored; the keys of `properties` are property names, never prose.
function canonical(value, root, memo, stack = [], depth = 0, map = false) {
  if (value === null || typeof value !== 'object' || depth > 64) return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, root, memo, stack, depth + 1)).join(',')}]`;
  if (!map && typeof value.$ref === 'string') {
    const ref = value.$ref;
    if (memo.has(ref)) return memo.get(ref);
    const [target] = follow(root, value, []);
    if (target === value || stack.includes(ref) || stack.length > 8) return JSON.stringify(ref);
    const text = canonical(target, root, memo, [...stack, ref], depth + 1);
    memo.set(ref, text);
    return text;
  }
  const keys = Object.keys(value).filter((k) => map || (!NOISE.has(k) && !k.startsWith('x-'))).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k], root, memo, stack, depth + 1, !map && MAPS.has(k))}`).join(',')}}`;
}

// Property name -> shape, through refs and allOf, to recognise an RFC 9457 extension of the
// error schema (a validation problem adding `errors`) as the same error format.
function flatProperties(schema, root, memo, depth = 0) {
  const [node] = follow(root, schema, []);
  const merged = {};
  if (!isObject(node) || depth > 5) return merged;
  if (Array.isArray(node.allOf)) for (const member of node.allOf) Object.assign(merged, flatProperties(member, root, memo, depth + 1));
  if (isObject(node.properties)) for (const [name, value] of Object.entries(node.properties)) merged[name] = canonical(value, root, memo);
  return merged;
}

function related(a, b) {
  const within = (small, large) => Object.keys(small).length > 0 && Object.keys(small).every((name) => large[name] === small[name]);
  return within(a, b) || within(b, a);
}

function schemaOf(response, swagger2) {
  if (swagger2) return response.schema === undefined ? undefined : ['schema'];
  if (!isObject(response.content)) return undefined;
  const types = Object.keys(response.content);
  const type = types.find((t) => /json/i.test(t)) ?? types[0];
  return type !== undefined && isObject(response.content[type]) && response.content[type].schema !== undefined ? ['content', type, 'schema'] : undefined;
}

// Every 4xx/5xx (and error default) response body schema, where it is written.
function errorSchemaUses(root, memo) {
  const swagger2 = typeof root.swagger === 'string';
  const uses = [];
  for (const [pathKey, rawItem] of Object.entries(root.paths)) {
    const [item, itemPath] = follow(root, rawItem, ['paths', pathKey]);
    for (const method of METHODS) {
      const responses = isObject(item) && isObject(item[method]) ? item[method].responses : undefined;
      if (!isObject(responses)) continue;
      const explicitSuccess = Object.keys(responses).some((code) => /^[23]/.test(code));
      for (const code of Object.keys(responses)) {
        if (!/^[45](\d\d|XX)$/i.test(code) && !(code === 'default' && explicitSuccess)) continue;
        const [response, responsePath] = follow(root, responses[code], [...itemPath, method, 'responses', code]);
        const at = isObject(response) ? schemaOf(response, swagger2) : undefined;
        if (!at) continue;
        const schema = at.reduce((node, key) => node[key], response);
        const ref = isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : undefined;
        const label = ref === undefined ? 'an inline schema' : `schema "${ref.split('/').pop()}"`;
        uses.push({ key: canonical(schema, root, memo), schema, label, path: [...responsePath, ...at] });
      }
    }
  }
  return uses;
}

/**
 * Given the document root: every error response uses the API's most common error schema, a
 * structurally identical one, or one that extends it (or that it extends).
 */
export default function designErrorSchemaConsistent(root) {
  if (!isObject(root) || !isObject(root.paths)) return [];
  const memo = new Map();
  const uses = errorSchemaUses(root, memo);
  const counts = new Map();
  for (const use of uses) counts.set(use.key, (counts.get(use.key) ?? 0) + 1);
  let top;
  for (const use of uses) if (top === undefined || counts.get(use.key) > counts.get(top.key)) top = use;
  if (top === undefined || counts.size < 2) return [];
  const seen = new Set();
  const topProperties = flatProperties(top.schema, root, memo);
  return uses
    .filter((use) => use.key !== top.key && !seen.has(use.path.join('\u0000')) && seen.add(use.path.join('\u0000')))
    .filter((use) => !related(flatProperties(use.schema, root, memo), topProperties))
    .map((use) => ({
      message: `Error response uses ${use.label}, which neither matches nor extends ${top.label} used by most error responses (${counts.get(top.key)} of ${uses.length})`,
      path: use.path,
    }));
}
