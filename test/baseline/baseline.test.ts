import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { entriesFor, messageHash } from '../../src/baseline/fingerprint.js';
import { serializeBaseline } from '../../src/baseline/baseline-file.js';
import { matchBaseline } from '../../src/baseline/match-baseline.js';
import { lintSpec } from '../../src/lint/lint-spec.js';
import { loadRuleset } from '../../src/lint/load-ruleset.js';
import { parseSpecText } from '../../src/load/load-spec.js';
import type { Finding } from '../../src/report/finding.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

const finding = (ruleId: string, source: string, path: (string | number)[], message = `${ruleId} message`, line = 0): Finding => ({
  ruleId,
  severity: 1,
  message,
  source,
  path,
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  origin: 'lint',
});

/** A spec with findings under spectral:oas at the document, info, and two operations. */
const SPEC = `openapi: 3.0.3
info:
  title: Legacy
  version: 1.0.0
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
  /orders/{id}:
    get:
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: ok
`;

describe('baseline fingerprints', () => {
  it('are rule + file relative to the baseline + JSON pointer, sorted, with a message hash only where a place repeats', () => {
    const dir = '/repo';
    const entries = entriesFor(
      [
        finding('b-rule', '/repo/api/x.yaml', ['paths', '/a/b', 'get'], 'one', 40),
        finding('a-rule', '/repo/api/x.yaml', ['info'], 'two', 3),
        finding('dup', '/repo/api/x.yaml', ['info'], 'first message', 3),
        finding('dup', '/repo/api/x.yaml', ['info'], 'second message', 3),
      ],
      dir,
    );
    expect(entries).toEqual([
      { rule: 'a-rule', file: 'api/x.yaml', path: '/info' },
      ...[
        { rule: 'dup', file: 'api/x.yaml', path: '/info', message: messageHash('first message') },
        { rule: 'dup', file: 'api/x.yaml', path: '/info', message: messageHash('second message') },
      ].sort((a, b) => (a.message < b.message ? -1 : 1)),
      { rule: 'b-rule', file: 'api/x.yaml', path: '/paths/~1a~1b/get' },
    ]);
  });

  it('serialize to the same bytes whatever order the findings came in', () => {
    const findings = [finding('r1', '/repo/a.yaml', ['info']), finding('r2', '/repo/b.yaml', []), finding('r1', '/repo/a.yaml', ['paths'])];
    const once = serializeBaseline(entriesFor(findings, '/repo'));
    expect(serializeBaseline(entriesFor([...findings].reverse(), '/repo'))).toBe(once);
    expect(JSON.parse(once)).toEqual({ version: 1, findings: [{ rule: 'r1', file: 'a.yaml', path: '/info' }, { rule: 'r1', file: 'a.yaml', path: '/paths' }, { rule: 'r2', file: 'b.yaml', path: '' }] });
  });

  it('match one to one: a second finding at a baselined place is new, an entry without a finding is fixed', () => {
    const entries = [
      { rule: 'r', file: 'a.yaml', path: '/info' },
      { rule: 'gone', file: 'a.yaml', path: '/paths' },
      { rule: 'other-file', file: 'b.yaml', path: '/info' },
    ];
    const first = finding('r', '/repo/a.yaml', ['info'], 'x');
    const second = finding('r', '/repo/a.yaml', ['info'], 'y');
    const match = matchBaseline([first, second], entries, '/repo', new Set(['a.yaml']));
    expect([...match.baselined]).toEqual([first]);
    // b.yaml was not part of this run, so its entry is not called fixed.
    expect(match.fixed).toEqual([{ rule: 'gone', file: 'a.yaml', path: '/paths' }]);
  });

  it('use the message hash to tell findings at one place apart', () => {
    const entries = [{ rule: 'r', file: 'a.yaml', path: '/info', message: messageHash('y') }];
    const x = finding('r', '/repo/a.yaml', ['info'], 'x');
    const y = finding('r', '/repo/a.yaml', ['info'], 'y');
    expect([...matchBaseline([x, y], entries, '/repo', new Set(['a.yaml'])).baselined]).toEqual([y]);
  });

  it('survive reformatting: any key order, flow or block style, or JSON text gives the same entries', async () => {
    const ruleset = await loadRuleset('spectral:oas', process.cwd());
    const source = '/repo/api/legacy.yaml';
    const lint = async (text: string) => entriesFor(await lintSpec(parseSpecText(text, source, 'legacy.yaml'), ruleset), '/repo');
    const expected = await lint(SPEC);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const shuffle = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((v) => shuffle(v, seed));
      if (value === null || typeof value !== 'object') return value;
      const entries = Object.entries(value);
      const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
      return Object.fromEntries(rotated.map(([k, v]) => [k, shuffle(v, seed + 1)]));
    };
    await fc.assert(
      fc.asyncProperty(fc.nat(7), fc.constantFrom('block', 'flow', 'json'), fc.nat(5), async (seed, style, blankLines) => {
        const data = shuffle(YAML.parse(SPEC), seed);
        const body = style === 'json' ? JSON.stringify(data, null, 2) : YAML.stringify(data, { collectionStyle: style as 'block' | 'flow' });
        const text = `${'\n'.repeat(blankLines)}${body}`;
        expect(await lint(text)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });
});

describe('apigov lint with a baseline', () => {
  const config = 'ruleset: spectral:oas\nspecs: [api/*.yaml]\nrules:\n  operation-operationId: error\n';

  it('--update-baseline records the findings atomically; later runs pass and count them as baselined', async () => {
    const dir = tempDir({ 'apigov.yaml': config, 'api/legacy.yaml': SPEC });
    const before = await runCli(['lint', '-f', 'json'], dir);
    expect(before.code).toBe(1);
    const total = JSON.parse(before.stdout).length;
    const update = await runCli(['lint', '--update-baseline', '-f', 'json'], dir);
    expect(update.code).toBe(0);
    expect(JSON.parse(update.stdout)).toEqual([]);
    expect(update.stderr).toContain(`apigov: baseline .apigov-baseline.json updated: ${total} entries (${total} recorded, 0 fixed removed)\n`);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
    const after = await runCli(['lint'], dir);
    expect(after).toEqual({ code: 0, stdout: 'No problems found in 1 file.\n', stderr: `apigov: not counted: ${total} in the baseline (.apigov-baseline.json)\n` });
  });

  it('keeps matching after the spec is reformatted and its lines move (YAML to JSON text, keys reordered)', async () => {
    const dir = tempDir({ 'apigov.yaml': config, 'api/legacy.yaml': SPEC });
    await runCli(['lint', '--update-baseline'], dir);
    const data = YAML.parse(SPEC);
    const reordered = { paths: { '/orders/{id}': data.paths['/orders/{id}'], '/orders': data.paths['/orders'] }, info: data.info, openapi: data.openapi };
    writeFileSync(path.join(dir, 'api/legacy.yaml'), `\n\n${JSON.stringify(reordered, null, 4)}\n`);
    const result = await runCli(['lint', '-f', 'json'], dir);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('fails on a new finding only, lists fixed entries, and --update-baseline shrinks the file', async () => {
    const dir = tempDir({ 'apigov.yaml': config, 'api/legacy.yaml': SPEC });
    await runCli(['lint', '--update-baseline'], dir);
    const baselineFile = path.join(dir, '.apigov-baseline.json');
    const recorded = JSON.parse(readFileSync(baselineFile, 'utf8')).findings.length;
    // Fix /orders (give it an operationId), break /items (a new operation without one).
    const edited = SPEC.replace("  /orders:\n    get:\n", "  /orders:\n    get:\n      operationId: listOrders\n").concat("  /items:\n    get:\n      responses:\n        '200':\n          description: ok\n");
    writeFileSync(path.join(dir, 'api/legacy.yaml'), edited);
    const result = await runCli(['lint', '-f', 'json'], dir);
    expect(result.code).toBe(1);
    const fresh = JSON.parse(result.stdout).map((r: { code: string; path: string[] }) => `${r.code} ${r.path.join('.')}`);
    expect(fresh).toContain('operation-operationId paths./items.get');
    expect(fresh).not.toContain('operation-operationId paths./orders/{id}.get');
    expect(result.stderr).toContain('apigov: fixed, remove from baseline: operation-operationId api/legacy.yaml /paths/~1orders/get\n');
    expect(result.stderr).toContain('apigov: run again with --update-baseline to remove');
    await runCli(['lint', '--update-baseline'], dir);
    const entries = JSON.parse(readFileSync(baselineFile, 'utf8')).findings;
    expect(entries).not.toContainEqual({ rule: 'operation-operationId', file: 'api/legacy.yaml', path: '/paths/~1orders/get' });
    expect(entries).toContainEqual({ rule: 'operation-operationId', file: 'api/legacy.yaml', path: '/paths/~1items/get' });
    expect(entries.length).toBeLessThanOrEqual(recorded + 4);
    // Once the new operation is fixed too, the update drops its entries: the file only shrinks as debt is paid.
    writeFileSync(path.join(dir, 'api/legacy.yaml'), edited.replace("  /items:\n    get:\n", "  /items:\n    get:\n      operationId: listItems\n      description: Items.\n      tags: [items]\n"));
    await runCli(['lint', '--update-baseline'], dir);
    const shrunk = JSON.parse(readFileSync(baselineFile, 'utf8')).findings;
    expect(shrunk.length).toBeLessThan(entries.length);
    expect(shrunk.filter((e: { path: string }) => e.path === '/paths/~1items/get')).toEqual([]);
  });

  it('leaves other files\' entries alone when linting one file, and reads --baseline from a path of its own', async () => {
    const dir = tempDir({ 'apigov.yaml': config, 'api/a.yaml': SPEC, 'api/b.yaml': SPEC });
    const unwritable = await runCli(['lint', '--baseline', 'ci/known.json', '--update-baseline'], dir);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe(`apigov: ${path.join(dir, 'ci/known.json')}: cannot write the baseline (ENOENT)\n`);
    expect(existsSync(path.join(dir, 'ci'))).toBe(false);
    writeFileSync(path.join(dir, 'known.json'), '{"findings": []}');
    await runCli(['lint', '--baseline', 'known.json', '--update-baseline'], dir);
    const both = JSON.parse(readFileSync(path.join(dir, 'known.json'), 'utf8')).findings;
    expect(new Set(both.map((e: { file: string }) => e.file))).toEqual(new Set(['api/a.yaml', 'api/b.yaml']));
    writeFileSync(path.join(dir, 'api/a.yaml'), SPEC.replace("  /orders:\n    get:\n", "  /orders:\n    get:\n      operationId: listOrders\n"));
    const onlyA = await runCli(['lint', '--baseline', 'known.json', 'api/a.yaml'], dir);
    expect(onlyA.stderr).toContain('fixed, remove from baseline: operation-operationId api/a.yaml /paths/~1orders/get');
    expect(onlyA.stderr).not.toContain('api/b.yaml');
    await runCli(['lint', '--baseline', 'known.json', '--update-baseline', 'api/a.yaml'], dir);
    const after = JSON.parse(readFileSync(path.join(dir, 'known.json'), 'utf8')).findings;
    expect(after.filter((e: { file: string }) => e.file === 'api/b.yaml')).toEqual(both.filter((e: { file: string }) => e.file === 'api/b.yaml'));
    expect(after.length).toBe(both.length - 1);
  });

  it('refuses a baseline file that is not one, exit 2 with the file named', async () => {
    const dir = tempDir({ 'apigov.yaml': `${config}baseline: known.json\n`, 'api/legacy.yaml': SPEC, 'known.json': '{"findings": [{"rule": 1}]}' });
    const result = await runCli(['lint'], dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `apigov: ${path.join(dir, 'known.json')}: findings[0]: must have rule, file and path strings\n` });
  });
});
