import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';
import { EVIL_SPEC } from '../helpers/report-specs.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const NEW_FORMATS = ['sarif', 'junit', 'github-actions', 'markdown', 'html', 'gitlab'];

/** Five real invalid fixtures (enough for worker threads), the example and a spec full of odd text. */
function lintDir(): string {
  const dir = tempDir({ 'odd.yaml': EVIL_SPEC, 'petstore.yaml': readFileSync(path.join(REPO, 'examples/petstore.yaml'), 'utf8') });
  for (const rule of readdirSync(path.join(REPO, 'fixtures/lint')).sort().slice(0, 5)) {
    mkdirSync(path.join(dir, rule));
    copyFileSync(path.join(REPO, 'fixtures/lint', rule, 'invalid.yaml'), path.join(dir, rule, 'invalid.yaml'));
  }
  return dir;
}

describe('every new format is byte-identical across runs', () => {
  const lintCwd = lintDir();
  it.each(NEW_FORMATS)('lint --format %s', async (format) => {
    // One format goes through worker threads too (their results arrive in any order); the rest stay in-thread to keep the test quick.
    const args = ['lint', '-f', format, '--jobs', format === 'sarif' ? '2' : '1', '*.yaml', '*/invalid.yaml'];
    const first = await runCli(args, lintCwd);
    const second = await runCli(args, lintCwd);
    expect(first.stdout.length).toBeGreaterThan(500);
    expect(second.stdout).toBe(first.stdout);
  });

  const diffCase = path.join(REPO, 'fixtures/diff/endpoints/operation-id-and-tags');
  it.each(NEW_FORMATS)('diff --format %s', async (format) => {
    const dir = tempDir();
    for (const side of ['base', 'revision']) copyFileSync(path.join(diffCase, `${side}.yaml`), path.join(dir, `${side}.yaml`));
    const args = ['diff', '-f', format, 'base.yaml', 'revision.yaml'];
    const first = await runCli(args, dir, { APIGOV_TODAY: '2026-06-01' });
    const second = await runCli(args, dir, { APIGOV_TODAY: '2026-06-01' });
    expect(first.stdout.length).toBeGreaterThan(200);
    expect(second.stdout).toBe(first.stdout);
  });
});
