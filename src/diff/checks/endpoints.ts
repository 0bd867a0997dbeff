import type { ApiCheck } from '../context.js';
import { normalizePathTemplate, type OperationModel } from '../model.js';
import { idTable } from './define.js';

function removalKind(op: OperationModel, today: string): 'without-deprecation' | 'before-sunset' | 'with-deprecation' {
  if (!op.deprecated) return 'without-deprecation';
  return op.sunset !== undefined && op.sunset > today ? 'before-sunset' : 'with-deprecation';
}

/**
 * Operations that disappear or appear. Removing an operation breaks its callers unless it was
 * deprecated and its sunset date has passed; a whole path going away gets the path-level id.
 */
export const endpoints: ApiCheck = {
  name: 'endpoints',
  ids: idTable([
    'endpoint-added',
    'api-path-removed-without-deprecation',
    'api-path-removed-with-deprecation',
    'api-path-removed-before-sunset',
    'api-removed-without-deprecation',
    'api-removed-with-deprecation',
    'api-removed-before-sunset',
  ]),
  compare(base, revision, { emit, today }) {
    for (const [key, op] of base.operations) {
      if (revision.operations.has(key)) continue;
      const scope = revision.paths.has(normalizePathTemplate(op.pathTemplate)) ? 'api' : 'api-path';
      const kind = removalKind(op, today);
      const why = kind === 'without-deprecation' ? 'without deprecation' : kind === 'before-sunset' ? `before its sunset date ${op.sunset}` : 'after deprecation';
      emit(`${scope}-removed-${kind}`, { operation: op.label, path: op.path }, `${scope === 'api' ? 'operation' : 'path'} removed ${why}`);
    }
    for (const [key, op] of revision.operations) {
      if (!base.operations.has(key)) emit('endpoint-added', { operation: op.label, path: op.path }, 'operation added');
    }
  },
};
