import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { isGlob } from '../../src/load/glob.js';

const PATTERNS = [
  'specs/api.yaml', '/abs/path/to/spec.json', 'C:/specs/a.yaml', 'a b/c-d_e.f.yaml', 'v1.2/openapi.yaml', 'ünïcode/spec.yaml', 'a,b/c..d.yaml',
  'specs/*.yaml', '**/*.json', 'spec?.yaml', '!specs/a.yaml', 'a!b.yaml', 'specs/[ab].yaml', 'a[.yaml', 'a].yaml', 'specs/{a,b}.yaml', 'a{b}.yaml',
  'a{1..3}.yaml', '@(a|b).yaml', '+(a).yaml', 'a(b|c).yaml', 'a(b).yaml', 'a\\*.yaml', 'a\\b.yaml',
];

describe('telling globs from paths without loading fast-glob', () => {
  it("agrees with fast-glob's isDynamicPattern on paths and on every glob syntax", async () => {
    for (const pattern of PATTERNS) expect(await isGlob(pattern), pattern).toBe(fg.isDynamicPattern(pattern));
    expect(PATTERNS.filter((pattern) => fg.isDynamicPattern(pattern)).length).toBeGreaterThan(10);
  });
});
