import type { RefResolver } from './refs.js';
import { HTTP_METHODS, type BodyModel, type HeaderModel, type JsonPath, type MediaTypeModel, type OperationModel, type ResponseModel } from './model.js';
import { asObj, asString, derefObj, isObj, mergedParameters, operationIdentity, parameterModel, securityOf, type Obj } from './normalize-common.js';

// Swagger 2.0 keeps a parameter's schema keywords on the parameter itself.
const SCHEMA_KEYS = ['type', 'format', 'items', 'enum', 'default', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'x-nullable', 'x-extensible-enum'];

function schemaFromParameter(param: Obj): Obj {
  return Object.fromEntries(SCHEMA_KEYS.filter((k) => k in param).map((k) => [k, param[k]]));
}

function mediaTypes(list: unknown, fallback: string[]): string[] {
  return Array.isArray(list) && list.length > 0 ? list.filter((m): m is string => typeof m === 'string').map((m) => m.toLowerCase()) : fallback;
}

function contentFor(types: string[], schema: unknown, path: JsonPath): Map<string, MediaTypeModel> {
  return new Map(types.map((type) => [type, { schema, path }]));
}

/** formData parameters become one object body, as OpenAPI 3 writes them. */
function formBody(params: Array<{ param: Obj; path: JsonPath }>, consumes: string[], opPath: JsonPath): BodyModel | undefined {
  const fields = params.filter(({ param }) => param.in === 'formData');
  if (fields.length === 0) return undefined;
  const properties = Object.fromEntries(fields.map(({ param }) => [param.name as string, param.type === 'file' ? { type: 'string', format: 'binary' } : schemaFromParameter(param)]));
  const required = fields.filter(({ param }) => param.required === true).map(({ param }) => param.name as string);
  const types = consumes.filter((t) => t.includes('form'));
  const schema = { type: 'object', properties, required };
  return { required: required.length > 0, content: contentFor(types.length ? types : ['application/x-www-form-urlencoded'], schema, opPath), path: opPath };
}

function headersOf(refs: RefResolver, headers: unknown, path: JsonPath): Map<string, HeaderModel> {
  const map = new Map<string, HeaderModel>();
  for (const [name, raw] of Object.entries(asObj(headers))) {
    map.set(name.toLowerCase(), { name, required: false, schema: schemaFromParameter(derefObj(refs, raw)), path: [...path, 'headers', name] });
  }
  return map;
}

function responsesOf(refs: RefResolver, responses: unknown, produces: string[], path: JsonPath): Map<string, ResponseModel> {
  const map = new Map<string, ResponseModel>();
  for (const [status, raw] of Object.entries(asObj(responses))) {
    if (status.startsWith('x-')) continue;
    const response = derefObj(refs, raw);
    const at = [...path, 'responses', status];
    const content = response.schema === undefined ? new Map() : contentFor(produces, response.schema, [...at, 'schema']);
    map.set(status.toUpperCase(), { status, headers: headersOf(refs, response.headers, at), content, path: at });
  }
  return map;
}

function operationOf(refs: RefResolver, root: Obj, template: string, pathItem: Obj, method: string, op: Obj): OperationModel {
  const itemPath: JsonPath = ['paths', template];
  const opPath: JsonPath = [...itemPath, method];
  const consumes = mediaTypes(op.consumes, mediaTypes(root.consumes, ['application/json']));
  const produces = mediaTypes(op.produces, mediaTypes(root.produces, ['application/json']));
  const params = mergedParameters(refs, pathItem.parameters, op.parameters, itemPath, opPath);
  const parameters = new Map();
  let requestBody: BodyModel | undefined = formBody(params, consumes, opPath);
  for (const { param, path } of params) {
    if (param.in === 'body') {
      requestBody = { required: param.required === true, content: contentFor(consumes, param.schema, [...path, 'schema']), path };
    } else if (param.in !== 'formData') {
      const model = parameterModel(param, schemaFromParameter(param), template, path);
      parameters.set(model.key, model);
    }
  }
  return {
    ...operationIdentity(method, template),
    method,
    pathTemplate: template,
    operationId: asString(op.operationId),
    deprecated: op.deprecated === true,
    sunset: asString(op['x-sunset']),
    stability: asString(op['x-stability-level']),
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
    parameters,
    requestBody,
    responses: responsesOf(refs, op.responses, produces, opPath),
    security: securityOf(op.security) ?? securityOf(root.security),
    path: opPath,
  };
}

export function operationsOas2(refs: RefResolver, root: Obj): OperationModel[] {
  const operations: OperationModel[] = [];
  for (const [template, rawItem] of Object.entries(asObj(root.paths))) {
    if (!template.startsWith('/')) continue;
    const pathItem = derefObj(refs, rawItem);
    for (const method of HTTP_METHODS) {
      if (isObj(pathItem[method])) operations.push(operationOf(refs, root, template, pathItem, method, pathItem[method] as Obj));
    }
  }
  return operations;
}

export function securitySchemesOas2(root: Obj): Map<string, unknown> {
  return new Map(Object.entries(asObj(root.securityDefinitions)));
}
