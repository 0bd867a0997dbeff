import type { ReleaseCheck } from '../context.js';
import { compareSemver, parseSemver, recommendBump, type Semver } from '../semver.js';
import { idTable } from './define.js';

// A whole semantic version, `v` allowed: only these are ordered and judged for a major bump.
// Calendar versions (`2024-06-01`) and free text are only checked for having changed.
const SEMVER = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const CALENDAR = /^\d{4}-\d{2}-\d{2}$/;
const RELEASE = /^v?\d+\.\d+\.\d+$/;

/** Whether `to` is a release that may break `from`: a new major, or in 0.x a new minor (semver §4). */
function allowsBreaking(from: Semver, to: Semver): boolean {
  return from.major === 0 ? to.major > 0 || to.minor > from.minor : to.major > from.major;
}

/** -1, 0 or 1 between two versions of one scheme; undefined when they cannot be ordered. */
function order(from: string, to: string): number | undefined {
  if (SEMVER.test(from) && SEMVER.test(to)) return Math.sign(compareSemver(parseSemver(to)!, parseSemver(from)!));
  if (CALENDAR.test(from) && CALENDAR.test(to)) return to === from ? 0 : to > from ? 1 : -1;
  return undefined;
}

/**
 * `info.version` judged against the changes found: a description that changed must say so with a
 * new version, never a lower one, and breaking changes call for a new major (0.x: a new minor).
 * Runs after every other check, so an unchanged description reports nothing here either.
 * Versions differing only in a pre-release or build suffix (`2.0.0-beta.1` → `2.0.0-beta.2`) count
 * as bumped, and pre-releases promise no compatibility, so they are not held to the major rule.
 */
export const apiVersion: ReleaseCheck = {
  name: 'api-version',
  description: 'info.version must change with the description, never go down, and take a new major for breaking changes (a new minor in 0.x).',
  ids: idTable(['api-version-not-bumped', 'api-version-decreased', 'api-major-version-not-bumped']),
  compare(base, revision, changes, { emit }) {
    const where = { path: ['info', 'version'] };
    const [from, to] = [base.version, revision.version];
    if (changes.length === 0 || from === undefined || to === undefined) return;
    if (from === to) {
      emit('api-version-not-bumped', where, `info.version is still ${to} although the description changed`, from, to);
      return;
    }
    const direction = order(from, to);
    if (direction !== undefined && direction < 0) emit('api-version-decreased', where, `info.version went down from ${from} to ${to}`, from, to);
    if (direction === 1 && RELEASE.test(from) && RELEASE.test(to) && recommendBump(changes) === 'major' && !allowsBreaking(parseSemver(from)!, parseSemver(to)!)) {
      emit('api-major-version-not-bumped', where, `breaking changes, but info.version ${from} → ${to} is not a major release${parseSemver(from)!.major === 0 ? ' (0.x: a new minor)' : ''}`, from, to);
    }
  },
};
