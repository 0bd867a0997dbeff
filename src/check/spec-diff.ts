import path from 'node:path';
import { withChanges, type DiffReport } from '../diff/report.js';
import { isApigovError } from '../errors.js';
import type { BaseRef } from './base-ref.js';
import { applyPolicy, type EffectivePolicy } from './diff-policy.js';

export interface SpecDiff {
  diff?: DiffReport;
  note?: string;
}

/**
 * Diffs a spec against its version at the base commit with the diff engine (which reads `$ref`ed
 * files from the same commit), then applies the policy's levels. A base version the engine cannot
 * read (broken at base, a dangling $ref) is not a reason to block the branch that may fix it: the
 * spec is then judged as new, with a note saying why.
 */
export async function diffAgainstBase(source: string, base: BaseRef, policy: EffectivePolicy, cwd: string, today: string): Promise<SpecDiff> {
  const { runDiff } = await import('../diff/run.js');
  let report: DiffReport;
  try {
    report = await runDiff(`${base.commit}:${source}`, source, { cwd, allowRemote: false, today });
  } catch (error) {
    if (!isApigovError(error)) throw error;
    return { note: `cannot compare with the base version, so all of it is judged as new: ${error.message}` };
  }
  const relative = path.relative(cwd, source) || source;
  return { diff: { ...withChanges(report, applyPolicy(report.changes, policy)), base: `${base.label}:${relative}`, revision: relative } };
}
