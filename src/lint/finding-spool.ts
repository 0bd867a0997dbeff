import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Finding, Severity } from '../report/finding.js';
import { compareFindings } from '../report/sort.js';
import { tempRoot } from '../runtime/temp-root.js';

type Piece = [offset: number, length: number];

/**
 * The findings of a many-file run, kept on disk instead of in memory: a whole-corpus run has
 * close to two million, and holding them all until the one sorted report is written grew the
 * main thread by gigabytes. Each file's findings are appended to a temporary file as one JSON
 * line per source file they point into; the report is read back one source at a time, in report
 * order (findings sort by source first), so memory holds one source's findings at once.
 * Whoever creates one closes it, which removes the temporary folder.
 */
export class FindingSpool {
  private readonly dir = mkdtempSync(path.join(tempRoot(), 'apigov-spool-'));
  private readonly fd = openSync(path.join(this.dir, 'findings.jsonl'), 'w+');
  private readonly pieces = new Map<string, Piece[]>();
  private readonly ruleIds = new Set<string>();
  private readonly severities = new Set<Severity>();
  private end = 0;
  private closed = false;
  private added = 0;

  add(findings: readonly Finding[]): void {
    const bySource = new Map<string, Finding[]>();
    for (const finding of findings) {
      let group = bySource.get(finding.source);
      if (group === undefined) bySource.set(finding.source, (group = []));
      group.push(finding);
      this.ruleIds.add(finding.ruleId);
      this.severities.add(finding.severity);
    }
    for (const [source, group] of bySource) {
      const bytes = Buffer.from(`${JSON.stringify(group)}\n`, 'utf8');
      writeSync(this.fd, bytes, 0, bytes.length, this.end);
      let list = this.pieces.get(source);
      if (list === undefined) this.pieces.set(source, (list = []));
      list.push([this.end, bytes.length]);
      this.end += bytes.length;
    }
    this.added += findings.length;
  }

  /** How many findings were added. */
  get count(): number {
    return this.added;
  }

  /** The rule ids that fired, for the report's rule descriptions. */
  firedRules(): ReadonlySet<string> {
    return this.ruleIds;
  }

  /** Whether some finding is at or above a severity (numerically at most). */
  hasAtOrAbove(threshold: Severity): boolean {
    for (const severity of this.severities) if (severity <= threshold) return true;
    return false;
  }

  sources(): string[] {
    return [...this.pieces.keys()].sort(compareText);
  }

  /** Every finding in report order, read back one source file at a time. */
  *findings(): Generator<Finding> {
    for (const source of this.sources()) {
      const group: Finding[] = [];
      for (const [offset, length] of this.pieces.get(source)!) {
        const bytes = Buffer.alloc(length);
        readSync(this.fd, bytes, 0, length, offset);
        for (const finding of JSON.parse(bytes.toString('utf8')) as Finding[]) group.push(finding);
      }
      yield* group.sort(compareFindings);
    }
  }

  readonly close = (): void => {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
