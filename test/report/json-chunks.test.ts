import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/report/finding.js';
import { json, jsonChunks } from '../../src/report/formatters/json.js';

function reportWith(count: number): Report {
  const findings: Finding[] = Array.from({ length: count }, (_, i) => ({
    ruleId: `rule-${i % 7}`,
    severity: (['error', 'warn', 'info', 'hint'] as const)[i % 4],
    message: `message ${i} with "quotes", a \\ and ünïcode`,
    source: `/specs/spec-${i % 3}.yaml`,
    path: ['paths', `/items/${i}`, 'get', 'responses', i % 5],
    ...(i % 11 === 0 ? {} : { range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } } }),
    origin: 'lint' as const,
  }));
  return { findings, failures: [], sources: [] } as unknown as Report;
}

const spectralShape = (report: Report) =>
  `${JSON.stringify(
    report.findings.map((f) => ({ code: f.ruleId, path: f.path, message: f.message, severity: f.severity, range: f.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, source: f.source })),
    null,
    2,
  )}\n`;

describe('json output in pieces', () => {
  it('joins to exactly JSON.stringify(rows, null, 2), over many pieces', () => {
    const report = reportWith(12_000);
    const chunks = [...jsonChunks(report)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((chunk) => chunk.length <= (1 << 20) + 2_000)).toBe(true);
    expect(chunks.join('')).toBe(spectralShape(report));
    expect(JSON.parse(json(report))).toHaveLength(12_000);
  });

  it('writes an empty report as []', () => {
    expect([...jsonChunks(reportWith(0))]).toEqual(['[]\n']);
    expect(json(reportWith(1))).toBe(spectralShape(reportWith(1)));
  });

  it('writes every row shape exactly as JSON.stringify does, usual or not', () => {
    const base = { ruleId: 'r', severity: 1, message: 'm', source: '/s.yaml', path: ['a', 0], origin: 'lint' as const };
    const odd: Record<string, unknown>[] = [
      { ...base, path: [] },
      { ...base, source: undefined },
      { ...base, severity: 0, message: 'line\nbreak \u2028 "q" \\ \u0000' },
      { ...base, path: ['x~1y', '/a/{b}', 12, 'ünï'] },
      { ...base, range: { end: { line: 1, character: 2 }, start: { line: 0, character: 1 } } },
      { ...base, range: { start: { character: 1, line: 0 }, end: { line: 1, character: 2 } } },
      { ...base, range: { start: { line: 0, character: 1 }, end: { line: 1, character: 2 }, extra: true } },
      { ...base, range: { start: { line: Number.NaN, character: 1 }, end: { line: 1, character: 2 } } },
      { ...base, path: ['a', Number.POSITIVE_INFINITY] },
    ];
    const report = { findings: odd, failures: [], sources: [] } as unknown as Report;
    expect(json(report)).toBe(spectralShape(report));
  });
});
