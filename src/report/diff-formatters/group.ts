import type { Change } from '../../diff/types.js';
import { compareText } from '../../text-order.js';

/** Changes grouped by operation (API-wide ones under ""), groups with breaking changes first. */
export function groupByOperation(changes: Change[]): Array<[string, Change[]]> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const key = change.operation ?? '';
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const worst = (list: Change[]) => Math.min(...list.map((c) => ({ error: 0, warn: 1, info: 2 })[c.level]));
  return [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]) || compareText(a[0], b[0]));
}
