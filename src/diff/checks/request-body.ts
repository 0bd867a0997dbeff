import type { OperationCheck } from '../context.js';
import { idTable } from './define.js';

/**
 * The request body by media type. A body that becomes required, a media type clients send that
 * disappears, or a body removed altogether breaks callers; each shared media type's schema is
 * walked as a request.
 */
export const requestBody: OperationCheck = {
  name: 'request-body',
  ids: idTable([
    'request-body-added-required',
    'request-body-added-optional',
    'request-body-removed',
    'request-body-became-required',
    'request-body-became-optional',
    'request-body-media-type-added',
    'request-body-media-type-removed',
  ]),
  compare(base, revision, { emit, compareSchemas }) {
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
    for (const [mediaType, media] of before.content) {
      const next = after.content.get(mediaType);
      if (!next) emit('request-body-media-type-removed', { operation, path: media.path }, `request media type ${mediaType} removed`, mediaType, undefined);
      else compareSchemas(media.schema, next.schema, 'request', 'body', { operation, path: [...next.path, 'schema'] });
    }
    for (const [mediaType, media] of after.content) {
      if (!before.content.has(mediaType)) emit('request-body-media-type-added', { operation, path: media.path }, `request media type ${mediaType} added`, undefined, mediaType);
    }
  },
};
