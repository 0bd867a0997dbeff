import { UsageError } from '../errors.js';

/** What apigov accepts from an untrusted spec (and every file it references) before parsing it. */
export interface SpecLimits {
  /** Largest file, in bytes. The biggest APIs.guru description is 47 MB, GitHub's 13 MB. */
  maxBytes: number;
  /**
   * Deepest nesting of mappings and sequences. Parsers recurse, so depth is stack: on Node 20's
   * main thread the yaml package overflows at ~945 nested flow sequences, Spectral's parser at
   * ~1,430 block ones; the deepest APIs.guru description nests 34 levels.
   */
  maxDepth: number;
  /** Most nodes YAML aliases (and merge keys) may add when expanded: a 424-byte "billion laughs" adds 10^9. */
  maxAliasNodes: number;
}

export const DEFAULT_SPEC_LIMITS: Readonly<SpecLimits> = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 500,
  maxAliasNodes: 1_000_000,
});

export const MAX_BYTES_VARIABLE = 'APIGOV_MAX_SPEC_BYTES';

/** The limits a run uses: the defaults, with the size cap from APIGOV_MAX_SPEC_BYTES when set. */
export function specLimitsFromEnv(env: Record<string, string | undefined>): SpecLimits {
  const raw = env[MAX_BYTES_VARIABLE];
  if (raw === undefined || raw.trim() === '') return { ...DEFAULT_SPEC_LIMITS };
  const bytes = Number(raw.trim());
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError(`${MAX_BYTES_VARIABLE}: must be a whole number of bytes, at least 1 (got "${raw}")`);
  return { ...DEFAULT_SPEC_LIMITS, maxBytes: bytes };
}

/** "64 MB", "1.5 kB", "120 bytes": sizes in messages. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
