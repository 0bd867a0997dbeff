import type { SchemaView, SchemaViews } from '../schema-view.js';
import type { SchemaCheck } from '../walk.js';
import { idTable } from './define.js';

const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated']);

/** 0: no undeclared property allowed (`false`); 1: allowed if it matches a schema; 2: any allowed (absent, `true`, `{}`). */
function openness(view: SchemaView, views: SchemaViews): number {
  const extra = view.additionalProperties;
  if (extra === false) return 0;
  if (extra === undefined || extra === true) return 2;
  const keys = Object.keys(views.of(extra).node).filter((key) => !ANNOTATIONS.has(key) && !key.startsWith('x-'));
  return keys.length === 0 ? 2 : 1;
}

const SITES = ['body', 'property'] as const;

/**
 * additionalProperties: how many undeclared properties an object admits (false < a schema < any).
 * A request admitting fewer can reject what clients send today, a response admitting more can
 * return what strict readers refuse — warn, not error: most clients send and read only declared
 * properties. The opposite moves are info. A schema changing into another schema is walked as a
 * schema (at `.../additionalProperties`). oasdiff has no ids for this; these are apigov's own.
 */
export const schemaAdditionalProperties: SchemaCheck = {
  name: 'schema-additional-properties',
  description: 'additionalProperties narrowing what a request may send or widening what a response may return.',
  ids: idTable(
    [],
    Object.fromEntries(
      SITES.flatMap((site) => [
        [`request-${site}-additional-properties-narrowed`, ['warn', 'request']],
        [`request-${site}-additional-properties-widened`, ['info', 'request']],
        [`response-${site}-additional-properties-widened`, ['warn', 'response']],
        [`response-${site}-additional-properties-narrowed`, ['info', 'response']],
      ]),
    ),
  ),
  compare(base, revision, { prefix, emit, views }) {
    // The keyword means nothing for values that cannot be objects.
    const objects = (view: SchemaView) => view.types === undefined || view.types.has('object');
    if (!objects(base) && !objects(revision)) return;
    const from = openness(base, views.base);
    const to = openness(revision, views.revision);
    if (from === to) return;
    const show = (value: unknown) => (typeof value === 'object' ? 'a schema' : String(value ?? 'absent'));
    const message = `additionalProperties changed from ${show(base.additionalProperties)} to ${show(revision.additionalProperties)}`;
    emit(`${prefix}-additional-properties-${to < from ? 'narrowed' : 'widened'}`, message, show(base.additionalProperties), show(revision.additionalProperties));
  },
};
