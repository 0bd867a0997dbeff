import type { Range } from '../report/finding.js';

export type Level = 'error' | 'warn' | 'info';
export type Direction = 'request' | 'response' | 'none';

/** What a check can report: an id (oasdiff's where the concept is the same), its level and side. */
export interface CheckId {
  id: string;
  level: Level;
  direction: Direction;
}

/** One difference between base and revision that a check judged. */
export interface Change {
  id: string;
  level: Level;
  direction: Direction;
  /** `GET /pets/{petId}` — the operation it concerns, when it concerns one. */
  operation?: string;
  /** Where in the description: a JSON-pointer-like path, with property paths after the operation part. */
  path: string;
  /**
   * RFC 6901 pointer of the object the change concerns in the description (for schema changes,
   * the schema the property path in `path` starts from), for reports that name locations.
   */
  pointer?: string;
  /** Where `pointer` (or its deepest surviving parent) is in the revision's text, 0-based; only when asked for. */
  range?: Range;
  message: string;
  base?: unknown;
  revision?: unknown;
}

export const LEVEL_RANK: Record<Level, number> = { error: 0, warn: 1, info: 2 };
