import type { RefResolver } from './refs.js';
import { type BodyModel, type HeaderModel, type JsonPath, type MediaTypeModel, type OperationModel, type ResponseModel } from './model.js';
import { mediaTypeKey } from './media-types.js';
import { asObj, collectOperations, derefObj, mergedParameters, operationBasics, parameterModel, type Obj } from './normalize-common.js';

// Swagger 2.0 keeps a parameter's schema keywords on the parameter itself.
const SCHEMA_KEYS = ['type', 'format', 'items', 'enum', 'default', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'x-nullable', 'x-extensible-enum'];

function schemaFromParameter(param: Obj): Obj {
  return Object.fromEntries(SCHEMA_KEYS.filter((k) => k in param).map((k) => [k, param[k]]));
}

/** A `consumes`/`produces` list in force, and where it is written (so a removed type points there). */
interface MediaList {
  types: string[];
  path: JsonPath;
}

function declaredTypes(list: unknown): string[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.filter((m): m is string => typeof m === 'string').map(mediaTypeKey);
}

/** The operation's list, else the root's, else JSON (what 2.0 tooling assumes and 3.0 converters write). */
function mediaList(key: 'consumes' | 'produces', root: Obj, op: Obj, opPath: JsonPath): MediaList {
  const own = declaredTypes(op[key]);
  if (own) return { types: own, path: [...opPath, key] };
  const global = declaredTypes(root[key]);
  return global ? { types: global, path: [key] } : { types: ['application/json'], path: opPath };
}

function contentFor(list: MediaList, schema: unknown, schemaPath: JsonPath): Map<string, MediaTypeModel> {
  return new Map(list.types.map((type) => [type, { schema, path: list.path, schemaPath }]));
}

/** formData parameters become one object body, as OpenAPI 3 writes them (a `file` is binary). */
function formBody(params: Array<{ param: Obj; path: JsonPath }>, consumes: MediaList, opPath: JsonPath): BodyModel | undefined {
  const fields = params.filter(({ param }) => param.in === 'formData');
  if (fields.length === 0) return undefined;
  const properties = Object.fromEntries(fields.map(({ param }) => [param.name as string, param.type === 'file' ? { type: 'string', format: 'binary' } : schemaFromParameter(param)]));
  const required = fields.filter(({ param }) => param.required === true).map(({ param }) => param.name as string);
  const schema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  const formTypes = consumes.types.filter((t) => t.startsWith('multipart/form-data') || t.startsWith('application/x-www-form-urlencoded'));
  const list = formTypes.length > 0 ? { ...consumes, types: formTypes } : { types: ['application/x-www-form-urlencoded'], path: consumes.path };
  // The fields' properties are reported under the operation's parameters.
  return { required: required.length > 0, content: contentFor(list, schema, [...opPath, 'parameters']), path: opPath };
}

// OpenAPI 3 ignores a response header named Content-Type (the media type says it); so do we.
const isContentType = (name: string) => name.toLowerCase() === 'content-type';

function headersOf(refs: RefResolver, headers: unknown, path: JsonPath): Map<string, HeaderModel> {
  const map = new Map<string, HeaderModel>();
  for (const [name, raw] of Object.entries(asObj(headers))) {
    if (isContentType(name)) continue;
    const at = [...path, 'headers', name];
    map.set(name.toLowerCase(), { name, required: false, schema: schemaFromParameter(derefObj(refs, raw)), path: at, schemaPath: at });
  }
  return map;
}

function responsesOf(refs: RefResolver, responses: unknown, produces: MediaList, path: JsonPath): Map<string, ResponseModel> {
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
  const consumes = mediaList('consumes', root, op, opPath);
  const params = mergedParameters(refs, pathItem.parameters, op.parameters, itemPath, opPath);
  const parameters = new Map();
  let requestBody: BodyModel | undefined = formBody(params, consumes, opPath);
  for (const { param, path } of params) {
    if (param.in === 'body') {
      requestBody = { required: param.required === true, content: contentFor(consumes, param.schema, [...path, 'schema']), path };
    } else if (param.in !== 'formData') {
      const model = parameterModel(param, schemaFromParameter(param), template, path, path);
      parameters.set(model.key, model);
    }
  }
  return {
    ...operationBasics(root, template, method, op),
    parameters,
    requestBody,
    responses: responsesOf(refs, op.responses, mediaList('produces', root, op, opPath), opPath),
  };
}

export function operationsOas2(refs: RefResolver, root: Obj): OperationModel[] {
  return collectOperations(refs, root, (template, pathItem, method, op) => operationOf(refs, root, template, pathItem, method, op));
}

export function securitySchemesOas2(root: Obj): Map<string, unknown> {
  return new Map(Object.entries(asObj(root.securityDefinitions)));
}
