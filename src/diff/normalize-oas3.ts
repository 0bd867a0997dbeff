import type { RefResolver } from './refs.js';
import { type BodyModel, type HeaderModel, type JsonPath, type MediaTypeModel, type OperationModel, type ResponseModel } from './model.js';
import { mediaTypeKey } from './media-types.js';
import { asObj, collectOperations, derefObj, mergedParameters, operationBasics, parameterModel, type Obj } from './normalize-common.js';

function contentOf(refs: RefResolver, content: unknown, path: JsonPath): Map<string, MediaTypeModel> {
  const map = new Map<string, MediaTypeModel>();
  for (const [mediaType, raw] of Object.entries(asObj(content))) {
    const media = derefObj(refs, raw);
    const at = [...path, 'content', mediaType];
    map.set(mediaTypeKey(mediaType), { schema: media.schema, path: at, schemaPath: [...at, 'schema'] });
  }
  return map;
}

/** A parameter's or header's schema: its `schema`, else the one media type of its `content`. */
function schemaOf(refs: RefResolver, holder: Obj, path: JsonPath): { schema: unknown; schemaPath: JsonPath } {
  if (holder.schema !== undefined) return { schema: holder.schema, schemaPath: [...path, 'schema'] };
  const media = [...contentOf(refs, holder.content, path).values()][0];
  return media ? { schema: media.schema, schemaPath: media.schemaPath } : { schema: undefined, schemaPath: [...path, 'schema'] };
}

function headersOf(refs: RefResolver, headers: unknown, path: JsonPath): Map<string, HeaderModel> {
  const map = new Map<string, HeaderModel>();
  for (const [name, raw] of Object.entries(asObj(headers))) {
    // The specification: a response header named Content-Type is ignored (the media type says it).
    if (name.toLowerCase() === 'content-type') continue;
    const header = derefObj(refs, raw);
    const at = [...path, 'headers', name];
    const { schema, schemaPath } = schemaOf(refs, header, at);
    map.set(name.toLowerCase(), { name, required: header.required === true, schema, path: at, schemaPath });
  }
  return map;
}

function responsesOf(refs: RefResolver, responses: unknown, path: JsonPath): Map<string, ResponseModel> {
  const map = new Map<string, ResponseModel>();
  for (const [status, raw] of Object.entries(asObj(responses))) {
    if (status.startsWith('x-')) continue;
    const response = derefObj(refs, raw);
    const at = [...path, 'responses', status];
    map.set(status.toUpperCase(), { status, headers: headersOf(refs, response.headers, at), content: contentOf(refs, response.content, at), path: at });
  }
  return map;
}

function bodyOf(refs: RefResolver, raw: unknown, path: JsonPath): BodyModel | undefined {
  if (raw === undefined) return undefined;
  const body = derefObj(refs, raw);
  const at = [...path, 'requestBody'];
  return { required: body.required === true, content: contentOf(refs, body.content, at), path: at };
}

function operationOf(refs: RefResolver, root: Obj, template: string, pathItem: Obj, method: string, op: Obj): OperationModel {
  const itemPath: JsonPath = ['paths', template];
  const opPath: JsonPath = [...itemPath, method];
  const parameters = new Map();
  for (const { param, path } of mergedParameters(refs, pathItem.parameters, op.parameters, itemPath, opPath)) {
    const { schema, schemaPath } = schemaOf(refs, param, path);
    const model = parameterModel(param, schema, template, path, schemaPath);
    parameters.set(model.key, model);
  }
  return {
    ...operationBasics(root, template, method, op),
    parameters,
    requestBody: bodyOf(refs, op.requestBody, opPath),
    responses: responsesOf(refs, op.responses, opPath),
  };
}

/** OpenAPI 3.0/3.1 operations (paths only; webhooks are not client calls). */
export function operationsOas3(refs: RefResolver, root: Obj): OperationModel[] {
  return collectOperations(refs, root, (template, pathItem, method, op) => operationOf(refs, root, template, pathItem, method, op));
}

export function securitySchemesOas3(root: Obj): Map<string, unknown> {
  return new Map(Object.entries(asObj(asObj(root.components).securitySchemes)));
}

