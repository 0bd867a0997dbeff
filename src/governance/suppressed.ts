import type { SuppressedFinding } from '../report/finding.js';
import { BASELINE_SUPPRESSION, suppressionOf } from '../waivers/suppression.js';
import type { JudgedFinding } from './govern.js';

/**
 * Waived and baselined findings with why they do not count, for formats that record them as
 * suppressed (SARIF). Not-judged findings are left out: no one accepted them, `check` merely does
 * not look at untouched legacy for that rule, and lint does not report them either.
 */
export function suppressedFindings(judged: readonly JudgedFinding[]): SuppressedFinding[] {
  const suppressed: SuppressedFinding[] = [];
  for (const { finding, status, waiver } of judged) {
    if (status === 'waived' && waiver) suppressed.push({ finding, suppression: suppressionOf(waiver) });
    else if (status === 'baselined') suppressed.push({ finding, suppression: BASELINE_SUPPRESSION });
  }
  return suppressed;
}
