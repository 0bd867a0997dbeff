import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** rulesets/ at the package root, next to dist/ and src/. */
export const RULESETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../rulesets');

/**
 * Spectral's own rulesets by name, each module loaded on first use (spectral-builtins.ts). The
 * package's index loads all three (OAS, AsyncAPI with its bundled schemas, Arazzo): ~50 ms of
 * start-up an OpenAPI lint never needs.
 */
export const SPECTRAL_RULESET_MODULES: Readonly<Record<string, string>> = {
  'spectral:oas': '@stoplight/spectral-rulesets/dist/oas/index.js',
  'spectral:asyncapi': '@stoplight/spectral-rulesets/dist/asyncapi/index.js',
};

/** The house rulesets, by the name users pass to --ruleset or `extends`. */
export const HOUSE_RULESETS = ['recommended', 'naming', 'versioning', 'security', 'design'] as const;
export type HouseRulesetName = (typeof HOUSE_RULESETS)[number];

/** `apigov:naming` → the absolute path of rulesets/naming.yaml; undefined for other names. */
export function houseRulesetFile(name: string): string | undefined {
  const match = /^apigov:([a-z]+)$/.exec(name);
  if (!match || !(HOUSE_RULESETS as readonly string[]).includes(match[1]!)) return undefined;
  return path.join(RULESETS_DIR, `${match[1]}.yaml`);
}
