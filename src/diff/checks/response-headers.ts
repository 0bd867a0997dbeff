import type { OperationCheck } from '../context.js';
import { idTable } from './define.js';

/** Response headers (names compared case-insensitively): clients that read a header break when it may be missing. */
export const responseHeaders: OperationCheck = {
  name: 'response-headers',
  ids: idTable(['required-response-header-removed', 'optional-response-header-removed', 'response-header-added', 'response-header-became-optional']),
  compare(base, revision, { emit, compareSchemas }) {
    const operation = revision.label;
    for (const [status, before] of base.responses) {
      const after = revision.responses.get(status);
      if (!after) continue;
      for (const [key, header] of before.headers) {
        const next = after.headers.get(key);
        if (!next) {
          emit(header.required ? 'required-response-header-removed' : 'optional-response-header-removed', { operation, path: header.path }, `response ${status} header ${header.name} removed`, header.name, undefined);
          continue;
        }
        if (header.required && !next.required) emit('response-header-became-optional', { operation, path: next.path }, `response ${status} header ${next.name} became optional`, true, false);
        compareSchemas(header.schema, next.schema, 'response', 'header', { operation, path: [...next.path, 'schema'] });
      }
      for (const [key, header] of after.headers) {
        if (!before.headers.has(key)) emit('response-header-added', { operation, path: header.path }, `response ${status} header ${header.name} added`, undefined, header.name);
      }
    }
  },
};
