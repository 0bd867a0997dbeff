import type { RefResolver } from './refs.js';
import { HTTP_METHODS, normalizePathTemplate, pathParameterKey, type JsonPath, type OperationModel, type ParameterModel, type SecurityRequirement } from './model.js';

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asObj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export function derefObj(refs: RefResolver, value: unknown): Obj {
  return asObj(refs.deref(value));
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function securityOf(value: unknown): SecurityRequirement[] | undefined {
  return Array.isArray(value) ? (value.filter(isObj) as SecurityRequirement[]) : undefined;
}

export function parameterKey(location: string, name: string, template: string): string {
  if (location === 'path') return pathParameterKey(template, name);
  return `${location}:${location === 'header' ? name.toLowerCase() : name}`;
}

// OpenAPI 3 says header parameters with these names are ignored (content negotiation and
// security describe them); Swagger 2.0 descriptions converted to 3.0 drop them too.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const ignored = (param: Obj) => param.in === 'header' && typeof param.name === 'string' && IGNORED_HEADERS.has(param.name.toLowerCase());

/** Path-item parameters, overridden by the operation's own with the same location and name. */
export function mergedParameters(
  refs: RefResolver,
  pathItemParams: unknown,
  operationParams: unknown,
  basePath: JsonPath,
  opPath: JsonPath,
): Array<{ param: Obj; path: JsonPath }> {
  const merged = new Map<string, { param: Obj; path: JsonPath }>();
  const add = (list: unknown, path: JsonPath) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, index) => {
      const param = derefObj(refs, raw);
      if (typeof param.name !== 'string' || typeof param.in !== 'string' || ignored(param)) return;
      merged.set(parameterKey(param.in, param.name, ''), { param, path: [...path, 'parameters', index] });
    });
  };
  add(pathItemParams, basePath);
  add(operationParams, opPath);
  return [...merged.values()];
}

export function parameterModel(param: Obj, schema: unknown, template: string, path: JsonPath, schemaPath: JsonPath): ParameterModel {
  const location = param.in as string;
  const name = param.name as string;
  return {
    key: parameterKey(location, name, template),
    in: location,
    name,
    required: location === 'path' || param.required === true,
    deprecated: param.deprecated === true,
    sunset: asString(param['x-sunset']),
    schema,
    path,
    schemaPath,
  };
}

export function operationIdentity(method: string, template: string, keepTrailingSlash = false) {
  const pathKey = normalizePathTemplate(template, keepTrailingSlash);
  return { key: `${method.toUpperCase()} ${pathKey}`, pathKey, label: `${method.toUpperCase()} ${template}` };
}

/** What every version's operation shares: identity, lifecycle, tags and the security in force. */
export function operationBasics(root: Obj, template: string, method: string, op: Obj) {
  return {
    ...operationIdentity(method, template),
    method,
    pathTemplate: template,
    operationId: asString(op.operationId),
    deprecated: op.deprecated === true,
    sunset: asString(op['x-sunset']),
    stability: asString(op['x-stability-level']),
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
    security: securityOf(op.security) ?? securityOf(root.security),
    path: ['paths', template, method] as JsonPath,
  };
}

export type BuildOperation = (template: string, pathItem: Obj, method: string, op: Obj) => OperationModel;

/** Every operation under `paths` (webhooks are not calls clients make), built by the version's builder. */
export function collectOperations(refs: RefResolver, root: Obj, build: BuildOperation): OperationModel[] {
  const operations: OperationModel[] = [];
  for (const [template, rawItem] of Object.entries(asObj(root.paths))) {
    if (!template.startsWith('/')) continue;
    const pathItem = derefObj(refs, rawItem);
    for (const method of HTTP_METHODS) {
      if (isObj(pathItem[method])) operations.push(build(template, pathItem, method, pathItem[method] as Obj));
    }
  }
  return operations;
}
