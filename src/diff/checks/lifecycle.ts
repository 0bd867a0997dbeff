import type { OperationCheck } from '../context.js';
import { idTable } from './define.js';

const STABILITY = ['draft', 'alpha', 'beta', 'stable'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Deprecation, sunset dates and `x-stability-level`. Deprecating is information, but a
 * deprecation without a (valid) sunset date leaves clients no deadline, a sunset moved earlier
 * shortens theirs, and a stable operation going back to beta withdraws a promise.
 */
export const lifecycle: OperationCheck = {
  name: 'lifecycle',
  ids: idTable([
    'endpoint-deprecated',
    'endpoint-deprecated-with-sunset',
    'endpoint-reactivated',
    'api-deprecated-sunset-missing',
    'api-deprecated-sunset-parse',
    'api-sunset-date-changed-too-small',
    'sunset-deleted',
    'api-stability-decreased',
    'api-stability-increased',
    'api-invalid-stability-level',
  ]),
  compare(base, revision, { emit, today }) {
    const where = { operation: revision.label, path: revision.path };
    if (!base.deprecated && revision.deprecated) {
      if (revision.sunset === undefined) emit('api-deprecated-sunset-missing', where, 'deprecated without an x-sunset date');
      else if (!ISO_DATE.test(revision.sunset)) emit('api-deprecated-sunset-parse', where, `x-sunset "${revision.sunset}" is not a date`, undefined, revision.sunset);
      else emit('endpoint-deprecated-with-sunset', where, `deprecated, sunset ${revision.sunset}`, undefined, revision.sunset);
      if (revision.sunset === undefined) emit('endpoint-deprecated', where, 'deprecated');
    } else if (base.deprecated && !revision.deprecated) {
      emit('endpoint-reactivated', where, 'no longer deprecated');
    }
    if (base.sunset !== undefined && revision.deprecated) {
      if (revision.sunset === undefined) emit('sunset-deleted', where, `x-sunset ${base.sunset} removed`, base.sunset, undefined);
      else if (revision.sunset < base.sunset && revision.sunset > today) {
        emit('api-sunset-date-changed-too-small', where, `sunset moved earlier, from ${base.sunset} to ${revision.sunset}`, base.sunset, revision.sunset);
      }
    }
    const from = STABILITY.indexOf(base.stability ?? 'stable');
    const to = STABILITY.indexOf(revision.stability ?? 'stable');
    if (to === -1) emit('api-invalid-stability-level', where, `x-stability-level "${revision.stability}" is not one of ${STABILITY.join(', ')}`, undefined, revision.stability);
    else if (from !== -1 && to < from) emit('api-stability-decreased', where, `stability decreased from ${STABILITY[from]} to ${STABILITY[to]}`, STABILITY[from], STABILITY[to]);
    else if (from !== -1 && to > from) emit('api-stability-increased', where, `stability increased from ${STABILITY[from]} to ${STABILITY[to]}`, STABILITY[from], STABILITY[to]);
  },
};
