import type { Change } from '../diff/types.js';
import { pointerSegments } from '../json-pointer.js';
import type { Finding, Severity } from '../report/finding.js';

const SEVERITY: Record<Change['level'], Severity> = { error: 0, warn: 1, info: 2 };

/** The longest leading part of a location that exists in the document (a removed thing points at its parent). */
function existingPrefix(data: unknown, location: string[]): string[] {
  const found: string[] = [];
  let node = data;
  for (const segment of location) {
    if (node === null || typeof node !== 'object' || !(segment in (node as object))) break;
    node = (node as Record<string, unknown>)[segment];
    found.push(segment);
  }
  return found;
}

/**
 * A diff change as a finding in the spec at head, so every lint format (SARIF, JUnit, GitHub
 * annotations...) can carry `check`'s breaking changes next to its lint findings: the rule is the
 * change id, the place is where the change is in the new spec, or its nearest surviving parent
 * (`change.range`, from the diff engine's locator).
 */
export function changeAsFinding(change: Change, source: string, head: unknown): Finding {
  return {
    ruleId: change.id,
    severity: SEVERITY[change.level],
    message: change.operation ? `${change.operation}: ${change.message}` : change.message,
    source,
    path: existingPrefix(head, change.pointer === undefined ? [] : pointerSegments(change.pointer)),
    range: change.range,
    origin: 'diff',
  };
}
