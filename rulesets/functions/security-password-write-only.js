// Custom Spectral function (plain ESM, no imports) so Spectral itself can load it too.
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Matched against every word-aligned tail of the name: "password", "newPassword", "client_secret".
const SECRET_TAILS = new Set(['password', 'passwd', 'passphrase', 'secret', 'privatekey', 'secretkey']);
const SECRET_NAMES = new Set(['pin', 'pwd']);
// A boolean "hasPassword", an object "secret" (a reference, a Kubernetes Secret) is not the secret value.
const NOT_A_VALUE = new Set(['boolean', 'object', 'array', 'integer', 'number']);

function tails(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return words.map((_, i) => words.slice(i).join(''));
}

// The rule reads the unresolved document (to report each schema once, where it is written);
// a property that is only a local $ref is judged by its target.
function deref(schema, root) {
  for (let hops = 0; isObject(schema) && typeof schema.$ref === 'string' && hops < 10; hops += 1) {
    if (schema.writeOnly === true || !schema.$ref.startsWith('#/')) return schema;
    let target = root;
    for (const raw of schema.$ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : undefined;
    }
    schema = target;
  }
  return schema;
}

/** Input: a schema's `properties` map. Secret-named string properties must be writeOnly. */
export default function securityPasswordWriteOnly(properties, options, context) {
  if (!isObject(properties)) return [];
  const results = [];
  for (const [name, property] of Object.entries(properties)) {
    const all = tails(name);
    if (!all.some((tail) => SECRET_TAILS.has(tail)) && !SECRET_NAMES.has(all[0])) continue;
    const schema = deref(property, context.document.data);
    if (!isObject(schema) || schema.writeOnly === true || isObject(schema.properties)) continue;
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.some((type) => NOT_A_VALUE.has(type))) continue;
    results.push({ message: `"${name}" holds a secret but is not writeOnly, so it may be echoed in responses`, path: [...context.path, name] });
  }
  return results;
}
