import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, type RunResult } from '../helpers/memory-io.js';
import { mutatedData, mutatedText, SEEDS } from './mutations.js';

// Random mutations of real descriptions, through the real CLI in-process. Run counts are kept
// moderate so CI stays fast; a failure prints fast-check's seed and the shrunk input.
const RUNS = Number(process.env.APIGOV_PROPERTY_RUNS ?? 40);

/** What every run promises whatever the input: 0, 1 or 2, never an internal error, and exit 2 means one line naming the file. */
function expectCalm(result: RunResult, file: string): void {
  expect([0, 1, 2]).toContain(result.code);
  expect(result.stderr).not.toContain('internal error');
  if (result.code === 2) {
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^apigov: ((base|revision): )?${file.replace('.', '\\.')}\\b`));
  }
}

function workspace(seed: string, bytes: Buffer): string {
  const dir = tempDir({ 'seed.yaml': SEEDS[seed]! });
  writeFileSync(path.join(dir, 'mutant.yaml'), bytes);
  return dir;
}

describe('properties: mutated real specs', () => {
  for (const [kind, arbitrary] of [
    ['text', mutatedText],
    ['data', mutatedData],
  ] as const) {
    it(`lint never crashes on ${kind} mutations`, async () => {
      const codes = new Set<number>();
      const refusals: string[] = [];
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ seed, bytes }) => {
          const dir = workspace(seed, bytes);
          const result = await runCli(['lint', '--no-cache', '-f', 'json', 'mutant.yaml'], dir);
          expectCalm(result, 'mutant.yaml');
          if (result.code !== 2) expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
          codes.add(result.code === 2 ? 2 : 1);
          if (result.code === 2) refusals.push(result.stderr);
        }),
        { numRuns: RUNS },
      );
      // Some mutants must get past the parser to the rules, or the property says little about them.
      expect(codes.has(1), refusals.slice(0, 3).join('')).toBe(true);
    });

    it(`diff never crashes on ${kind} mutations, either way round, and diff(x, x) is empty`, async () => {
      let compared = 0;
      const refusals: string[] = [];
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ seed, bytes }) => {
          const dir = workspace(seed, bytes);
          expectCalm(await runCli(['diff', 'seed.yaml', 'mutant.yaml'], dir), 'mutant.yaml');
          expectCalm(await runCli(['diff', 'mutant.yaml', 'seed.yaml'], dir), 'mutant.yaml');
          const self = await runCli(['diff', '-f', 'json', 'mutant.yaml', 'mutant.yaml'], dir);
          expectCalm(self, 'mutant.yaml');
          if (self.code === 2) refusals.push(self.stderr);
          if (self.code !== 2) {
            expect(JSON.parse(self.stdout).changes).toEqual([]);
            expect(self.code).toBe(0);
            compared += 1;
          }
        }),
        { numRuns: RUNS },
      );
      expect(compared, refusals.slice(0, 3).join('')).toBeGreaterThan(0);
    });
  }

  it('diff(x, x) is empty for every seed, and a seed lints with exit 0 or 1', async () => {
    for (const seed of Object.keys(SEEDS)) {
      const dir = workspace(seed, Buffer.from(SEEDS[seed]!));
      const self = await runCli(['diff', '-f', 'json', 'seed.yaml', 'mutant.yaml'], dir);
      expect(self.stderr).toBe('');
      expect(JSON.parse(self.stdout).changes).toEqual([]);
      expect([0, 1]).toContain((await runCli(['lint', '--no-cache', 'seed.yaml'], dir)).code);
    }
  });
});
