// Custom Spectral function (plain ESM) that Spectral itself can load too.
import { CASING_LABELS as LABELS, casingPattern } from './lib/casing-styles.js';
const SUBSCHEMA = ['items', 'additionalProperties', 'not', 'additionalItems', 'contains', 'propertyNames',
  'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const SCHEMA_MAPS = ['patternProperties', 'dependentSchemas', '$defs', 'definitions'];
// Example payloads and vendor extensions are not schemas, whatever keys they hold.
const NOT_SPEC = (key) => key === 'example' || key === 'examples' || key.startsWith('x-');

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Schema property names follow `options.casing` (default camel), wherever a schema appears.
 * Runs on the unresolved document (given "$", resolved: false) so every schema is visited
 * once, where it is written, and a property called "properties" is not mistaken for a keyword.
 * Names starting with "@" or "$" are fixed by other standards (JSON-LD @id, OData
 * @odata.nextLink, $type) and skipped; leading "_" (HAL _links, _embedded) is a reserved
 * marker and ignored before judging the rest; names without letters are not words. Form
 * fields such as address[postalCode] or flattened a.b keys are judged word by word.
 */
export default function namingPropertyCasing(input, options) {
  const casing = isObject(options) && options.casing ? options.casing : 'camel';
  const pattern = casingPattern(casing);
  if (!pattern) return [{ message: `unknown casing "${casing}" (use camel, pascal, snake or kebab)` }];
  const results = [];
  const seen = new Set();
  // One path, pushed and popped as the walk goes; copied only for a finding (GitHub's
  // description has ~100,000 schema nodes, and most keywords are absent from each).
  const path = [];

  const judge = (name) => {
    if (name.startsWith('@') || name.startsWith('$')) return null;
    const words = name.replace(/^_+/, '').split(/[.[\]]+/).filter((word) => word !== '');
    if (!/[A-Za-z]/.test(name) || words.every((word) => pattern.test(word))) return null;
    return `Property "${name}" is not ${LABELS[casing]}.`;
  };
  // The message (or null) per name: the same names (id, url, created_at) recur thousands of times.
  const verdicts = new Map();
  const checkName = (name) => {
    let message = verdicts.get(name);
    if (message === undefined) verdicts.set(name, (message = judge(name)));
    if (message !== null) results.push({ message, path: [...path] });
  };

  const walkBelow = (schema, key, walk) => {
    path.push(key);
    walk(schema);
    path.pop();
  };

  const walkSchema = (schema) => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    if (isObject(schema.properties)) {
      path.push('properties');
      for (const name of Object.keys(schema.properties)) {
        path.push(name);
        checkName(name);
        walkSchema(schema.properties[name]);
        path.pop();
      }
      path.pop();
    }
    for (const key of SUBSCHEMA) if (isObject(schema[key])) walkBelow(schema[key], key, walkSchema);
    for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) walkBelow(schema[key], key, walkList);
    for (const key of SCHEMA_MAPS) if (isObject(schema[key])) walkBelow(schema[key], key, walkMap);
  };
  const walkList = (list) => list.forEach((sub, index) => walkBelow(sub, index, walkSchema));
  const walkMap = (map) => Object.keys(map).forEach((name) => walkBelow(map[name], name, walkSchema));

  const walkSpec = (node) => {
    if (Array.isArray(node)) node.forEach((item, index) => walkBelow(item, index, walkSpec));
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    for (const key of Object.keys(node)) {
      if (NOT_SPEC(key)) continue;
      const value = node[key];
      const schemaMap = (key === 'schemas' && path.length === 1 && path[0] === 'components')
        || (key === 'definitions' && path.length === 0);
      if (key === 'schema') walkBelow(value, key, walkSchema);
      else if (schemaMap && isObject(value)) walkBelow(value, key, walkMap);
      else walkBelow(value, key, walkSpec);
    }
  };

  walkSpec(input);
  return results;
}
