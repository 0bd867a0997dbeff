import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isApigovError } from '../../src/errors.js';
import { fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';
import { diffFiles } from '../helpers/diff.js';
import { inlineRefs } from '../helpers/inline-refs.js';
import { tempDir } from '../helpers/memory-io.js';

// Invariants on real descriptions (APIs.guru, fetched on demand): a description never differs
// from itself, and dereferencing every $ref (a refactor that keeps every document the same)
// is never a breaking change.
const fetched = fetchOrSkip(() => sampleCorpus(240, { maxBytes: 400_000, offset: 3 }));
const SCRATCH = tempDir();

describe('diff invariants on 240 APIs.guru specs', () => {
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }
  const specs = fetched.value!;

  it('diff(x, x) reports nothing and diff(x, dereferenced x) no error, on at least 200 specs', async () => {
    let checked = 0;
    const failures: string[] = [];
    for (const spec of specs) {
      const name = path.relative(path.dirname(path.dirname(spec)), spec);
      try {
        const same = await diffFiles(spec, spec);
        if (same.length > 0) failures.push(`${name}: diff with itself: ${same[0]!.id} ${same[0]!.path}`);
        const inlined = inlineRefs(JSON.parse(readFileSync(spec, 'utf8')));
        if (inlined === undefined) continue;
        const copy = path.join(SCRATCH, `${name.replace(/[\\/]/g, '_')}`);
        writeFileSync(copy, JSON.stringify(inlined));
        const errors = (await diffFiles(spec, copy)).filter((c) => c.level === 'error');
        if (errors.length > 0) failures.push(`${name}: dereferenced: ${errors[0]!.id} ${errors[0]!.path} ${errors[0]!.message}`);
        checked += 1;
      } catch (error) {
        // A spec apigov refuses (e.g. a dangling $ref) is a clear exit 2, not a crash; count it out.
        if (!isApigovError(error)) failures.push(`${name}: crashed: ${(error as Error).stack}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(200);
  }, 900_000);
});
