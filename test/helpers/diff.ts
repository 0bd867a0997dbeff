import { runDiff } from '../../src/diff/run.js';
import type { Change } from '../../src/diff/types.js';

/** The fixed day sunset dates in fixtures are judged against. */
export const FIXTURE_TODAY = '2026-06-01';

export async function diffFiles(base: string, revision: string): Promise<Change[]> {
  return (await runDiff(base, revision, { cwd: process.cwd(), allowRemote: false, today: FIXTURE_TODAY })).changes;
}

/** `<id> <path>` per change, sorted: the form of fixtures/diff/<check>/<case>/expected.txt. */
export function idLines(changes: Change[]): string[] {
  return changes.map((c) => `${c.id} ${c.path}`).sort();
}
