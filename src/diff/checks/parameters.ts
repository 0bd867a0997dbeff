import type { OperationCheck } from '../context.js';
import type { ParameterModel } from '../model.js';
import { idTable } from './define.js';

const describe = (p: ParameterModel) => `${p.in} parameter ${p.name}`;

/**
 * Parameters matched by location and name (path parameters by position). A new required
 * parameter, or one becoming required, breaks every caller; a removed one breaks callers that
 * send it only if the server starts rejecting it, hence warn. Their schemas are walked as requests.
 */
export const parameters: OperationCheck = {
  name: 'parameters',
  ids: idTable([
    'new-required-request-parameter',
    'new-optional-request-parameter',
    'request-parameter-removed',
    'request-parameter-removed-with-deprecation',
    'request-parameter-removed-before-sunset',
    'request-parameter-became-required',
    'request-parameter-became-optional',
  ]),
  compare(base, revision, { emit, compareSchemas, today }) {
    for (const [key, before] of base.parameters) {
      const after = revision.parameters.get(key);
      const where = { operation: revision.label, path: (after ?? before).path };
      if (!after) {
        const kind = !before.deprecated ? '' : before.sunset !== undefined && before.sunset > today ? '-before-sunset' : '-with-deprecation';
        emit(`request-parameter-removed${kind}`, where, `${describe(before)} removed`, before.name, undefined);
        continue;
      }
      if (after.required && !before.required) emit('request-parameter-became-required', where, `${describe(after)} became required`, false, true);
      if (!after.required && before.required) emit('request-parameter-became-optional', where, `${describe(after)} became optional`, true, false);
      compareSchemas(before.schema, after.schema, 'request', 'parameter', { operation: revision.label, path: [...after.path, 'schema'] });
    }
    for (const [key, after] of revision.parameters) {
      if (base.parameters.has(key)) continue;
      const where = { operation: revision.label, path: after.path };
      emit(after.required ? 'new-required-request-parameter' : 'new-optional-request-parameter', where, `${after.required ? 'required' : 'optional'} ${describe(after)} added`, undefined, after.name);
    }
  },
};
