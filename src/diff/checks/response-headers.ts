import type { DiffContext, OperationCheck } from '../context.js';
import { type ResponseModel } from '../model.js';
import { matchStatuses } from '../statuses.js';
import { idTable } from './define.js';

function compareHeaders(before: ResponseModel, after: ResponseModel, operation: string, { emit, compareSchemas }: DiffContext): void {
  const status = after.status;
  for (const [key, header] of before.headers) {
    const next = after.headers.get(key);
    if (!next) {
      const id = header.required ? 'required-response-header-removed' : 'optional-response-header-removed';
      emit(id, { operation, path: header.path }, `response ${status} header ${header.name} removed`, header.name, undefined);
      continue;
    }
    if (header.required && !next.required) emit('response-header-became-optional', { operation, path: next.path }, `response ${status} header ${next.name} became optional`, true, false);
    compareSchemas(header.schema, next.schema, 'response', 'header', { operation, path: next.schemaPath });
  }
  for (const [key, header] of after.headers) {
    if (!before.headers.has(key)) emit('response-header-added', { operation, path: header.path }, `response ${status} header ${header.name} added`, undefined, header.name);
  }
}

/**
 * Response headers of the responses paired by status (names compared case-insensitively):
 * clients that read a header break when it may be missing. A header that becomes required is
 * not reported: it only promises more. Swagger 2.0 headers cannot be required.
 */
export const responseHeaders: OperationCheck = {
  name: 'response-headers',
  description: 'Response headers removed, added or made optional; their schemas compared as responses.',
  ids: idTable(['required-response-header-removed', 'optional-response-header-removed', 'response-header-added', 'response-header-became-optional']),
  compare(base, revision, context) {
    for (const [before, after] of matchStatuses(base.responses, revision.responses).pairs) compareHeaders(before, after, revision.label, context);
  },
};
