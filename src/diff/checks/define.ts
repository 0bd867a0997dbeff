import { OASDIFF_IDS } from '../oasdiff-ids.js';
import type { Direction, Level } from '../types.js';

/** `overridden`: the level/direction (or the id itself) is apigov's decision, explained in the check. */
export type IdTable = ReadonlyMap<string, { level: Level; direction: Direction; overridden: boolean }>;

/**
 * The ids a check reports, with oasdiff's level and direction. `overrides` holds ids of our own
 * (not in oasdiff's table) or a level we judge differently — each with the reason in the check.
 * An id neither known nor overridden is a programming error, caught when the registry loads.
 */
export function idTable(ids: readonly string[], overrides: Record<string, [Level, Direction]> = {}): IdTable {
  const table = new Map<string, { level: Level; direction: Direction; overridden: boolean }>();
  for (const id of [...ids, ...Object.keys(overrides)]) {
    const known = overrides[id] ?? OASDIFF_IDS[id];
    if (!known) throw new Error(`diff check id "${id}" is neither an oasdiff id nor declared as our own`);
    table.set(id, { level: known[0], direction: known[1], overridden: id in overrides });
  }
  return table;
}

const LOCATIONS = ['body', 'property', 'parameter', 'parameter-property', 'header'] as const;

/** Every `<request|response>-<location>-<suffix>` id that oasdiff defines, for prefix-built ids. */
export function prefixedIds(...suffixes: string[]): string[] {
  const ids: string[] = [];
  for (const direction of ['request', 'response']) {
    for (const location of LOCATIONS) {
      for (const suffix of suffixes) {
        const id = `${direction}-${location}-${suffix}`;
        if (id in OASDIFF_IDS) ids.push(id);
      }
    }
  }
  return ids;
}
