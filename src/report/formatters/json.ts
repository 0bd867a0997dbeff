import type { Formatter } from './types.js';

/**
 * Spectral CLI's `-f json` shape, so anything that reads Spectral output reads ours:
 * an array of {code, path, message, severity, range, source}.
 */
export const json: Formatter = (report) => {
  const rows = report.findings.map((finding) => ({
    code: finding.ruleId,
    path: finding.path,
    message: finding.message,
    severity: finding.severity,
    range: finding.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    source: finding.source,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
};
