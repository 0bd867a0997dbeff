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

// ---- Dates -----------------------------------------------------------------------------------

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;
// The Sunset header's own form (RFC 8594 uses an HTTP-date): `Sat, 31 Dec 2026 23:59:59 GMT`.
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The day (`YYYY-MM-DD`) an `x-sunset` value names, or undefined when it is not a date. */
export function sunsetDay(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const iso = ISO_DAY.exec(value.trim());
  const parsed = iso ? new Date(`${iso[1]}T00:00:00Z`) : HTTP_DATE.test(value.trim()) ? new Date(value) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) return undefined;
  const day = parsed.toISOString().slice(0, 10);
  // Date() rolls 2026-02-31 over to March: such a value is not a date.
  return iso && day !== iso[1] ? undefined : day;
}

/** `today` plus some days, as `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// ---- Media types -------------------------------------------------------------------------------

/** `application/json; charset=UTF-8` → `application/json;charset=utf-8`: one key per media type. */
export function mediaTypeKey(name: string): string {
  return name
    .split(';')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '')
    .join(';');
}

const essence = (key: string) => key.split(';')[0];

/**
 * Whether every document of media type `narrow` is also one of `wide`: `*\/*` and `type/*` cover
 * their members, and `application/json` covers structured-suffix types such as
 * `application/vnd.api+json`. Parameters are ignored here.
 */
export function mediaTypeCovers(wide: string, narrow: string): boolean {
  const [wType, wSub] = essence(wide).split('/');
  const [nType, nSub] = essence(narrow).split('/');
  if (wType === '*') return true;
  if (wType !== nType || nSub === undefined) return false;
  if (wSub === '*' || wSub === nSub) return true;
  return nSub.includes('+') && !wSub.includes('+') && nSub.slice(nSub.lastIndexOf('+') + 1) === wSub;
}

export type MediaRelation = 'same' | 'parameters-changed' | 'generalized' | 'specialized';

export interface MediaMatch<T> {
  pairs: Array<{ base: T; revision: T; baseType: string; revisionType: string; relation: MediaRelation }>;
  removed: Array<[string, T]>;
  added: Array<[string, T]>;
}

/**
 * Pairs the media types of two contents: equal keys; then the same type with other parameters;
 * then a type now covered by a wider one (generalized) or replaced by narrower ones (specialized).
 * What stays unpaired was removed or added. Exact pairs are taken first so a rename never
 * steals a type that is still there.
 */
export function matchMediaTypes<T>(base: Map<string, T>, revision: Map<string, T>): MediaMatch<T> {
  const result: MediaMatch<T> = { pairs: [], removed: [], added: [] };
  const pairedRevision = new Set<string>();
  const pending: Array<[string, T]> = [];
  for (const [type, media] of base) {
    const next = revision.get(type);
    if (next === undefined) pending.push([type, media]);
    else {
      result.pairs.push({ base: media, revision: next, baseType: type, revisionType: type, relation: 'same' });
      pairedRevision.add(type);
    }
  }
  const fresh = () => [...revision].filter(([type]) => !base.has(type));
  for (const [type, media] of pending) {
    const renamed = fresh().find(([other]) => !pairedRevision.has(other) && essence(other) === essence(type));
    const wider = fresh().filter(([other]) => essence(other) !== essence(type) && mediaTypeCovers(other, type));
    const narrower = fresh().filter(([other]) => essence(other) !== essence(type) && mediaTypeCovers(type, other));
    const matches: Array<[[string, T], MediaRelation]> = renamed
      ? [[renamed, 'parameters-changed']]
      : wider.length > 0
        ? [[wider[0], 'generalized']]
        : narrower.map((entry): [[string, T], MediaRelation] => [entry, 'specialized']);
    if (matches.length === 0) result.removed.push([type, media]);
    for (const [[other, next], relation] of matches) {
      result.pairs.push({ base: media, revision: next, baseType: type, revisionType: other, relation });
      pairedRevision.add(other);
    }
  }
  result.added = fresh().filter(([type]) => !pairedRevision.has(type));
  return result;
}

// ---- Response statuses -------------------------------------------------------------------------

const RANGE = /^[1-5]XX$/;

export interface StatusMatch {
  pairs: Array<[ResponseModel, ResponseModel]>;
  removed: ResponseModel[];
  added: ResponseModel[];
}

/**
 * Pairs responses by status (keys are upper-cased: `2xx` is `2XX`). A status the revision now
 * describes through its range (`404` → `4XX`), or a range it now spells out in new codes
 * (`4XX` → `400`, `404`), is paired rather than removed: clients handling the one handle the
 * other, and the pair's bodies and headers are still compared. `default` covers nothing: it
 * describes unexpected outcomes.
 */
export function matchStatuses(base: Map<string, ResponseModel>, revision: Map<string, ResponseModel>): StatusMatch {
  const result: StatusMatch = { pairs: [], removed: [], added: [] };
  for (const [status, before] of base) {
    const exact = revision.get(status);
    if (exact) {
      result.pairs.push([before, exact]);
      continue;
    }
    const covering = [...revision.keys()].filter((other) => (isCode(status) ? isRangeOf(other, status) : isRangeOf(status, other) && !base.has(other)));
    if (covering.length === 0) result.removed.push(before);
    for (const other of covering) result.pairs.push([before, revision.get(other)!]);
  }
  for (const [status, after] of revision) if (!base.has(status)) result.added.push(after);
  return result;
}

const isCode = (status: string) => /^\d{3}$/.test(status);
const isRangeOf = (range: string, code: string) => RANGE.test(range) && isCode(code) && range[0] === code[0];
