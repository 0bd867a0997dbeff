import type { ApiCheck, DiffContext } from '../context.js';
import type { OperationModel } from '../model.js';
import { idTable } from './define.js';
import { removalKind } from './lifecycle.js';

const WHY = {
  'without-deprecation': 'without deprecation',
  'with-deprecation': 'after deprecation',
  'before-sunset': 'before its sunset date',
  'sunset-parse': 'with an x-sunset that is not a date',
} as const;

function reportRemoval(op: OperationModel, pathRemains: boolean, { emit, today }: DiffContext): void {
  const kind = removalKind(op, today);
  const scope = pathRemains ? 'api' : 'api-path';
  // oasdiff has one id for an unreadable sunset on removal, the path-level one.
  const id = kind === 'sunset-parse' ? 'api-path-sunset-parse' : `${scope}-removed-${kind}`;
  const why = kind === 'before-sunset' ? `${WHY[kind]} ${op.sunset}` : WHY[kind];
  emit(id, { operation: op.label, path: op.path }, `${pathRemains ? 'operation' : 'path'} removed ${why}`);
}

/** Same operation, other spelling: the trailing slash, the operationId and the tags. */
function compareIdentity(before: OperationModel, after: OperationModel, { emit }: DiffContext): void {
  const where = { operation: after.label, path: after.path };
  if (before.pathTemplate.endsWith('/') !== after.pathTemplate.endsWith('/')) {
    emit('apigov-path-trailing-slash-changed', where, `path written ${before.pathTemplate} before, ${after.pathTemplate} now`, before.pathTemplate, after.pathTemplate);
  }
  if (before.operationId !== undefined && before.operationId !== after.operationId) {
    emit('api-operation-id-removed', where, `operationId ${before.operationId} ${after.operationId ? `renamed to ${after.operationId}` : 'removed'}`, before.operationId, after.operationId);
  } else if (before.operationId === undefined && after.operationId !== undefined) {
    emit('api-operation-id-added', where, `operationId ${after.operationId} added`, undefined, after.operationId);
  }
  for (const tag of before.tags) if (!after.tags.includes(tag)) emit('api-tag-removed', where, `tag ${tag} removed`, tag, undefined);
  for (const tag of after.tags) if (!before.tags.includes(tag)) emit('api-tag-added', where, `tag ${tag} added`, undefined, tag);
}

/**
 * Operations that disappear or appear. Removing an operation breaks its callers unless it was
 * deprecated and its sunset date (if any) has come; a whole path going away gets the path-level id.
 * Matched operations are checked for a changed spelling: trailing slash, operationId, tags.
 */
export const endpoints: ApiCheck = {
  name: 'endpoints',
  description: 'Operations and paths removed (breaking unless deprecated and past their sunset) or added.',
  ids: idTable(
    [
      'endpoint-added',
      'api-path-removed-without-deprecation',
      'api-path-removed-with-deprecation',
      'api-path-removed-before-sunset',
      'api-path-sunset-parse',
      'api-removed-without-deprecation',
      'api-removed-with-deprecation',
      'api-removed-before-sunset',
      'api-operation-id-removed',
      'api-operation-id-added',
      'api-tag-removed',
      'api-tag-added',
    ],
    {
      // Our own: operations are matched ignoring a trailing slash, but many servers route `/pets`
      // and `/pets/` differently (or redirect, which drops a POST body), so say so.
      'apigov-path-trailing-slash-changed': ['warn', 'none'],
    },
  ),
  compare(base, revision, context) {
    for (const [key, op] of base.operations) {
      const after = revision.operations.get(key);
      if (after) compareIdentity(op, after, context);
      else reportRemoval(op, revision.paths.has(op.pathKey), context);
    }
    for (const [key, op] of revision.operations) {
      if (!base.operations.has(key)) context.emit('endpoint-added', { operation: op.label, path: op.path }, 'operation added');
    }
  },
};
