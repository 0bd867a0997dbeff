import { isObject, type Schema } from './draft4-check.js';
import { hasRules } from './spectral-ajv.js';

/** What ajv throws when it reads a fragment's types: OpenAPI's `nullable` next to a missing or contradicting `type`. */
function nullableMisuse(schema: Schema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('null')) return schema.nullable === false ? 'type: null contradicts nullable: false' : undefined;
  return types.length === 0 && schema.nullable !== undefined ? '"nullable" cannot be used without "type"' : undefined;
}

/** ajv generates no code for a subschema without rules (it always passes), so never reads its types. */
const compiled = (schema: unknown): schema is Schema => isObject(schema) && hasRules(schema);

function compiledValues(map: unknown): Schema[] {
  return isObject(map) ? Object.keys(map).filter((key) => key !== '__proto__').map((key) => map[key]).filter(compiled) : [];
}

/** The subschemas ajv compiles along with this one (never those under `definitions`). */
function compiledChildren(schema: Schema): Schema[] {
  const children: Schema[] = [];
  if (compiled(schema.not)) children.push(schema.not);
  const anyOf = Array.isArray(schema.anyOf) ? schema.anyOf : [];
  // One branch without rules makes anyOf pass: ajv compiles none of them then.
  if (anyOf.every(compiled)) children.push(...anyOf);
  for (const keyword of ['oneOf', 'allOf']) if (Array.isArray(schema[keyword])) children.push(...(schema[keyword] as unknown[]).filter(compiled));
  children.push(...compiledValues(schema.properties), ...compiledValues(schema.patternProperties));
  if (compiled(schema.additionalProperties)) children.push(schema.additionalProperties);
  if (isObject(schema.dependencies)) children.push(...compiledValues(schema.dependencies).filter((value) => !Array.isArray(value)));
  if (Array.isArray(schema.items)) {
    children.push(...schema.items.filter(compiled));
    // additionalItems only means something beside an array of items.
    if (compiled(schema.additionalItems)) children.push(schema.additionalItems);
  } else if (compiled(schema.items)) children.push(schema.items);
  return children;
}

const NONE: ReadonlySet<string> = new Set();
const collected = new WeakMap<object, ReadonlySet<string>>();

/** The messages of every fragment ajv compiles in this subtree, remembered per fragment: shared schemas recur across a resolved document. */
function collect(schema: Schema): ReadonlySet<string> {
  let messages = collected.get(schema);
  if (messages === undefined) {
    const own = nullableMisuse(schema);
    let found: Set<string> | null = own === undefined ? null : new Set([own]);
    for (const child of compiledChildren(schema)) {
      const below = collect(child);
      if (below.size > 0) for (const message of below) (found ??= new Set()).add(message);
    }
    messages = found ?? NONE;
    collected.set(schema, messages);
  }
  return messages;
}

/**
 * The error ajv throws compiling this (acyclic, otherwise checkable) schema, which Spectral then
 * reports for every example; undefined when it compiles. When fragments would fail with
 * different messages, which one ajv meets first is a question of its code generation order:
 * 'ambiguous', and the schema is left to ajv.
 */
export function compileFailure(schema: Schema): string | 'ambiguous' | undefined {
  if (!compiled(schema)) return undefined;
  const messages = collect(schema);
  if (messages.size > 1) return 'ambiguous';
  return messages.values().next().value;
}
