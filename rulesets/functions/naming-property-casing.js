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

  const checkName = (name, path) => {
    if (/^[@$]/.test(name)) return;
    const words = name.replace(/^_+/, '').split(/[.[\]]+/).filter((word) => word !== '');
    if (!/[A-Za-z]/.test(name) || words.every((word) => pattern.test(word))) return;
    results.push({ message: `Property "${name}" is not ${LABELS[casing]}.`, path });
  };

  const walkSchema = (schema, path) => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    if (isObject(schema.properties)) {
      for (const [name, sub] of Object.entries(schema.properties)) {
        checkName(name, [...path, 'properties', name]);
        walkSchema(sub, [...path, 'properties', name]);
      }
    }
    for (const key of SUBSCHEMA) walkSchema(schema[key], [...path, key]);
    for (const key of SCHEMA_LISTS) {
      if (Array.isArray(schema[key])) schema[key].forEach((sub, i) => walkSchema(sub, [...path, key, i]));
    }
    for (const key of SCHEMA_MAPS) {
      if (isObject(schema[key])) for (const [name, sub] of Object.entries(schema[key])) walkSchema(sub, [...path, key, name]);
    }
  };

  const walkSpec = (node, path) => {
    if (Array.isArray(node)) node.forEach((item, i) => walkSpec(item, [...path, i]));
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (NOT_SPEC(key)) continue;
      const schemaMap = (key === 'schemas' && path.length === 1 && path[0] === 'components')
        || (key === 'definitions' && path.length === 0);
      if (key === 'schema') walkSchema(value, [...path, key]);
      else if (schemaMap && isObject(value)) for (const [name, sub] of Object.entries(value)) walkSchema(sub, [...path, key, name]);
      else walkSpec(value, [...path, key]);
    }
  };

  walkSpec(input, []);
  return results;
}
