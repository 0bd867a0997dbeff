// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
// Runs on the UNRESOLVED document (`resolved: false`) so schemas are told apart by the $ref
// they point at, not by their expanded content.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const NOISE = new Set(['description', 'title', 'example', 'examples']);

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function segment(text) {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // a malformed escape is kept as written
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

// Follows local refs (`#/a/b`) and returns [node, path]; external refs are left as they are.
function follow(root, node, path, depth = 0) {
  if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/') || depth > 10) return [node, path];
  const target = node.$ref.slice(2).split('/').map(segment);
  const value = target.reduce((at, key) => (isObject(at) ? at[key] : undefined), root);
  return value === undefined ? [node, path] : follow(root, value, target, depth + 1);
}

// Identical inline schemas are one schema: compare them without their prose.
function canonical(value, depth = 0) {
  if (depth > 20 || value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, depth + 1)).join(',')}]`;
  const keys = Object.keys(value).filter((k) => !NOISE.has(k) && !k.startsWith('x-')).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k], depth + 1)}`).join(',')}}`;
}

function schemaOf(response, swagger2) {
  if (swagger2) return response.schema === undefined ? undefined : ['schema'];
  if (!isObject(response.content)) return undefined;
  const types = Object.keys(response.content);
  const type = types.find((t) => /json/i.test(t)) ?? types[0];
  return type !== undefined && isObject(response.content[type]) && response.content[type].schema !== undefined ? ['content', type, 'schema'] : undefined;
}

/** Given the document root: every 4xx/5xx (and error default) response uses the API's most common error schema. */
export default function designErrorSchemaConsistent(root) {
  if (!isObject(root) || !isObject(root.paths)) return [];
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
        const schemaPath = [...responsePath, ...at];
        const [schema, targetPath] = follow(root, at.reduce((node, key) => node[key], response), schemaPath);
        const external = isObject(schema) && typeof schema.$ref === 'string';
        if (targetPath !== schemaPath) uses.push({ key: targetPath.join('/'), label: `schema "${targetPath[targetPath.length - 1]}"`, path: schemaPath });
        else if (external) uses.push({ key: schema.$ref, label: `schema "${schema.$ref}"`, path: schemaPath });
        else uses.push({ key: canonical(schema), label: 'an inline schema', path: schemaPath });
      }
    }
  }
  const counts = new Map();
  for (const use of uses) counts.set(use.key, (counts.get(use.key) ?? 0) + 1);
  let top;
  for (const use of uses) if (top === undefined || counts.get(use.key) > counts.get(top.key)) top = use;
  if (top === undefined || counts.size < 2) return [];
  const seen = new Set();
  return uses
    .filter((use) => use.key !== top.key && !seen.has(use.path.join('\u0000')) && seen.add(use.path.join('\u0000')))
    .map((use) => ({
      message: `Error response uses ${use.label}, but most error responses (${counts.get(top.key)} of ${uses.length}) use ${top.label}`,
      path: use.path,
    }));
}
