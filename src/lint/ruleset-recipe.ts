import type { Ruleset } from '@stoplight/spectral-core';
import type { HouseOptions, RuleSetting } from '../config/types.js';
import { applyHouseOptions } from './house-options.js';
import { loadRuleset } from './load-ruleset.js';
import { ResultCache, rulesetFingerprint } from './result-cache.js';
import { applyRuleSettings } from './rule-settings.js';

/** Everything needed to build the run's ruleset, as plain data a worker thread can receive. */
export interface RulesetRecipe {
  reference: string;
  /** Folder a relative ruleset path or package name resolves from. */
  base: string;
  options: HouseOptions;
  rules: Record<string, RuleSetting>;
  /** The apigov.yaml the options and rules came from, for error messages. */
  configFile?: string;
  /** Folder of the result cache; undefined when caching is off. */
  cacheDir?: string;
}

export async function buildRuleset(recipe: RulesetRecipe): Promise<Ruleset> {
  const ruleset = await loadRuleset(recipe.reference, recipe.base);
  applyHouseOptions(ruleset, recipe.options);
  if (recipe.configFile) applyRuleSettings(ruleset, recipe.rules, recipe.configFile);
  return ruleset;
}

export function cacheFor(recipe: RulesetRecipe, ruleset: Ruleset): ResultCache | undefined {
  return recipe.cacheDir === undefined ? undefined : new ResultCache(recipe.cacheDir, rulesetFingerprint(ruleset));
}
