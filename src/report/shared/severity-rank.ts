import { SEVERITY_NAMES, type SeverityName } from '../finding.js';

/**
 * Lint severities and diff levels share names (a diff level is `error`, `warn` or `info`), so
 * the formats written for both rank and map them through this one table.
 */
export function severityRank(name: SeverityName): number {
  return SEVERITY_NAMES.indexOf(name);
}

/** Stable worst-first order: equal severities keep the report's own (file, line) order. */
export function worstFirst<T>(items: readonly T[], severityOf: (item: T) => SeverityName): T[] {
  return items
    .map((item, index) => ({ item, index, rank: severityRank(severityOf(item)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}

/** `3 errors, 1 warning, 0 infos, 2 hints` — plural nouns a reader expects. */
export function countPhrase(count: number, severity: SeverityName): string {
  const noun = { error: 'error', warn: 'warning', info: 'info', hint: 'hint' }[severity];
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
