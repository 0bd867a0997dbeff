import type { DiffContext, OperationCheck, Where } from '../context.js';
import type { ApiModel, OperationModel } from '../model.js';
import { addDays, sunsetDay } from '../dates.js';
import { idTable } from './define.js';

const STABILITY = ['draft', 'alpha', 'beta', 'stable'];

/** An operation or a parameter, as far as deprecation goes. */
export interface Deprecatable {
  deprecated: boolean;
  sunset?: string;
}

/** The ids one kind of element (operation, parameter) reports its deprecation under. */
export interface DeprecationIds {
  deprecated: string;
  deprecatedWithSunset?: string;
  reactivated: string;
  sunsetMissing: string;
  sunsetParse: string;
  sunsetTooSmall: string;
  sunsetDeleted: string;
  sunsetChangedTooSmall: string;
}

/** An operation's stability: its own `x-stability-level`, else the API's (info), else stable. */
export function stabilityOf(op: OperationModel, api: ApiModel): string {
  return op.stability ?? api.stability ?? 'stable';
}

/**
 * Days of notice a deprecation must give before its sunset date: none for draft and alpha
 * (they may change at any time), 31 for beta, 180 for stable — oasdiff's command-line defaults.
 */
export function noticeDays(stability: string): number {
  return stability === 'draft' || stability === 'alpha' ? 0 : stability === 'beta' ? 31 : 180;
}

/**
 * How a removed element had been announced. The sunset date is the day it may stop working
 * (RFC 8594), so removing it on that day is allowed; a date that cannot be read announces nothing.
 */
export function removalKind(element: Deprecatable, today: string): 'without-deprecation' | 'with-deprecation' | 'before-sunset' | 'sunset-parse' {
  if (!element.deprecated) return 'without-deprecation';
  if (element.sunset === undefined) return 'with-deprecation';
  const day = sunsetDay(element.sunset);
  if (day === undefined) return 'sunset-parse';
  return day > today ? 'before-sunset' : 'with-deprecation';
}

/**
 * One deprecation transition, reported once: deprecating is information, unless the sunset date
 * is missing (when the stability promises notice), unreadable, or too close for that notice.
 * Already deprecated, the sunset may not be dropped or pulled inside the notice period.
 */
export function judgeDeprecation(before: Deprecatable, after: Deprecatable, stability: string, ids: DeprecationIds, what: string, where: Where, { emit, today }: DiffContext): void {
  const notice = noticeDays(stability);
  const deadline = addDays(today, notice);
  const day = sunsetDay(after.sunset);
  if (!before.deprecated && after.deprecated) {
    if (after.sunset === undefined) {
      emit(notice > 0 ? ids.sunsetMissing : ids.deprecated, where, `${what} deprecated${notice > 0 ? ` without an x-sunset date (${stability} needs ${notice} days' notice)` : ''}`);
    } else if (day === undefined) emit(ids.sunsetParse, where, `${what} deprecated with x-sunset "${after.sunset}", which is not a date`, undefined, after.sunset);
    else if (day < deadline) emit(ids.sunsetTooSmall, where, `${what} deprecated with sunset ${day}, less than the ${notice} days' notice ${stability} needs`, undefined, day);
    else emit(ids.deprecatedWithSunset ?? ids.deprecated, where, `${what} deprecated, sunset ${day}`, undefined, day);
  } else if (before.deprecated && !after.deprecated) {
    emit(ids.reactivated, where, `${what} no longer deprecated`);
  } else if (before.deprecated && after.deprecated && before.sunset !== after.sunset) {
    if (after.sunset === undefined) emit(ids.sunsetDeleted, where, `${what}: x-sunset ${before.sunset} removed`, before.sunset, undefined);
    else if (day === undefined) emit(ids.sunsetParse, where, `${what}: x-sunset "${after.sunset}" is not a date`, before.sunset, after.sunset);
    else {
      const was = sunsetDay(before.sunset);
      if (was !== undefined && day < was && day < deadline) {
        emit(ids.sunsetChangedTooSmall, where, `${what}: sunset moved from ${was} to ${day}, inside the ${notice} days' notice ${stability} needs`, was, day);
      }
    }
  }
}

const OPERATION_IDS: DeprecationIds = {
  deprecated: 'endpoint-deprecated',
  deprecatedWithSunset: 'endpoint-deprecated-with-sunset',
  reactivated: 'endpoint-reactivated',
  sunsetMissing: 'api-deprecated-sunset-missing',
  sunsetParse: 'api-deprecated-sunset-parse',
  sunsetTooSmall: 'api-sunset-date-too-small',
  sunsetDeleted: 'sunset-deleted',
  sunsetChangedTooSmall: 'api-sunset-date-changed-too-small',
};

/**
 * Operation deprecation, sunset dates and `x-stability-level`. Deprecating is information, but a
 * deprecation must leave clients the notice its stability promises, and a stable operation going
 * back to beta withdraws a promise. Only what changed is judged: an odd value already in the base
 * is the linter's business, so `diff(x, x)` stays empty.
 */
export const lifecycle: OperationCheck = {
  name: 'lifecycle',
  description: 'Deprecation, x-sunset dates with enough notice for the stability level, and x-stability-level moving down.',
  ids: idTable([...Object.values(OPERATION_IDS), 'api-stability-decreased', 'api-stability-increased', 'api-invalid-stability-level']),
  compare(base, revision, context) {
    const where = { operation: revision.label, path: revision.path };
    const from = stabilityOf(base, context.base);
    const to = stabilityOf(revision, context.revision);
    judgeDeprecation(base, revision, to, OPERATION_IDS, 'operation', where, context);
    if (from === to) return;
    const [rankFrom, rankTo] = [STABILITY.indexOf(from), STABILITY.indexOf(to)];
    if (rankTo === -1) context.emit('api-invalid-stability-level', where, `x-stability-level "${to}" is not one of ${STABILITY.join(', ')}`, from, to);
    else if (rankFrom !== -1 && rankTo < rankFrom) context.emit('api-stability-decreased', where, `stability decreased from ${from} to ${to}`, from, to);
    else if (rankFrom !== -1 && rankTo > rankFrom) context.emit('api-stability-increased', where, `stability increased from ${from} to ${to}`, from, to);
  },
};
