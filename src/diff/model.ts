import type { SpecFormat } from '../load/detect-format.js';
import type { RefResolver } from './refs.js';

export type JsonPath = (string | number)[];
/** A schema as written: possibly a `$ref`, resolved lazily by the walker. */
export type RawSchema = unknown;
export type SecurityRequirement = Record<string, string[]>;

export interface ParameterModel {
  /** `query:limit`, `header:x-request-id` (lower-cased), or `path:#0` (by position: path names are free). */
  key: string;
  in: string;
  name: string;
  required: boolean;
  deprecated: boolean;
  sunset?: string;
  schema: RawSchema;
  path: JsonPath;
  /** Where the schema keywords sit: `schema`, `content.<type>.schema`, or (Swagger 2.0) the parameter itself. */
  schemaPath: JsonPath;
}

export interface MediaTypeModel {
  /** undefined when the media type is declared without a schema. */
  schema: RawSchema;
  /** The media type's own place: `content.<type>`, or (Swagger 2.0) the consumes/produces list. */
  path: JsonPath;
  schemaPath: JsonPath;
}

export interface BodyModel {
  required: boolean;
  content: Map<string, MediaTypeModel>;
  path: JsonPath;
}

export interface HeaderModel {
  name: string;
  required: boolean;
  schema: RawSchema;
  path: JsonPath;
  schemaPath: JsonPath;
}

export interface ResponseModel {
  status: string;
  headers: Map<string, HeaderModel>;
  content: Map<string, MediaTypeModel>;
  path: JsonPath;
}

export interface OperationModel {
  /** `GET /pets/{}`: method and path with parameter names erased. */
  key: string;
  /** `GET /pets/{petId}` as written, for people. */
  label: string;
  method: string;
  pathTemplate: string;
  /** The path part of `key` (`/pets/{}`): operations sharing it are one path. */
  pathKey: string;
  operationId?: string;
  deprecated: boolean;
  /** `x-sunset` as written; read it with `sunsetDay`. */
  sunset?: string;
  stability?: string;
  tags: string[];
  parameters: Map<string, ParameterModel>;
  requestBody?: BodyModel;
  responses: Map<string, ResponseModel>;
  /** The requirements in force (operation's own, else the root's); undefined when none apply. */
  security?: SecurityRequirement[];
  path: JsonPath;
}

/** One normalized model for Swagger 2.0 and OpenAPI 3.x, so any pair of versions diffs cleanly. */
export interface ApiModel {
  format: SpecFormat;
  version?: string;
  stability?: string;
  operations: Map<string, OperationModel>;
  /** Normalized path templates (`/pets/{}`), to tell "path removed" from "operation removed". */
  paths: Set<string>;
  securitySchemes: Map<string, unknown>;
  refs: RefResolver;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * `/pets/{petId}` → `/pets/{}`; also drops a trailing slash so `/pets/` matches `/pets` (the
 * endpoints check reports the slash itself). `keepTrailingSlash` is for a description that
 * declares both forms, which must stay two operations.
 */
export function normalizePathTemplate(template: string, keepTrailingSlash = false): string {
  const erased = template.replace(/\{[^}]*\}/g, '{}');
  return erased.length > 1 && !keepTrailingSlash ? erased.replace(/\/+$/, '') : erased;
}

/** Position-based keys for path parameters: `{id}` renamed to `{petId}` is the same parameter. */
export function pathParameterKey(template: string, name: string): string {
  const names = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const index = names.indexOf(name);
  return index === -1 ? `path:${name}` : `path:#${index}`;
}
