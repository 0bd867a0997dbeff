import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — plain ESM helper shared with the bench scripts
import { compareOnSpec } from '../../bench/lib/parity.mjs';
import { ensurePeer, fetchOrSkip, sampleCorpus } from '../helpers/real-data.js';

// Same ruleset, same spec, same findings as Spectral CLI 6.16: the promise to architects.
// 20 APIs.guru specs spread over the corpus (bench/parity.mjs runs larger samples).
const fetched = fetchOrSkip(() => ({ spectral: ensurePeer('spectral'), specs: sampleCorpus(20, { maxBytes: 600_000, offset: 7 }) }));

describe('spectral:oas parity with Spectral CLI 6.16 on real APIs.guru specs', () => {
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }
  const { spectral, specs } = fetched.value!;
  it.each(specs.map((spec) => [path.relative(path.dirname(path.dirname(spec)), spec), spec]))(
    '%s',
    async (_name, spec) => {
      const result = await compareOnSpec(spectral, spec);
      expect({ missing: result.missing, extra: result.extra }).toEqual({ missing: [], extra: [] });
      expect(result.apigov).toBe(result.spectral);
    },
    300_000,
  );
});
