import { operationAt } from '../governance/operation-pattern.js';
import { canonicalJson } from './canonical.js';

/** Top-level maps whose entries are reusable components: OpenAPI 3's and Swagger 2.0's. */
const COMPONENT_MAPS = ['definitions', 'parameters', 'responses', 'securityDefinitions'];
const DOCUMENT = 'document';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The part of a spec a location belongs to, as `check` tracks change: an operation
 * (`paths./pets.get`), a path item without its operations (the path's name, its parameters), a
 * component (`components.schemas.Pet`, `definitions.Pet`), or the document itself for
 * everything else (info, servers, tags...).
 */
export function partOf(location: readonly (string | number)[]): string {
  const operation = operationAt(location);
  if (operation) return JSON.stringify(['op', operation.path, operation.method]);
  const [root, kind, name] = location;
  if (root === 'paths' && typeof kind === 'string') return JSON.stringify(['path', kind]);
  if (root === 'components' && typeof kind === 'string' && name !== undefined) return JSON.stringify(['component', kind, String(name)]);
  if (typeof root === 'string' && COMPONENT_MAPS.includes(root) && kind !== undefined) return JSON.stringify(['component', root, String(kind)]);
  return DOCUMENT;
}

/** What is left of the document once paths and components are taken out. */
function documentRest(data: Json): Json {
  const rest: Json = { ...data };
  delete rest.components;
  for (const map of COMPONENT_MAPS) if (isObject(rest[map])) delete rest[map];
  if (isObject(rest.paths)) delete rest.paths;
  return rest;
}

/** A path item without its operations. */
function pathItemRest(key: string, item: Json): Json {
  return Object.fromEntries(Object.entries(item).filter(([field]) => operationAt(['paths', key, field]) === undefined));
}

/** Every part of a parsed spec with the canonical text of its content. */
export function specParts(data: unknown): Map<string, string> {
  const parts = new Map<string, string>();
  if (!isObject(data)) return parts;
  parts.set(DOCUMENT, canonicalJson(documentRest(data)));
  if (isObject(data.paths)) {
    for (const [key, item] of Object.entries(data.paths)) {
      if (!isObject(item)) continue;
      parts.set(partOf(['paths', key]), canonicalJson(pathItemRest(key, item)));
      for (const [field, operation] of Object.entries(item)) {
        if (operationAt(['paths', key, field])) parts.set(partOf(['paths', key, field]), canonicalJson(operation));
      }
    }
  }
  const maps: Array<[string[], unknown]> = [
    ...(isObject(data.components) ? Object.entries(data.components).map(([kind, map]) => [['components', kind], map] as [string[], unknown]) : []),
    ...COMPONENT_MAPS.map((map) => [[map], data[map]] as [string[], unknown]),
  ];
  for (const [prefix, map] of maps) {
    if (!isObject(map)) continue;
    for (const [name, value] of Object.entries(map)) parts.set(partOf([...prefix, name]), canonicalJson(value));
  }
  return parts;
}
