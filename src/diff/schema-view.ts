import type { RefResolver } from './refs.js';
import { isObj, type Obj } from './normalize-common.js';
import type { RawSchema } from './model.js';

/**
 * A schema as the walker compares it: `$ref`s followed, `allOf` merged, `nullable` (3.0),
 * `x-nullable` (2.0) and `type: [.., "null"]` (3.1) folded into one flag, and 3.0's boolean
 * exclusive bounds turned into 3.1's numbers. Refactors that keep the documents the same
 * ($ref ↔ inline, an allOf of one) therefore produce equal views.
 */
export interface SchemaView {
  /** Identity for memoization: the resolved schema object. */
  node: object;
  types?: Set<string>;
  nullable: boolean;
  format?: string;
  enum?: unknown[];
  extensibleEnum?: unknown[];
  hasConst: boolean;
  const?: unknown;
  pattern?: string;
  bounds: Partial<Record<BoundKey, number>>;
  hasDefault: boolean;
  default?: unknown;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  properties: Map<string, RawSchema>;
  required: Set<string>;
  additionalProperties?: RawSchema | boolean;
  items?: RawSchema;
  oneOf?: RawSchema[];
  anyOf?: RawSchema[];
  /** `anyOf: [X, {type: "null"}]` read as nullable X: which keyword, and X (for pairing with alternatives). */
  folded?: { keyword: 'oneOf' | 'anyOf'; alternative: RawSchema };
}

export const BOUND_KEYS = ['maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'maxItems', 'minItems'] as const;
export type BoundKey = (typeof BOUND_KEYS)[number];

const EMPTY = {};

function typesOf(schema: Obj): { types?: Set<string>; nullable: boolean } {
  const declared = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : undefined;
  const nullable = schema.nullable === true || schema['x-nullable'] === true || (declared?.includes('null') ?? false);
  const types = declared ? new Set(declared.filter((t): t is string => typeof t === 'string' && t !== 'null')) : undefined;
  return { types, nullable };
}

function boundsOf(schema: Obj): SchemaView['bounds'] {
  const bounds: SchemaView['bounds'] = {};
  for (const key of BOUND_KEYS) if (typeof schema[key] === 'number') bounds[key] = schema[key] as number;
  // OpenAPI 3.0 / Swagger 2.0: `exclusiveMaximum: true` makes `maximum` exclusive.
  if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') {
    bounds.exclusiveMaximum = schema.maximum;
    delete bounds.maximum;
  }
  if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') {
    bounds.exclusiveMinimum = schema.minimum;
    delete bounds.minimum;
  }
  return bounds;
}

function ownView(node: object, schema: Obj): SchemaView {
  const { types, nullable } = typesOf(schema);
  return {
    node,
    types,
    nullable,
    format: typeof schema.format === 'string' ? schema.format : undefined,
    enum: Array.isArray(schema.enum) ? schema.enum.filter((v) => v !== null) : undefined,
    extensibleEnum: Array.isArray(schema['x-extensible-enum']) ? schema['x-extensible-enum'] : undefined,
    hasConst: 'const' in schema,
    const: schema.const,
    pattern: typeof schema.pattern === 'string' ? schema.pattern : undefined,
    bounds: boundsOf(schema),
    hasDefault: 'default' in schema,
    default: schema.default,
    readOnly: schema.readOnly === true,
    writeOnly: schema.writeOnly === true,
    deprecated: schema.deprecated === true,
    properties: new Map(Object.entries(isObj(schema.properties) ? schema.properties : {})),
    required: new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []),
    additionalProperties: schema.additionalProperties as RawSchema | boolean | undefined,
    items: Array.isArray(schema.items) ? undefined : schema.items,
    oneOf: Array.isArray(schema.oneOf) ? schema.oneOf : undefined,
    anyOf: Array.isArray(schema.anyOf) ? schema.anyOf : undefined,
  };
}

