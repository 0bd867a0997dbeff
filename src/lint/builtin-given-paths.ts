import { HOUSE_RULESETS } from './builtin-rulesets.js';
import { loadRuleset } from './load-ruleset.js';
import { SPECTRAL_RULESET_NAMES } from './spectral-builtins.js';

type Format = (document: unknown, source: string | null) => boolean;
interface GivenRule {
  getGivenForFormats(formats: Set<Format> | null): string[];
}

/**
 * Every `given` path of the built-in rulesets, under every format a rule can be asked for (a
 * rule's aliases may resolve differently per format), for the tables the build prepares.
 */
export async function builtinGivenPaths(): Promise<Set<string>> {
  const paths = new Set<string>();
  const names = [...SPECTRAL_RULESET_NAMES, ...HOUSE_RULESETS.map((name) => `apigov:${name}`)];
  for (const name of names) {
    const ruleset = await loadRuleset(name, process.cwd());
    const formats = [...((ruleset as unknown as { formats: Set<Format> }).formats ?? [])];
    for (const rule of Object.values(ruleset.rules) as unknown as GivenRule[]) {
      for (const format of [null, ...formats]) {
        for (const given of rule.getGivenForFormats(format === null ? null : new Set([format]))) paths.add(given);
      }
    }
  }
  return paths;
}
