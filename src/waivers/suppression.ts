import type { Suppression } from '../report/finding.js';
import type { WaiverNote } from './subject.js';

/** A baselined finding: known debt, accepted when the baseline was recorded. */
export const BASELINE_SUPPRESSION: Suppression = { kind: 'baseline', justification: 'baseline' };

/** How a waiver is recorded in machine reports: its reason, owner and expiry, or where the inline ignore is. */
export function suppressionOf(note: WaiverNote): Suppression {
  if (note.kind === 'inline') return { kind: 'inline', justification: `waived in the spec by ${note.declaredAt}`, declaredAt: note.declaredAt };
  return { kind: 'waiver', justification: note.reason ?? '', owner: note.owner, expires: note.expires, declaredAt: note.declaredAt };
}
