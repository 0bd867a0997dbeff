import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { TWO_OPERATIONS_SPEC } from '../helpers/report-specs.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const DIFF_CASE = path.join(REPO, 'fixtures/diff/schema-properties/request');

const SPEC = TWO_OPERATIONS_SPEC;

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Record<string, number> }; logicalLocations?: Array<{ fullyQualifiedName?: string; name?: string; kind?: string }> }>;
  partialFingerprints: Record<string, string>;
}

function parse(stdout: string) {
  const log = JSON.parse(stdout);
  return { log, run: log.runs[0], results: log.runs[0].results as SarifResult[] };
}

const { validate, skipReason } = sarifValidator();

describe('SARIF output', () => {
  it.skipIf(!validate)(`lint SARIF validates against the official SARIF 2.1.0 schema ${skipReason ?? ''}`, async () => {
    const dir = tempDir({ 'api.yaml': SPEC });
    const result = await runCli(['lint', '-f', 'sarif', 'api.yaml'], dir);
    const { log, run, results } = parse(result.stdout);
    expect(validate!(log)).toEqual([]);
    // The validator is not a rubber stamp: a 0-based column is rejected.
    const zeroBased = structuredClone(log);
    zeroBased.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    expect(validate!(zeroBased)).not.toEqual([]);
    expect(results.length).toBeGreaterThan(3);
    expect(run.tool.driver.name).toBe('apigov');
    expect(run.tool.driver.version).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    // Every result points at its rule descriptor, and every rule that fired is described.
    const rules = run.tool.driver.rules as Array<{ id: string; shortDescription?: { text: string } }>;
    for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(rules.map((rule) => rule.id)).toEqual([...new Set(results.map((r) => r.ruleId))].sort());
    expect(rules.find((rule) => rule.id === 'info-contact')?.shortDescription?.text).toBe('Info object must have "contact" object.');
    expect(rules.find((rule) => rule.id === 'apigov-servers-https')?.shortDescription?.text).toMatch(/\S/);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${dir}/`);
  });

  it('maps severities, 0-based ranges to 1-based regions, and paths to pointers and operations', async () => {
    const dir = tempDir({ 'api.yaml': SPEC });
    const json = JSON.parse((await runCli(['lint', '-f', 'json', 'api.yaml'], dir)).stdout) as Array<{ code: string; path: string[]; severity: number; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
    const { results } = parse((await runCli(['lint', '-f', 'sarif', 'api.yaml'], dir)).stdout);
    expect(results.map((r) => r.ruleId)).toEqual(json.map((row) => row.code));
    results.forEach((r, i) => {
      const row = json[i]!;
      expect(r.level).toBe(['error', 'warning', 'note', 'note'][row.severity]);
      expect(r.locations[0]!.physicalLocation).toEqual({
        artifactLocation: { uri: 'api.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: row.range.start.line + 1, startColumn: row.range.start.character + 1, endLine: row.range.end.line + 1, endColumn: row.range.end.character + 1 },
      });
    });
    // A finding whose position is known by hand: the http server URL is on (1-based) line 6, column 10.
    const https = results.find((r) => r.ruleId === 'apigov-servers-https')!;
    expect(https.locations[0]!.physicalLocation!.region).toMatchObject({ startLine: 6, startColumn: 10 });
    expect(SPEC.split('\n')[5]!.slice(9)).toBe('http://api.example.com');
    const onDelete = results.find((r) => r.locations[0]!.logicalLocations?.some((l) => l.name === 'DELETE /pets/{petId}'))!;
    expect(onDelete.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toMatch(/^\/paths\/~1pets~1\{petId\}\/delete/);
    expect(onDelete.locations[0]!.logicalLocations![1]).toEqual({ name: 'DELETE /pets/{petId}', fullyQualifiedName: 'DELETE /pets/{petId}', kind: 'function' });
  });

  it('keeps fingerprints when the offending objects move down 5 lines', async () => {
    const moved = SPEC.replace('# the paths\n', '# the paths\n#\n#\n#\n#\n#\n');
    const before = parse((await runCli(['lint', '-f', 'sarif', 'api.yaml'], tempDir({ 'api.yaml': SPEC }))).stdout).results;
    const after = parse((await runCli(['lint', '-f', 'sarif', 'api.yaml'], tempDir({ 'api.yaml': moved }))).stdout).results;
    const line = (r: SarifResult) => r.locations[0]!.physicalLocation!.region!.startLine!;
    const byFingerprint = new Map(before.map((r) => [r.partialFingerprints['apigov/v1'], r]));
    expect(after).toHaveLength(before.length);
    const shifted = after.filter((r) => {
      const twin = byFingerprint.get(r.partialFingerprints['apigov/v1']);
      expect(twin?.ruleId, `no twin for ${r.ruleId} ${r.message.text}`).toBe(r.ruleId);
      return line(r) === line(twin!) + 5;
    });
    expect(shifted.length).toBeGreaterThan(3);
    expect(new Set(after.map((r) => r.partialFingerprints['apigov/v1'])).size).toBe(after.length);
  });

  it.skipIf(!validate)('records a file that could not be linted as a failed invocation, also when no file could be linted', async () => {
    const dir = tempDir({ 'api.yaml': SPEC, 'broken.yaml': 'openapi: [\n' });
    const result = await runCli(['lint', '-f', 'sarif', 'api.yaml', 'broken.yaml'], dir);
    expect(result.code).toBe(2);
    const { log, run, results } = parse(result.stdout);
    expect(validate!(log)).toEqual([]);
    expect(results.length).toBeGreaterThan(0);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: expect.stringMatching(/^broken\.yaml:2:1: not valid YAML or JSON/) }, locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.yaml', uriBaseId: '%SRCROOT%' } } }] },
    ]);
    const onlyBroken = await runCli(['lint', '-f', 'sarif', 'broken.yaml'], dir);
    expect(onlyBroken.code).toBe(2);
    expect(parse(onlyBroken.stdout).run.invocations[0].executionSuccessful).toBe(false);
  });

  it.skipIf(!validate)('diff SARIF validates, with a rule per change id, the revision file and pointer + operation', async () => {
    const dir = tempDir();
    copyFileSync(path.join(DIFF_CASE, 'base.yaml'), path.join(dir, 'base.yaml'));
    copyFileSync(path.join(DIFF_CASE, 'revision.yaml'), path.join(dir, 'revision.yaml'));
    const result = await runCli(['diff', '-f', 'sarif', 'base.yaml', 'revision.yaml'], dir, { APIGOV_TODAY: '2026-06-01' });
    const json = JSON.parse((await runCli(['diff', '-f', 'json', 'base.yaml', 'revision.yaml'], dir, { APIGOV_TODAY: '2026-06-01' })).stdout);
    const { log, run, results } = parse(result.stdout);
    expect(validate!(log)).toEqual([]);
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(results.map((r) => [r.ruleId, r.level, r.message.text])).toEqual(json.changes.map((c: { id: string; level: string; message: string }) => [c.id, { error: 'error', warn: 'warning', info: 'note' }[c.level], c.message]));
    const rules = run.tool.driver.rules as Array<{ id: string; defaultConfiguration: { level: string } }>;
    expect(rules.find((rule) => rule.id === 'request-property-removed')?.defaultConfiguration).toEqual({ level: 'warning' });
    const zip = results.find((r) => r.message.text === '/address/zip: property zip became required')!;
    // The change is located at the request schema in the revision, found here by hand.
    const lines = readFileSync(path.join(dir, 'revision.yaml'), 'utf8').split('\n');
    const schemaLine = lines.findIndex((line) => line.trim() === 'schema:');
    expect(zip.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'revision.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: schemaLine + 1, startColumn: lines[schemaLine]!.indexOf('schema') + 1 } },
        logicalLocations: [
          { fullyQualifiedName: '/paths/~1customers/post/requestBody/content/application~1json/schema' },
          { name: 'POST /customers', fullyQualifiedName: 'POST /customers', kind: 'function' },
        ],
      },
    ]);
    expect(new Set(results.map((r) => r.partialFingerprints['apigov/v1'])).size).toBe(results.length);
    expect(run.properties.semver).toEqual(json.semver);
  });
});
