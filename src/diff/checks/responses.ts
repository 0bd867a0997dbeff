import type { OperationCheck } from '../context.js';
import { idTable } from './define.js';

const isSuccess = (status: string) => /^[23]/.test(status);

/**
 * Responses by status and media type. A success status or a media type clients read that goes
 * away breaks them; each shared media type's schema is walked as a response.
 */
export const responses: OperationCheck = {
  name: 'responses',
  ids: idTable([
    'response-success-status-removed',
    'response-non-success-status-removed',
    'response-success-status-added',
    'response-non-success-status-added',
    'response-media-type-removed',
    'response-media-type-added',
  ]),
  compare(base, revision, { emit, compareSchemas }) {
    const operation = revision.label;
    for (const [status, before] of base.responses) {
      const after = revision.responses.get(status);
      if (!after) {
        emit(`response-${isSuccess(status) ? 'success' : 'non-success'}-status-removed`, { operation, path: before.path }, `response ${before.status} removed`, before.status, undefined);
        continue;
      }
      for (const [mediaType, media] of before.content) {
        const next = after.content.get(mediaType);
        if (!next) emit('response-media-type-removed', { operation, path: media.path }, `response ${status} media type ${mediaType} removed`, mediaType, undefined);
        else compareSchemas(media.schema, next.schema, 'response', 'body', { operation, path: [...next.path, 'schema'] });
      }
      for (const [mediaType, media] of after.content) {
        if (!before.content.has(mediaType)) emit('response-media-type-added', { operation, path: media.path }, `response ${status} media type ${mediaType} added`, undefined, mediaType);
      }
    }
    for (const [status, after] of revision.responses) {
      if (!base.responses.has(status)) emit(`response-${isSuccess(status) ? 'success' : 'non-success'}-status-added`, { operation, path: after.path }, `response ${after.status} added`, undefined, after.status);
    }
  },
};
