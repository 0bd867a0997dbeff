import type { DiffContext, OperationCheck } from '../context.js';
import type { OperationModel, ParameterModel } from '../model.js';
import { idTable } from './define.js';
import { judgeDeprecation, removalKind, stabilityOf, type DeprecationIds } from './lifecycle.js';

const describe = (p: ParameterModel) => `${p.in} parameter ${p.name}`;

const DEPRECATION_IDS: DeprecationIds = {
  deprecated: 'request-parameter-deprecated',
  reactivated: 'request-parameter-reactivated',
  sunsetMissing: 'request-parameter-deprecated-sunset-missing',
  sunsetParse: 'request-parameter-sunset-parse',
  sunsetTooSmall: 'request-parameter-sunset-date-too-small',
  sunsetDeleted: 'request-parameter-sunset-deleted',
  sunsetChangedTooSmall: 'request-parameter-sunset-date-changed-too-small',
};

const REMOVAL_IDS = {
  'without-deprecation': 'request-parameter-removed',
  'with-deprecation': 'request-parameter-removed-with-deprecation',
  'before-sunset': 'request-parameter-removed-before-sunset',
  'sunset-parse': 'request-parameter-sunset-parse',
} as const;

function reportAdded(after: ParameterModel, operation: string, { emit }: DiffContext): void {
  const where = { operation, path: after.path };
  // A path parameter is always required; one the base did not declare is a new path segment value.
  const id = after.in === 'path' ? 'new-request-path-parameter' : after.required ? 'new-required-request-parameter' : 'new-optional-request-parameter';
  emit(id, where, `${after.required ? 'required' : 'optional'} ${describe(after)} added`, undefined, after.name);
}

function compareParameter(before: ParameterModel, after: ParameterModel, revision: OperationModel, context: DiffContext): void {
  const where = { operation: revision.label, path: after.path };
  if (after.required && !before.required) context.emit('request-parameter-became-required', where, `${describe(after)} became required`, false, true);
  if (!after.required && before.required) context.emit('request-parameter-became-optional', where, `${describe(after)} became optional`, true, false);
  judgeDeprecation(before, after, stabilityOf(revision, context.revision), DEPRECATION_IDS, describe(after), where, context);
  context.compareSchemas(before.schema, after.schema, 'request', 'parameter', { operation: revision.label, path: after.schemaPath });
}

/**
 * Parameters matched by location and name (header names case-insensitively, path parameters by
 * position). A new required parameter, or one becoming required, breaks every caller; a removed
 * one breaks callers that send it only if the server starts rejecting it, hence warn — unless it
 * was deprecated and its sunset has come. Deprecation follows the lifecycle rules; schemas are
 * walked as requests.
 */
export const parameters: OperationCheck = {
  name: 'parameters',
  description: 'Parameters added, removed, made required or optional, deprecated; their schemas compared as requests.',
  ids: idTable([
    'new-required-request-parameter',
    'new-optional-request-parameter',
    'new-request-path-parameter',
    ...Object.values(REMOVAL_IDS),
    'request-parameter-became-required',
    'request-parameter-became-optional',
    ...Object.values(DEPRECATION_IDS).filter((id) => id !== REMOVAL_IDS['sunset-parse']),
  ]),
  compare(base, revision, context) {
    for (const [key, before] of base.parameters) {
      const after = revision.parameters.get(key);
      if (after) compareParameter(before, after, revision, context);
      else {
        const kind = removalKind(before, context.today);
        context.emit(REMOVAL_IDS[kind], { operation: revision.label, path: before.path }, `${describe(before)} removed${kind === 'before-sunset' ? ` before its sunset ${before.sunset}` : ''}`, before.name, undefined);
      }
    }
    for (const [key, after] of revision.parameters) if (!base.parameters.has(key)) reportAdded(after, revision.label, context);
  },
};
