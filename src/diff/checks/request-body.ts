import type { DiffContext, OperationCheck } from '../context.js';
import { type BodyModel, type MediaTypeModel } from '../model.js';
import { matchMediaTypes } from '../media-types.js';
import { idTable } from './define.js';

/** A media type's schema: one that appears narrows what may be sent; one that goes widens it. */
function compareMedia(type: string, before: MediaTypeModel, after: MediaTypeModel, operation: string, { emit, compareSchemas }: DiffContext): void {
  if (before.schema === undefined && after.schema === undefined) return;
  if (before.schema === undefined) emit('request-body-media-type-schema-added', { operation, path: after.schemaPath }, `request media type ${type} now has a schema`);
  else if (after.schema === undefined) emit('request-body-media-type-schema-removed', { operation, path: after.path }, `request media type ${type} no longer has a schema`);
  else compareSchemas(before.schema, after.schema, 'request', 'body', { operation, path: after.schemaPath });
}

/**
 * Media types are matched ignoring their parameters, and one the revision widens (`application/json`
 * → `application/*`) still accepts what clients send. Narrowing (`application/*` →
 * `application/json`) or dropping a type breaks the clients that send it.
 */
function compareContent(before: BodyModel, after: BodyModel, operation: string, context: DiffContext): void {
  const { pairs, removed, added } = matchMediaTypes(before.content, after.content);
  const newTypes = new Map(added);
  for (const pair of pairs) {
    if (pair.relation === 'specialized') {
      removed.push([pair.baseType, pair.base]);
      newTypes.set(pair.revisionType, pair.revision);
      continue;
    }
    if (pair.relation === 'generalized') newTypes.set(pair.revisionType, pair.revision);
    compareMedia(pair.revisionType, pair.base, pair.revision, operation, context);
  }
  const seen = new Set<string>();
  for (const [type, media] of removed) {
    if (!seen.has(type)) context.emit('request-body-media-type-removed', { operation, path: media.path }, `request media type ${type} removed`, type, undefined);
    seen.add(type);
  }
  for (const [type, media] of newTypes) context.emit('request-body-media-type-added', { operation, path: media.path }, `request media type ${type} added`, undefined, type);
}

/**
 * The request body: a body that appears required or becomes required, or goes away altogether,
 * breaks callers; each media type's schema is walked as a request.
 */
export const requestBody: OperationCheck = {
  name: 'request-body',
  description: 'Request bodies added, removed, made required; media types removed or renamed; schemas compared as requests.',
  ids: idTable([
    'request-body-added-required',
    'request-body-added-optional',
    'request-body-removed',
    'request-body-became-required',
    'request-body-became-optional',
    'request-body-media-type-added',
    'request-body-media-type-removed',
    'request-body-media-type-schema-added',
    'request-body-media-type-schema-removed',
  ]),
  compare(base, revision, context) {
    const { emit } = context;
    const before = base.requestBody;
    const after = revision.requestBody;
    const operation = revision.label;
    if (!before && !after) return;
    if (!before) {
      emit(after!.required ? 'request-body-added-required' : 'request-body-added-optional', { operation, path: after!.path }, `${after!.required ? 'required' : 'optional'} request body added`);
      return;
    }
    if (!after) {
      emit('request-body-removed', { operation, path: before.path }, 'request body removed');
      return;
    }
    if (after.required && !before.required) emit('request-body-became-required', { operation, path: after.path }, 'request body became required', false, true);
    if (!after.required && before.required) emit('request-body-became-optional', { operation, path: after.path }, 'request body became optional', true, false);
    compareContent(before, after, operation, context);
  },
};
