import type { Ruleset } from '@stoplight/spectral-core';
import { RulesetError } from '../errors.js';
import { loadRuleset } from './load-ruleset.js';

/**
 * Loads one ruleset or a list of them as one: the first is the host, later rulesets add their
 * rules (replacing a rule of the same id) and formats. Spectral applies a ruleset's own
 * `overrides:` only for the host, so a later one that has some is refused rather than silently
 * half-applied.
 */
export async function loadRulesets(references: string | readonly string[], cwd: string): Promise<Ruleset> {
  const list = typeof references === 'string' ? [references] : references;
  const host = await loadRuleset(list[0]!, cwd);
  for (const reference of list.slice(1)) {
    const guest = await loadRuleset(reference, cwd);
    if (guest.overrides !== null && guest.overrides.length > 0) {
      throw new RulesetError(`${reference}: has file overrides, which only the first ruleset of a list may have; list it first or move them to apigov.yaml overrides`);
    }
    Object.assign(host.rules, guest.rules);
    for (const format of guest.formats) host.formats.add(format);
  }
  return host;
}
