import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/lint/lint-file.js';
import { lintOnWorkers, type PoolLimits } from '../../src/lint/worker-pool.js';
import { tempDir } from '../helpers/memory-io.js';
import { MINIMAL_OAS3 } from '../helpers/specs.js';

// The pool's memory budget (worker-pool.ts): specs whose estimated memory would together pass it
// are not linted at once, largest first; a worker that linted a large spec is replaced.
const recipe = { reference: 'spectral:oas', base: process.cwd(), options: {}, rules: {} };

/** Specs of distinct sizes: the description's padding grows with the index. */
function specs(count: number): { dir: string; files: string[] } {
  const contents: Record<string, string> = {};
  for (let i = 0; i < count; i += 1) contents[`api-${i}.yaml`] = MINIMAL_OAS3.replace('Minimal', `Minimal ${'x'.repeat(i * 500)}`);
  const dir = tempDir(contents);
  return { dir, files: Object.keys(contents).map((name) => path.join(dir, name)) };
}

async function lintAll(files: string[], dir: string, limits: PoolLimits): Promise<FileResult[]> {
  const results: FileResult[] = [];
  await lintOnWorkers(files, 2, recipe, dir, (result) => results.push(result), limits);
  return results;
}

describe('the lint worker pool', () => {
  it('with a budget no two specs fit in, lints one at a time, largest first', async () => {
    const { dir, files } = specs(5);
    const results = await lintAll(files, dir, { bytesPerTextByte: 40, memoryBudget: 1, recycleAfterBytes: Infinity });
    expect(results.map((result) => path.basename(result.source))).toEqual(['api-4.yaml', 'api-3.yaml', 'api-2.yaml', 'api-1.yaml', 'api-0.yaml']);
    expect(results.every((result) => 'findings' in result && result.findings.length > 0)).toBe(true);
  });

  it('replacing the worker after every spec changes no result', async () => {
    const { dir, files } = specs(5);
    const kept = await lintAll(files, dir, { bytesPerTextByte: 40, memoryBudget: 2 * 1024 ** 3, recycleAfterBytes: Infinity });
    const recycled = await lintAll(files, dir, { bytesPerTextByte: 40, memoryBudget: 2 * 1024 ** 3, recycleAfterBytes: 0 });
    const bySource = (results: FileResult[]) => [...results].sort((a, b) => (a.source < b.source ? -1 : 1));
    expect(bySource(recycled)).toEqual(bySource(kept));
    expect(kept).toHaveLength(5);
  });
});
