import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileMeta2020Validator, DIFFERENT_IN_2020, judgedAlikeIn2020, loadMeta2020Validator, META_2020_VALIDATOR_FILE } from '../../src/lint/examples/draft2020.js';
import { createSpectralAjv } from '../../src/lint/examples/spectral-ajv.js';
import { fixtureObjects } from '../helpers/fixture-objects.js';

const require = createRequire(import.meta.url);
const keywordsOf = (module: string): string[] => Object.keys(createSpectralAjv({}, module).RULES.all);

describe('draft 2020-12 examples judged by the draft-04 interpreter', () => {
  it('treats every keyword only one of ajv’s two classes knows, and the exclusive bounds, as different', () => {
    const draft4 = keywordsOf('ajv-draft-04');
    const draft2020 = keywordsOf('ajv/dist/2020');
    const onlyOne = [...draft4.filter((k) => !draft2020.includes(k)), ...draft2020.filter((k) => !draft4.includes(k))];
    expect(onlyOne.length).toBeGreaterThan(10);
    for (const keyword of [...onlyOne, 'exclusiveMaximum', 'exclusiveMinimum']) expect(DIFFERENT_IN_2020.has(keyword), keyword).toBe(true);
  });

  it('uses the meta-schema check built at build time, which answers as the one ajv compiles now', () => {
    const built = loadMeta2020Validator();
    expect(built).toBe(require(META_2020_VALIDATOR_FILE));
    const compiled = compileMeta2020Validator();
    const crafted: unknown[] = [
      true, false, {}, { type: 'string' }, { type: 'strin' }, { examples: {} }, { examples: [1] }, { items: [{}] }, { items: {} }, { required: [] },
      { properties: { a: { readOnly: 'yes' } } }, { $defs: { a: { type: 3 } } }, { deprecated: 1 }, { $comment: 2 }, { prefixItems: [{}] },
      { exclusiveMinimum: true }, { exclusiveMinimum: 1 }, { contentMediaType: 3 }, { $anchor: 'not an anchor!' }, { dependentRequired: { a: [1] } },
    ];
    const fixtures = fixtureObjects();
    let refused = 0;
    for (const schema of [...crafted, ...fixtures]) {
      const verdict = compiled(schema);
      expect(built(schema), JSON.stringify(schema).slice(0, 200)).toBe(verdict);
      if (!verdict) refused += 1;
    }
    expect(refused).toBeGreaterThan(10);
    expect(fixtures.length - refused).toBeGreaterThan(1000);
  });

  it('judges alike only schemas without a different keyword, anywhere, that 2020-12 accepts', () => {
    expect(judgedAlikeIn2020({ type: 'object', properties: { a: { type: 'string', maxLength: 3 } }, required: ['a'] })).toBe(true);
    expect(judgedAlikeIn2020({ type: 'array', items: { type: 'integer', minimum: 1 } })).toBe(true);
    for (const keyword of DIFFERENT_IN_2020) {
      expect(judgedAlikeIn2020({ type: 'object', properties: { deep: { [keyword]: 1 } } }), keyword).toBe(false);
    }
    expect(judgedAlikeIn2020({ type: 'array', items: [{ type: 'string' }] })).toBe(false);
    // Refused by the 2020-12 meta-schema (ajv would not compile it), though draft-04 ignores these keywords.
    expect(judgedAlikeIn2020({ type: 'object', properties: { a: { type: 'string', examples: 'x' } } })).toBe(false);
    expect(judgedAlikeIn2020({ allOf: [{ deprecated: 'soon' }] })).toBe(false);
  });
});
