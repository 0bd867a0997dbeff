import type { Finding } from '../report/finding.js';
import { messageHash, placeKey, placeOf, type BaselineEntry } from './fingerprint.js';

export interface BaselineMatch {
  /** The findings the baseline covers. */
  baselined: Set<Finding>;
  /** Entries for the files of this run that matched no finding: debt paid, remove them. */
  fixed: BaselineEntry[];
}

/**
 * Matches findings to entries one to one, per place (rule + file + pointer): entries that carry
 * a message hash take the finding with that message, the others take whichever findings remain
 * there in report order. Findings left over are new; entries left over are fixed. Only entries of
 * files this run looked at can be fixed: linting one spec says nothing about another's debt.
 */
export function matchBaseline(findings: readonly Finding[], entries: readonly BaselineEntry[], baselineDir: string, runFiles: ReadonlySet<string>): BaselineMatch {
  const open = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = placeKey(placeOf(finding, baselineDir));
    const atPlace = open.get(key);
    if (atPlace === undefined) open.set(key, [finding]);
    else atPlace.push(finding);
  }
  const baselined = new Set<Finding>();
  const unmatched: BaselineEntry[] = [];
  const take = (entry: BaselineEntry, accept: (f: Finding) => boolean) => {
    const candidates = open.get(placeKey(entry)) ?? [];
    const index = candidates.findIndex(accept);
    if (index === -1) return false;
    baselined.add(candidates[index]!);
    candidates.splice(index, 1);
    return true;
  };
  const hashed = entries.filter((e) => e.message !== undefined);
  for (const entry of hashed) if (!take(entry, (f) => messageHash(f.message) === entry.message)) unmatched.push(entry);
  for (const entry of entries.filter((e) => e.message === undefined)) if (!take(entry, () => true)) unmatched.push(entry);
  return { baselined, fixed: unmatched.filter((entry) => runFiles.has(entry.file)) };
}
