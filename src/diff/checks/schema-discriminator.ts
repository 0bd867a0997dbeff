import { isObj } from '../normalize-common.js';
import type { SchemaView, SchemaViews } from '../schema-view.js';
import type { SchemaCheck, SchemaCheckContext } from '../walk.js';
import { idTable, prefixedIds } from './define.js';

interface Discriminator {
  propertyName?: string;
  mapping: Map<string, string>;
}

/** A mapping value is a schema name or a reference; names are short for `#/components/schemas/<name>`. */
const target = (value: unknown) => (typeof value === 'string' && !value.includes('/') && !value.includes('#') ? `#/components/schemas/${value}` : String(value));

function parse(raw: unknown): Discriminator | undefined {
  if (typeof raw === 'string') return { propertyName: raw, mapping: new Map() };
  if (!isObj(raw)) return undefined;
  const mapping = new Map(Object.entries(isObj(raw.mapping) ? raw.mapping : {}).map(([key, value]) => [key, target(value)]));
  return { propertyName: typeof raw.propertyName === 'string' ? raw.propertyName : undefined, mapping };
}

/**
 * The discriminator in force (3.x object, or Swagger 2.0's bare property name): the schema's own,
 * else one it takes over whole — from an allOf member, or from the single alternative left when
 * a null alternative was folded into nullability — so `allOf: [$ref X]` ≡ `$ref X` here too.
 */
function discriminatorOf(view: SchemaView, views: SchemaViews, depth = 0): Discriminator | undefined {
  const node = view.node as Record<string, unknown>;
  const own = parse(node.discriminator);
  if (own || depth > 8) return own;
  const folded = [...(view.oneOf || !Array.isArray(node.oneOf) ? [] : node.oneOf), ...(view.anyOf || !Array.isArray(node.anyOf) ? [] : node.anyOf)];
  for (const member of [...(Array.isArray(node.allOf) ? node.allOf : []), ...folded]) {
    const found = discriminatorOf(views.of(member), views, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function compareMappings(from: Discriminator, to: Discriminator, { prefix, emit }: SchemaCheckContext): void {
  for (const [key, value] of from.mapping) {
    const next = to.mapping.get(key);
    if (next === undefined) emit(`${prefix}-discriminator-mapping-deleted`, `discriminator mapping ${key} deleted`, key, undefined);
    else if (next !== value) emit(`${prefix}-discriminator-mapping-changed`, `discriminator mapping ${key} changed from ${value} to ${next}`, value, next);
  }
  for (const key of to.mapping.keys()) {
    if (!from.mapping.has(key)) emit(`${prefix}-discriminator-mapping-added`, `discriminator mapping ${key} added`, undefined, key);
  }
}

/**
 * Discriminators of oneOf/anyOf/allOf hierarchies: added, removed, renamed property, mapping
 * entries added, deleted or retargeted. All info, as oasdiff: the documents themselves are
 * judged by the alternatives and properties; this tells generated clients' authors what moved.
 */
export const schemaDiscriminator: SchemaCheck = {
  name: 'schema-discriminator',
  description: 'Discriminators and their mappings added, removed or retargeted.',
  ids: idTable(prefixedIds('discriminator-added', 'discriminator-removed', 'discriminator-property-name-changed', 'discriminator-mapping-added', 'discriminator-mapping-deleted', 'discriminator-mapping-changed')),
  compare(base, revision, context) {
    const from = discriminatorOf(base, context.views.base);
    const to = discriminatorOf(revision, context.views.revision);
    if (!from && !to) return;
    const { prefix, emit } = context;
    if (!from) return emit(`${prefix}-discriminator-added`, `discriminator on ${to!.propertyName} added`, undefined, to!.propertyName);
    if (!to) return emit(`${prefix}-discriminator-removed`, `discriminator on ${from.propertyName} removed`, from.propertyName, undefined);
    if (from.propertyName !== to.propertyName) {
      emit(`${prefix}-discriminator-property-name-changed`, `discriminator property changed from ${from.propertyName} to ${to.propertyName}`, from.propertyName, to.propertyName);
    }
    compareMappings(from, to, context);
  },
};
