import { describe, expect, it } from 'vitest';
import { OASDIFF_IDS } from '../../src/diff/oasdiff-ids.js';
import { allCheckIds } from '../../src/diff/registry.js';

// The meta-test of issue #3: which of oasdiff's ids apigov implements, by oasdiff's level.
describe('oasdiff id coverage', () => {
  it('prints the implemented share of each level and never declares an id twice', () => {
    const declared = allCheckIds();
    const ids = declared.map((d) => d.id);
    expect(ids.length).toBe(new Set(ids).size);
    const implemented = new Set(ids);
    const rows = (['error', 'warn', 'info'] as const).map((level) => {
      const all = Object.entries(OASDIFF_IDS).filter(([, [l]]) => l === level).map(([id]) => id);
      return `${level}: ${all.filter((id) => implemented.has(id)).length}/${all.length}`;
    });
    const own = ids.filter((id) => !(id in OASDIFF_IDS));
    console.log(`oasdiff ids implemented — ${rows.join(', ')}; apigov's own ids: ${own.join(', ') || 'none'}`);
    expect(implemented.size).toBeGreaterThan(0);
  });

  it('keeps oasdiff levels and directions unless the check overrides them on purpose', () => {
    const differing = allCheckIds().filter((d) => d.id in OASDIFF_IDS && (OASDIFF_IDS[d.id]![0] !== d.level || OASDIFF_IDS[d.id]![1] !== d.direction));
    // Only ids passed to idTable as overrides may differ; each carries its reason in the check file.
    expect(differing.filter((d) => !d.overridden)).toEqual([]);
    console.log(`levels apigov judges differently from oasdiff: ${differing.map((d) => `${d.id} (${OASDIFF_IDS[d.id]![0]} → ${d.level})`).join(', ')}`);
  });
});
