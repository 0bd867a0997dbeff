// Custom Spectral function (plain ESM) that Spectral itself can load too.
import { remembered } from './lib/remembered.js';
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Matched against every word-aligned tail of the name: "password", "newPassword", "client_secret".
// Not "pin": in addresses it is the Indian postal code, on gift cards a value shown to the holder.
const SECRET_TAILS = new Set(['password', 'passwd', 'passphrase', 'secret', 'privatekey', 'secretkey']);
// "hasPassword" (boolean), "lastModifiedSecret" (date-time), a "secret" object (a Kubernetes
// Secret, a reference) describe a secret; they are not the secret value.
const NOT_A_VALUE = new Set(['boolean', 'object', 'array', 'integer', 'number']);
const NOT_A_VALUE_FORMAT = new Set(['date', 'date-time', 'time']);

function tails(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return words.map((_, i) => words.slice(i).join(''));
}

// The verdict per property name: splitting each name into words was most of this rule's time.
const namesSecret = remembered((name) => tails(name).some((tail) => SECRET_TAILS.has(tail)));

// The rule reads the unresolved document, to report each schema once where it is written; a
// local $ref is followed to judge the value's type.
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

// The property and, for the common `allOf: [{$ref}, {description}]` wrapping, its parts.
function parts(property, root) {
  const own = deref(property, root);
  if (!isObject(own)) return [];
  return [own, ...(Array.isArray(own.allOf) ? own.allOf.map((part) => deref(part, root)) : [])].filter(isObject);
}

/** Input: a schema's `properties` map. Properties holding a password or secret are writeOnly. */
export default function securityPasswordWriteOnly(properties, options, context) {
  if (!isObject(properties)) return [];
  const results = [];
  for (const name of Object.keys(properties)) {
    if (!namesSecret(name)) continue;
    const property = properties[name];
    const schema = parts(property, context.document.data);
    if (schema.length === 0 || schema.some((part) => part.writeOnly === true || isObject(part.properties))) continue;
    const types = schema.flatMap((part) => (Array.isArray(part.type) ? part.type : [part.type]));
    if (types.some((type) => NOT_A_VALUE.has(type)) || schema.some((part) => NOT_A_VALUE_FORMAT.has(part.format))) continue;
    results.push({
      message: `"${name}" holds a password or secret but is not writeOnly; mark it writeOnly so responses never carry it`,
      path: [...context.path, name],
    });
  }
  return results;
}
