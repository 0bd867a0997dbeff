import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FindingSpool } from '../../src/lint/finding-spool.js';
import type { Finding } from '../../src/report/finding.js';
import { sortFindings } from '../../src/report/sort.js';
import { runCli, tempDir } from '../helpers/memory-io.js';

// A many-file run on worker threads keeps its findings on disk (src/lint/finding-spool.ts) when
// the report is streamed (json, unfiltered, nothing excused); otherwise they are read back and
// judged in memory. Either way the report must be byte for byte the one an in-process run gives.
const BIN = path.resolve(import.meta.dirname, '../../bin/apigov.js');

/** A spec with findings in itself and in a schema file that several specs share through `$ref`. */
function spec(index: number, extra = ''): string {
  return `openapi: 3.0.3
info:
  title: API ${index}
  version: 1.0.0
paths:
  /items_${index}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: './common/shared.yaml#/components/schemas/Item'
${extra}`;
}

const SHARED_CLEAN = `components:
  schemas:
    Item:
      type: object
      properties:
        name:
          type: string
          example: a name
`;
// Examples of the wrong type: errors reported in the shared file, from every spec's run.
const SHARED = SHARED_CLEAN.replace('example: a name', 'example: 5');

const specFiles: Record<string, string> = {};
for (let i = 0; i < 6; i += 1) specFiles[`specs/api-${i}.yaml`] = spec(i);
const files = { ...specFiles, 'specs/common/shared.yaml': SHARED };

async function bothWays(args: string[], dir: string) {
  const inProcess = await runCli(['lint', '-j', '1', ...args], dir);
  const onWorkers = await runCli(['lint', '-j', '2', ...args], dir);
  return { inProcess, onWorkers };
}

describe('reports of many files on worker threads', () => {
  it('streamed from disk: same bytes, exit code and stderr as in-process, findings of a shared file merged in order', async () => {
    const dir = tempDir(files);
    const { inProcess, onWorkers } = await bothWays(['-f', 'json', 'specs/*.yaml'], dir);
    expect(onWorkers).toEqual(inProcess);
    expect(onWorkers.code).toBe(1);
    const sources = JSON.parse(onWorkers.stdout).map((finding: { source: string }) => path.basename(finding.source));
    // shared.yaml's findings come from six specs' runs: merged into one block, after the specs' own (sources sort by path).
    expect(new Set(sources)).toEqual(new Set(['api-0.yaml', 'api-1.yaml', 'api-2.yaml', 'api-3.yaml', 'api-4.yaml', 'api-5.yaml', 'shared.yaml']));
    // Spectral's runner keeps one result per place: each spec's run reports the shared example once.
    expect(sources.filter((name: string) => name === 'shared.yaml').length).toBe(6);
    expect(sources.indexOf('shared.yaml')).toBe(sources.length - sources.filter((name: string) => name === 'shared.yaml').length);
  });

  it('the exit code follows --fail-severity when streamed', async () => {
    const dir = tempDir({ ...specFiles, 'specs/common/shared.yaml': SHARED_CLEAN });
    for (const severity of ['error', 'warn', 'hint']) {
      const { inProcess, onWorkers } = await bothWays(['-f', 'json', '-F', severity, 'specs/*.yaml'], dir);
      expect(onWorkers.code, severity).toBe(inProcess.code);
    }
    const { onWorkers: strict } = await bothWays(['-f', 'json', '-F', 'hint', 'specs/*.yaml'], dir);
    const { onWorkers: lenient } = await bothWays(['-f', 'json', '-F', 'error', '-r', 'spectral:oas', 'specs/*.yaml'], dir);
    expect([strict.code, lenient.code]).toEqual([1, 0]);
  });

  it('read back and judged when an inline ignore excuses findings', async () => {
    const dir = tempDir({ ...files, 'specs/api-2.yaml': spec(2, '  x-apigov-ignore: [apigov-path-kebab-case]\n').replace('paths:\n', 'paths:\n  x-apigov-ignore: [apigov-path-kebab-case]\n') });
    const { inProcess, onWorkers } = await bothWays(['-f', 'json', 'specs/*.yaml'], dir);
    expect(onWorkers).toEqual(inProcess);
    const rules = JSON.parse(onWorkers.stdout).filter((finding: { source: string }) => finding.source.endsWith('api-2.yaml')).map((finding: { code: string }) => finding.code);
    expect(rules).not.toContain('apigov-path-kebab-case');
    const others = JSON.parse(onWorkers.stdout).filter((finding: { source: string }) => finding.source.endsWith('api-3.yaml')).map((finding: { code: string }) => finding.code);
    expect(others).toContain('apigov-path-kebab-case');
  });

  it('not spooled for formats written whole or filtered: same output as in-process', async () => {
    const dir = tempDir(files);
    for (const args of [['-f', 'stylish'], ['-f', 'sarif'], ['-f', 'json', '-D', '-F', 'warn']]) {
      const { inProcess, onWorkers } = await bothWays([...args, 'specs/*.yaml'], dir);
      expect(onWorkers, args.join(' ')).toEqual(inProcess);
    }
  });

  it('leaves no temporary files behind (real binary, its own TMPDIR)', () => {
    const dir = tempDir(files);
    const temporary = tempDir();
    const result = spawnSync(process.execPath, [BIN, 'lint', '--no-cache', '-j', '2', '-f', 'json', '-o', 'report.json', 'specs/*.yaml'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TMPDIR: temporary },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(readdirSync(temporary)).toEqual([]);
  });
});

describe('the finding spool', () => {
  const finding = (source: string, line: number, ruleId: string): Finding => ({
    ruleId,
    severity: ruleId === 'r-error' ? 0 : 2,
    message: `${ruleId} at ${line}`,
    source,
    path: ['paths', `/p${line}`],
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    origin: 'lint',
  });
  const spoolDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('apigov-spool-')).sort();

  it('gives back every finding in report order, one source at a time, and removes its file when closed', () => {
    const before = spoolDirs();
    const spool = new FindingSpool();
    expect(spoolDirs().length).toBe(before.length + 1);
    const first = [finding('/b.yaml', 9, 'r-info'), finding('/shared.yaml', 4, 'r-info'), finding('/b.yaml', 1, 'r-error')];
    const second = [finding('/a.yaml', 3, 'r-info'), finding('/shared.yaml', 2, 'r-error'), finding('/shared.yaml', 4, 'r-info')];
    spool.add(first);
    spool.add([]);
    spool.add(second);
    expect([...spool.findings()]).toEqual(sortFindings([...first, ...second]));
    expect(spool.sources()).toEqual(['/a.yaml', '/b.yaml', '/shared.yaml']);
    expect(spool.count).toBe(6);
    expect([...spool.firedRules()].sort()).toEqual(['r-error', 'r-info']);
    expect([spool.hasAtOrAbove(0), spool.hasAtOrAbove(1)]).toEqual([true, true]);
    spool.close();
    spool.close();
    expect(spoolDirs()).toEqual(before);
  });

  it('an empty spool: no findings, nothing at or above any severity', () => {
    const spool = new FindingSpool();
    expect([...spool.findings()]).toEqual([]);
    expect(spool.hasAtOrAbove(3)).toBe(false);
    spool.close();
  });
});
