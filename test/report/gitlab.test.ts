import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeQualityProblems } from '../helpers/code-quality.js';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { TWO_OPERATIONS_SPEC } from '../helpers/report-specs.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const TODAY = { APIGOV_TODAY: '2026-06-01' };

const SPEC = TWO_OPERATIONS_SPEC;

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

function fixturePair(name: string): string {
  const dir = tempDir();
  for (const side of ['base', 'revision']) copyFileSync(path.join(REPO, 'fixtures/diff', name, `${side}.yaml`), path.join(dir, `${side}.yaml`));
  return dir;
}

describe('GitLab Code Quality (--format gitlab)', () => {
  it('lint: one issue per finding, in the documented shape, at the finding line, severities mapped', async () => {
    const dir = tempDir({ 'api.yaml': SPEC });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', 'api.yaml'], dir)).stdout) as Array<{ code: string; severity: number; range: { start: { line: number } } }>;
    const result = await runCli(['lint', '-f', 'gitlab', 'api.yaml'], dir);
    expect(result.code).toBe(1);
    const issues = JSON.parse(result.stdout) as Issue[];
    expect(codeQualityProblems(issues)).toEqual([]);
    // The checker is not a rubber stamp.
    expect(codeQualityProblems([{ ...issues[0], severity: 'error' }, issues[0]])).toHaveLength(2);
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual(
      json.map((row) => [row.code, ['major', 'minor', 'info', 'info'][row.severity], 'api.yaml', row.range.start.line + 1]),
    );
    expect(new Set(issues.map((i) => i.severity))).toEqual(new Set(['major', 'minor', 'info']));
    const https = issues.find((i) => i.check_name === 'apigov-servers-https')!;
    expect(https.location.lines.begin).toBe(6);
    expect(SPEC.split('\n')[5]).toContain('http://api.example.com');
    // Findings inside an operation say which, as reviewers name places.
    expect(issues.some((i) => i.description.startsWith('DELETE /pets/{petId}: '))).toBe(true);
  });

  it('lint: fingerprints survive lines moving, so GitLab does not report moved findings as new', async () => {
    const moved = SPEC.replace('# the paths\n', '# the paths\n#\n#\n#\n');
    const before = JSON.parse((await runCli(['lint', '-f', 'gitlab', 'api.yaml'], tempDir({ 'api.yaml': SPEC }))).stdout) as Issue[];
    const after = JSON.parse((await runCli(['lint', '-f', 'gitlab', 'api.yaml'], tempDir({ 'api.yaml': moved }))).stdout) as Issue[];
    expect(after.map((i) => i.fingerprint).sort()).toEqual(before.map((i) => i.fingerprint).sort());
    const lineOf = new Map(before.map((i) => [i.fingerprint, i.location.lines.begin]));
    expect(after.filter((i) => i.location.lines.begin === lineOf.get(i.fingerprint)! + 3).length).toBeGreaterThan(3);
  });

  it('lint: a file that could not be linted is a blocker issue, and the report is written even when nothing could be linted', async () => {
    const dir = tempDir({ 'broken.yaml': 'openapi: [\n' });
    const result = await runCli(['lint', '-f', 'gitlab', '-o', 'gl-code-quality.json', 'broken.yaml'], dir);
    expect(result.code).toBe(2);
    const issues = JSON.parse(readFileSync(path.join(dir, 'gl-code-quality.json'), 'utf8')) as Issue[];
    expect(codeQualityProblems(issues)).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ check_name: 'apigov-file-not-linted', severity: 'blocker', location: { path: 'broken.yaml', lines: { begin: 1 } } })]);
    expect(issues[0]!.description).toMatch(/^broken\.yaml:2:1: not valid YAML or JSON/);
  });

  it('diff: one issue per change on the revision file, at the changed parameter, breaking as major', async () => {
    const dir = fixturePair('parameters/required-optional');
    const json = JSON.parse((await runCli(['diff', '-f', 'json', 'base.yaml', 'revision.yaml'], dir, TODAY)).stdout) as { changes: Array<{ id: string; level: string }> };
    const result = await runCli(['diff', '-f', 'gitlab', 'base.yaml', 'revision.yaml'], dir, TODAY);
    expect(result.code).toBe(1);
    const issues = JSON.parse(result.stdout) as Issue[];
    expect(codeQualityProblems(issues)).toEqual([]);
    expect(issues.map((i) => [i.check_name, i.severity])).toEqual(json.changes.map((c) => [c.id, { error: 'major', warn: 'minor', info: 'info' }[c.level]]));
    const lines = readFileSync(path.join(dir, 'revision.yaml'), 'utf8').split('\n');
    const limit = issues.find((i) => i.description.includes('limit'))!;
    expect(limit).toMatchObject({ check_name: 'request-parameter-became-required', severity: 'major', location: { path: 'revision.yaml', lines: { begin: lines.findIndex((l) => l.includes('name: limit')) + 1 } } });
    expect(limit.description.startsWith('GET /pets: ')).toBe(true);
  });

  it('diff: no changes is an empty array', async () => {
    const dir = tempDir({ 'a.yaml': SPEC, 'b.yaml': SPEC });
    const result = await runCli(['diff', '-f', 'gitlab', 'a.yaml', 'b.yaml'], dir, TODAY);
    expect(result).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});
