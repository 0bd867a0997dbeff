import type { ApigovConfig, Waiver } from '../config/types.js';
import type { LinePosition } from '../load/yaml-positions.js';
import type { Finding, Range } from '../report/finding.js';
import type { ScopedWaiver, WaiverResult } from './apply-waivers.js';
import { IGNORE_KEY, type InlineIgnore } from './inline-ignores.js';

export const WAIVER_EXPIRED = 'apigov-waiver-expired';
export const WAIVER_UNUSED = 'apigov-waiver-unused';

/** Findings about waivers are never baselined: an expired waiver must be renewed or removed. */
export function isWaiverFinding(finding: Finding): boolean {
  return finding.ruleId === WAIVER_EXPIRED || finding.ruleId === WAIVER_UNUSED;
}

function rangeAt(position: LinePosition | undefined): Range | undefined {
  if (!position) return undefined;
  const start = { line: position.line - 1, character: position.column - 1 };
  return { start, end: start };
}

function place(waiver: Waiver): string {
  const where = waiver.operation ?? waiver.path;
  return `${waiver.rule}${where ? ` at ${where}` : ''}`;
}

function configFinding(config: ApigovConfig, waiver: Waiver, ruleId: string, severity: 0 | 1, message: string): Finding {
  const path = ['waivers', waiver.index];
  return { ruleId, severity, message, source: config.file, path, range: rangeAt(config.locate(path)), origin: 'lint' };
}

/**
 * Findings about the waivers themselves. An expired waiver is an error: the debt it excused is
 * due, and the finding names the waiver so its owner can renew or remove it. A waiver that waived
 * nothing is a warning, so stale exceptions are cleaned up instead of silently covering a later
 * regression. `inScope` says whether this run looked at every spec a waiver could apply to.
 */
export function waiverFindings(
  config: ApigovConfig | undefined,
  waivers: readonly ScopedWaiver[],
  inline: readonly InlineIgnore[],
  result: WaiverResult,
  today: string,
  inScope: (waiver: ScopedWaiver) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  for (const scoped of waivers) {
    const { waiver } = scoped;
    if (waiver.expires < today) {
      findings.push(configFinding(config!, waiver, WAIVER_EXPIRED, 0, `waiver for ${place(waiver)} (owner: ${waiver.owner}) expired on ${waiver.expires}: ${waiver.reason}`));
    } else if (!result.usedWaivers.has(waiver) && inScope(scoped)) {
      findings.push(configFinding(config!, waiver, WAIVER_UNUSED, 1, `waiver for ${place(waiver)} (owner: ${waiver.owner}) waives nothing; remove it`));
    }
  }
  for (const ignore of inline) {
    const used = result.usedInline.get(ignore) ?? new Set<string>();
    for (const rule of ignore.rules.filter((r) => !used.has(r))) {
      findings.push({ ruleId: WAIVER_UNUSED, severity: 1, message: `${IGNORE_KEY} of ${rule} waives nothing here; remove it`, source: ignore.source, path: [...ignore.location, IGNORE_KEY], range: rangeAt(ignore.position), origin: 'lint' });
    }
  }
  return findings;
}
