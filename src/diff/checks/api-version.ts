import type { ReleaseCheck } from '../context.js';
import { compareSemver, parseSemver, recommendBump } from '../semver.js';
import { idTable } from './define.js';

/**
 * `info.version` judged against the changes found: a description that changed must say so with a
 * new version, never a lower one, and breaking changes call for a new major (0.x: a new minor).
 * Runs after every other check, so an unchanged description reports nothing here either.
 */
export const apiVersion: ReleaseCheck = {
  name: 'api-version',
  ids: idTable(['api-version-not-bumped', 'api-version-decreased', 'api-major-version-not-bumped']),
  compare(base, revision, changes, { emit }) {
    const where = { path: ['info', 'version'] };
    const from = parseSemver(base.version);
    const to = parseSemver(revision.version);
    if (!from || !to || changes.length === 0) return;
    const order = compareSemver(to, from);
    if (order === 0) emit('api-version-not-bumped', where, `info.version is still ${revision.version} although the description changed`, base.version, revision.version);
    else if (order < 0) emit('api-version-decreased', where, `info.version went down from ${base.version} to ${revision.version}`, base.version, revision.version);
    else if (recommendBump(changes) === 'major' && (from.major === 0 ? to.minor === from.minor && to.major === 0 : to.major === from.major)) {
      emit('api-major-version-not-bumped', where, `breaking changes, but info.version ${base.version} → ${revision.version} is not a major release`, base.version, revision.version);
    }
  },
};
