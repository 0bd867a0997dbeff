import { createRequire } from 'node:module';
import { trustBuiltinDefinition } from './trusted-definitions.js';

const require = createRequire(import.meta.url);

/**
 * Spectral's own rulesets, each loaded on first use. The package's index loads all three (OAS,
 * AsyncAPI with its bundled schemas, Arazzo): ~50 ms of start-up an OpenAPI lint never needs.
 */
const MODULES: Record<string, string> = {
  'spectral:oas': '@stoplight/spectral-rulesets/dist/oas/index.js',
  'spectral:asyncapi': '@stoplight/spectral-rulesets/dist/asyncapi/index.js',
};

export const SPECTRAL_RULESET_NAMES = Object.keys(MODULES);

/** The ruleset definition behind `spectral:oas` or `spectral:asyncapi`; undefined for any other name. */
export function spectralRuleset(name: string): unknown {
  const module = MODULES[name];
  return module === undefined ? undefined : trustBuiltinDefinition((require(module) as { default: object }).default);
}
