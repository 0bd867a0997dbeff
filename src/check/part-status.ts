import type { Applies } from '../config/types.js';
import { partOf, specParts } from './spec-parts.js';

/** How a part of the spec at head relates to the base. */
export type PartStatus = 'added' | 'changed' | 'unchanged';

/**
 * Compares base and head part by part. Without a base (the spec is new) every part is added.
 * Returns the status of the part a location lies in.
 */
export function partStatuses(base: unknown | undefined, head: unknown): (location: readonly (string | number)[]) => PartStatus {
  const headParts = specParts(head);
  const baseParts = base === undefined ? undefined : specParts(base);
  return (location) => {
    if (!baseParts) return 'added';
    const key = partOf(location);
    const before = baseParts.get(key);
    if (before === undefined) return 'added';
    return before === headParts.get(key) ? 'unchanged' : 'changed';
  };
}

/** Whether a rule with this `applies` judges a part with this status. */
export function appliesTo(applies: Applies, status: PartStatus): boolean {
  if (applies === 'always') return true;
  if (applies === 'added') return status === 'added';
  return status !== 'unchanged';
}
