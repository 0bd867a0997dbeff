import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The yaml package, loaded on first use: it took ~30 ms of every start-up, and a lint of a JSON or
 * YAML spec without a config file, inline ignores or YAML aliases never calls it (Spectral's own
 * parser reads YAML specs). A CommonJS package, so `require` gives the very module `import` would.
 */
export function yaml(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
