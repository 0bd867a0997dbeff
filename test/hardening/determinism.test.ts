import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { mutatedData, mutatedText, SEEDS } from './mutations.js';

// The same input gives byte-identical output: run twice, and under a Turkish locale, whose
// collation orders i/I/ı/İ differently and whose number format differs, through the real binary.
const BIN = fileURLToPath(new URL('../../bin/apigov.js', import.meta.url));

const LOCALES = {
  c: { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  turkish: { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
};

// Names that collate differently in Turkish than in English: an ordering that uses the locale shows here.
const NAMES = ['/Items', '/ids', '/ısı', '/İzmir', '/index', '/Ikon', '/zebra', '/Alpha'];
function localeSensitive(withOperations: readonly string[]): string {
  const paths = withOperations
    .map((p) => `  ${p}:\n    get:\n      operationId: get${p.slice(1)}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {Id: {type: string}, id: {type: integer}, ık: {type: string}}}\n`)
    .join('');
  return `openapi: 3.0.3\ninfo: {title: Locale, version: 1.0.0}\npaths:\n${paths}`;
}

function apigov(argv: string[], cwd: string, locale: keyof typeof LOCALES): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', APIGOV_TODAY: '2026-01-15', APIGOV_CACHE_DIR: tempDir(), ...LOCALES[locale] },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectStable(argv: string[], cwd: string): void {
  const first = apigov(argv, cwd, 'c');
  expect(first.stderr).toBe('');
  expect([0, 1]).toContain(first.status);
  expect(apigov(argv, cwd, 'c')).toEqual(first);
  expect(apigov(argv, cwd, 'turkish')).toEqual(first);
}

describe('determinism: byte-identical output across runs and locales (real binary)', () => {
  // Mutants drawn with fixed seeds, so the test is the same every run; the first two that lint are used.
  const mutants = [...fc.sample(mutatedText, { numRuns: 10, seed: 11 }), ...fc.sample(mutatedData, { numRuns: 10, seed: 12 })];
  const dir = tempDir({
    'petstore.yaml': SEEDS['examples/petstore.yaml']!,
    'before.yaml': localeSensitive(NAMES),
    'after.yaml': localeSensitive(NAMES.filter((_, i) => i % 2 === 0)),
  });

  it('finds two lintable mutants', async () => {
    let found = 0;
    for (const { bytes } of mutants) {
      if (found === 2) break;
      writeFileSync(path.join(dir, 'probe.yaml'), bytes);
      if ((await runCli(['lint', '--no-cache', '-q', 'probe.yaml'], dir)).code === 2) continue;
      writeFileSync(path.join(dir, `mutant-${found}.yaml`), bytes);
      found += 1;
    }
    expect(found).toBe(2);
  });

  it('lint: stylish and json', () => {
    for (const format of ['stylish', 'json']) expectStable(['lint', '--no-cache', '-j', '1', '-f', format, 'petstore.yaml', 'before.yaml', 'mutant-0.yaml', 'mutant-1.yaml'], dir);
  });

  it('diff: text and json, with changes whose order a locale could change', () => {
    for (const format of ['text', 'json']) {
      expectStable(['diff', '-f', format, 'before.yaml', 'after.yaml'], dir);
      expectStable(['diff', '-f', format, 'after.yaml', 'before.yaml'], dir);
    }
    expectStable(['diff', 'mutant-0.yaml', 'petstore.yaml'], dir);
  });
});
