import { createRequire } from 'node:module';
import { SPECTRAL_RULESET_MODULES } from './builtin-rulesets.js';
import { trustBuiltinDefinition } from './trusted-definitions.js';

const require = createRequire(import.meta.url);

export const SPECTRAL_RULESET_NAMES = Object.keys(SPECTRAL_RULESET_MODULES);

/** The ruleset definition behind `spectral:oas` or `spectral:asyncapi`; undefined for any other name. */
export function spectralRuleset(name: string): unknown {
  const module = SPECTRAL_RULESET_MODULES[name];
  return module === undefined ? undefined : trustBuiltinDefinition((require(module) as { default: object }).default);
}
