import type { DiffContext, OperationCheck } from '../context.js';
import { type MediaTypeModel, type ResponseModel } from '../model.js';
import { matchMediaTypes } from '../media-types.js';
import { matchStatuses } from '../statuses.js';
import { idTable } from './define.js';

const isSuccess = (status: string) => /^[23]/.test(status);
const kind = (response: ResponseModel) => (isSuccess(response.status) ? 'success' : 'non-success');

/** A schema that appears narrows what may come back (information); one that goes away lets anything come back (error). */
function compareMedia(label: string, before: MediaTypeModel, after: MediaTypeModel, operation: string, { emit, compareSchemas }: DiffContext): void {
  if (before.schema === undefined && after.schema === undefined) return;
  if (before.schema === undefined) emit('response-body-media-type-schema-added', { operation, path: after.schemaPath }, `${label} now has a schema`);
  else if (after.schema === undefined) emit('response-body-media-type-schema-removed', { operation, path: after.path }, `${label} no longer has a schema`);
  else compareSchemas(before.schema, after.schema, 'response', 'body', { operation, path: after.schemaPath });
}

const RELATION_IDS = {
  'parameters-changed': 'response-media-type-name-changed',
  generalized: 'response-media-type-name-generalized',
  specialized: 'response-media-type-name-specialized',
} as const;

/**
 * One status's media types. A type clients read that goes away breaks them; one widened to a
 * range (`application/json` → `application/*`) may now bring documents they cannot parse;
 * narrowing or changing parameters is information. Paired types have their schemas compared.
 */
function compareContent(before: ResponseModel, after: ResponseModel, operation: string, context: DiffContext): void {
  const { pairs, removed, added } = matchMediaTypes(before.content, after.content);
  for (const pair of pairs) {
    const where = { operation, path: pair.revision.path };
    if (pair.relation !== 'same') {
      context.emit(RELATION_IDS[pair.relation], where, `response ${after.status} media type ${pair.baseType} became ${pair.revisionType}`, pair.baseType, pair.revisionType);
    }
    compareMedia(`response ${after.status} media type ${pair.revisionType}`, pair.base, pair.revision, operation, context);
  }
  for (const [type, media] of removed) context.emit('response-media-type-removed', { operation, path: media.path }, `response ${before.status} media type ${type} removed`, type, undefined);
  for (const [type, media] of added) context.emit('response-media-type-added', { operation, path: media.path }, `response ${after.status} media type ${type} added`, undefined, type);
}

/**
 * Responses by status (a code and its range, `404` ↔ `4XX`, are paired) and media type. A success
 * status clients rely on that goes away breaks them; each paired media type's schema is walked
 * as a response.
 */
export const responses: OperationCheck = {
  name: 'responses',
  description: 'Response statuses and media types removed or added; response schemas compared as responses.',
  ids: idTable([
    'response-success-status-removed',
    'response-non-success-status-removed',
    'response-success-status-added',
    'response-non-success-status-added',
    'response-media-type-removed',
    'response-media-type-added',
    'response-media-type-name-changed',
    'response-media-type-name-generalized',
    'response-media-type-name-specialized',
    'response-body-media-type-schema-added',
  ], {
    // oasdiff: WARN. With its schema gone a response may return anything: the widest widening of
    // what comes back, which is an error everywhere else (response-body-type-generalized).
    'response-body-media-type-schema-removed': ['error', 'response'],
  }),
  compare(base, revision, context) {
    const operation = revision.label;
    const { pairs, removed, added } = matchStatuses(base.responses, revision.responses);
    for (const response of removed) context.emit(`response-${kind(response)}-status-removed`, { operation, path: response.path }, `response ${response.status} removed`, response.status, undefined);
    for (const [before, after] of pairs) compareContent(before, after, operation, context);
    for (const response of added) context.emit(`response-${kind(response)}-status-added`, { operation, path: response.path }, `response ${response.status} added`, undefined, response.status);
  },
};
