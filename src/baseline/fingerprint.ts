import { createHash } from 'node:crypto';
import path from 'node:path';
import { jsonPointer } from '../json-pointer.js';
import type { Finding } from '../report/finding.js';

/**
 * What identifies a finding across edits: the rule, the file (relative to the baseline's folder,
 * `/`-separated) and the JSON pointer of the finding in the API. No line numbers, so moving or
 * reformatting a spec keeps it matched. `message` (a short hash of the message) is set only
 * where several findings share rule, file and pointer, to tell them apart.
 */
export interface BaselineEntry {
  rule: string;
  file: string;
  path: string;
  message?: string;
}

export function messageHash(message: string): string {
  return createHash('sha256').update(message).digest('hex').slice(0, 12);
}

export function baselineFile(source: string, baselineDir: string): string {
  return path.relative(baselineDir, source).split(path.sep).join('/');
}

/** rule + file + pointer: the key findings and entries are grouped by. */
export function placeKey(entry: Pick<BaselineEntry, 'rule' | 'file' | 'path'>): string {
  return `${entry.rule}\u0000${entry.file}\u0000${entry.path}`;
}

export function placeOf(finding: Finding, baselineDir: string): Pick<BaselineEntry, 'rule' | 'file' | 'path'> {
  return { rule: finding.ruleId, file: baselineFile(finding.source, baselineDir), path: jsonPointer(finding.path) };
}

export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  for (const key of ['file', 'path', 'rule', 'message'] as const) {
    const left = a[key] ?? '';
    const right = b[key] ?? '';
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/** Entries for the current findings: sorted, with message hashes only where a place repeats. */
export function entriesFor(findings: readonly Finding[], baselineDir: string): BaselineEntry[] {
  const byPlace = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = placeKey(placeOf(finding, baselineDir));
    byPlace.set(key, [...(byPlace.get(key) ?? []), finding]);
  }
  const entries: BaselineEntry[] = [];
  for (const group of byPlace.values()) {
    for (const finding of group) {
      const place = placeOf(finding, baselineDir);
      entries.push(group.length > 1 ? { ...place, message: messageHash(finding.message) } : place);
    }
  }
  return entries.sort(compareEntries);
}
