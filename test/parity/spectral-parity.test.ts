import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — plain ESM helper shared with the bench scripts
import { compareOnFiles, compareOnSpec } from '../../bench/lib/parity.mjs';
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

// The house rulesets are plain Spectral rulesets: Spectral CLI loading rulesets/recommended.yaml
// must report exactly what apigov reports with apigov:recommended, on every fixture.
describe('Spectral CLI 6.16 runs apigov:recommended with the same findings', () => {
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }
  it('on every house-rule fixture and the bundled example', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const fixtures = path.join(root, 'fixtures', 'lint');
    const files = readdirSync(fixtures).flatMap((id) =>
      readdirSync(path.join(fixtures, id))
        .filter((name) => /\.ya?ml$/.test(name) && !name.includes('.expected.'))
        .map((name) => path.join(fixtures, id, name)),
    );
    files.push(path.join(root, 'examples', 'petstore.yaml'));
    const result = await compareOnFiles(fetched.value!.spectral, { spectralRuleset: path.join(root, 'rulesets', 'recommended.yaml'), apigovRuleset: 'apigov:recommended' }, files);
    expect({ missing: result.missing, extra: result.extra }).toEqual({ missing: [], extra: [] });
    expect(result.apigov).toBeGreaterThan(files.length);
  }, 600_000);
});
