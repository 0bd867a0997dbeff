import type { Change } from './types.js';

export interface Semver {
  major: number;
  minor: number;
  patch: number;
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';
const BUMPS: Bump[] = ['none', 'patch', 'minor', 'major'];

export function parseSemver(version: string | undefined): Semver | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version ?? '');
  return match ? { major: Number(match[1]), minor: Number(match[2] ?? 0), patch: Number(match[3] ?? 0) } : undefined;
}

export function compareSemver(a: Semver, b: Semver): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

function bumpBetween(from: Semver, to: Semver): Bump {
  if (to.major > from.major) return 'major';
  if (to.major === from.major && to.minor > from.minor) return 'minor';
  if (to.major === from.major && to.minor === from.minor && to.patch > from.patch) return 'patch';
  return 'none';
}

// Additions a client can start using: they call for a minor release.
const ADDITIVE = /(^endpoint-added$|^new-optional-|-added$|-added-optional$|-generalized$|became-optional$|-reactivated$)/;

/**
 * The release the changes call for: breaking (error) → major; additions → minor; anything
 * else → patch; no change → none. 0.x versions may break in a minor release, as semver allows.
 */
export function recommendBump(changes: readonly Change[]): Bump {
  if (changes.some((c) => c.level === 'error')) return 'major';
  if (changes.some((c) => ADDITIVE.test(c.id))) return 'minor';
  return changes.length > 0 ? 'patch' : 'none';
}

export interface SemverVerdict {
  recommended: Bump;
  actual: Bump | 'unknown';
  base?: string;
  revision?: string;
  sufficient: boolean;
}

// Only MAJOR.MINOR.PATCH versions say how big a release is; calendar versions (2024-06-01) do not.
const SEMVER = /^v?\d+\.\d+\.\d+(?:[-+].*)?$/;

export function judgeVersion(changes: Change[], baseVersion: string | undefined, revisionVersion: string | undefined): SemverVerdict {
  const recommended = recommendBump(changes);
  const from = SEMVER.test(baseVersion ?? '') ? parseSemver(baseVersion) : undefined;
  const to = SEMVER.test(revisionVersion ?? '') ? parseSemver(revisionVersion) : undefined;
  if (!from || !to) {
    // Without semver, the most we can ask is that a changed description has a changed version.
    const sufficient = recommended === 'none' || (baseVersion !== undefined && baseVersion !== revisionVersion);
    return { recommended, actual: 'unknown', base: baseVersion, revision: revisionVersion, sufficient };
  }
  const actual = bumpBetween(from, to);
  const needed = from.major === 0 && recommended === 'major' ? 'minor' : recommended;
  return { recommended, actual, base: baseVersion, revision: revisionVersion, sufficient: BUMPS.indexOf(actual) >= BUMPS.indexOf(needed) };
}