/** allOf: every member must hold, so constraints combine (types intersect, properties and required unite). */
function mergeInto(target: SchemaView, member: SchemaView): void {
  // A part without a type constrains nothing, so `allOf: [X]` is exactly X, nullability included.
  const ownAllowsNull = target.types === undefined ? undefined : target.nullable;
  const memberAllowsNull = member.types === undefined ? undefined : member.nullable;
  target.nullable =
    ownAllowsNull === undefined && memberAllowsNull === undefined ? target.nullable || member.nullable : (ownAllowsNull ?? true) && (memberAllowsNull ?? true);
  if (member.types) target.types = target.types ? new Set([...target.types].filter((t) => member.types!.has(t))) : new Set(member.types);
  target.format ??= member.format;
  target.enum ??= member.enum;
  target.extensibleEnum ??= member.extensibleEnum;
  if (!target.hasConst && member.hasConst) Object.assign(target, { hasConst: true, const: member.const });
  target.pattern ??= member.pattern;
  target.bounds = { ...member.bounds, ...target.bounds };
  if (!target.hasDefault && member.hasDefault) Object.assign(target, { hasDefault: true, default: member.default });
  target.readOnly ||= member.readOnly;
  target.writeOnly ||= member.writeOnly;
  target.deprecated ||= member.deprecated;
  for (const [name, schema] of member.properties) if (!target.properties.has(name)) target.properties.set(name, schema);
  for (const name of member.required) target.required.add(name);
  target.additionalProperties ??= member.additionalProperties;
  target.items ??= member.items;
  target.oneOf ??= member.oneOf;
  target.anyOf ??= member.anyOf;
}

/** `{type: "null"}` (or `type: ["null"]`) as a oneOf/anyOf alternative: the 3.1 spelling of nullable. */
function isNullAlternative(schema: unknown): boolean {
  if (!isObj(schema)) return false;
  const type = schema.type;
  return type === 'null' || (Array.isArray(type) && type.length > 0 && type.every((t) => t === 'null'));
}

/**
 * `nullable: true` beside an allOf with no type of its own: the 3.0 idiom for a nullable `$ref`
 * (3.0.3 says such a flag has no effect, but descriptions and generators mean "or null").
 */
const isNullableWrapper = (schema: Obj) => (schema.nullable === true || schema['x-nullable'] === true) && schema.type === undefined && Array.isArray(schema.allOf);

/** Builds and caches views per resolved schema object; allOf cycles stop at the repeated member. */
export class SchemaViews {
  private readonly cache = new WeakMap<object, SchemaView>();
  private readonly building = new WeakSet<object>();

  constructor(private readonly refs: RefResolver) {}

  of(raw: RawSchema): SchemaView {
    const resolved = this.refs.deref(raw);
    const node = isObj(resolved) ? resolved : EMPTY;
    const cached = this.cache.get(node);
    if (cached) return cached;
    const schema = node as Obj;
    const view = ownView(node, schema);
    if (!this.building.has(node)) {
      this.building.add(node);
      if (Array.isArray(schema.allOf)) for (const member of schema.allOf) mergeInto(view, this.of(member));
      this.foldNullAlternatives(view);
      this.building.delete(node);
    }
    if (isNullableWrapper(schema)) view.nullable = true;
    this.cache.set(node, view);
    return view;
  }

  /**
   * `anyOf: [X, {type: "null"}]` is 3.1's nullable X (3.0: `nullable: true` with `allOf: [X]`):
   * null alternatives become the nullable flag, and a single remaining alternative is the schema.
   */
  private foldNullAlternatives(view: SchemaView): void {
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const alternatives = view[keyword];
      if (!alternatives?.some((a) => isNullAlternative(this.refs.deref(a)))) continue;
      // A type of the schema's own that leaves null out still rules null out.
      const allowsNull = view.types === undefined || view.nullable;
      const rest = alternatives.filter((a) => !isNullAlternative(this.refs.deref(a)));
      view[keyword] = rest.length === 1 ? undefined : rest;
      if (rest.length === 1) {
        view.folded = { keyword, alternative: rest[0] };
        mergeInto(view, this.of(rest[0]));
      }
      view.nullable = allowsNull;
    }
  }

  /** Names a subschema for matching oneOf/anyOf alternatives: its `$ref`, else its title. */
  nameOf(raw: RawSchema): string | undefined {
    const ref = this.refs.refName(raw);
    if (ref) return ref.slice(ref.lastIndexOf('/') + 1);
    const node = this.refs.deref(raw);
    return isObj(node) && typeof node.title === 'string' ? node.title : undefined;
  }
}
