import type { Ruleset } from '@stoplight/spectral-core';
import type { HouseOptions, RuleSetting } from '../config/types.js';
import { loadRulesets } from './combine-rulesets.js';
import { applyHouseOptions } from './house-options.js';
import { ResultCache, rulesetFingerprint } from './result-cache.js';
import { applyRuleSettings } from './rule-settings.js';

/** Everything needed to build the run's ruleset, as plain data a worker thread can receive. */
export interface RulesetRecipe {
  /** One ruleset, or several combined (apigov.yaml `ruleset:` as a list). */
  reference: string | readonly string[];
  /** Folder a relative ruleset path or package name resolves from. */
  base: string;
  options: HouseOptions;
  rules: Record<string, RuleSetting>;
  /** The apigov.yaml the options and rules came from, for error messages. */
  configFile?: string;
  /** Folder of the result cache; undefined when caching is off. */
  cacheDir?: string;
  /**
   * Rules apigov.yaml `overrides:` give a severity somewhere: they must run even where the
   * ruleset switches them off, and their findings are then kept only where an override says so.
   */
  overrideRules?: readonly string[];
}

// Which rules a built ruleset runs only because an override needs them (see overrideRules).
const enabledForOverrides = new WeakMap<Ruleset, ReadonlySet<string>>();

export function rulesEnabledOnlyForOverrides(ruleset: Ruleset): ReadonlySet<string> {
  return enabledForOverrides.get(ruleset) ?? new Set();
}

/**
 * Loads and tunes the run's ruleset. `checkIds` sees the loaded rule ids before apigov.yaml's
 * settings are applied, so the caller can report an unknown id with its place in the config.
 */
export async function buildRuleset(recipe: RulesetRecipe, checkIds?: (ruleIds: ReadonlySet<string>) => void): Promise<Ruleset> {
  const ruleset = await loadRulesets(recipe.reference, recipe.base);
  checkIds?.(new Set(Object.keys(ruleset.rules)));
  applyHouseOptions(ruleset, recipe.options);
  if (recipe.configFile) applyRuleSettings(ruleset, recipe.rules, recipe.configFile);
  const dormant = (recipe.overrideRules ?? []).filter((id) => ruleset.rules[id] !== undefined && !ruleset.rules[id]!.enabled);
  for (const id of dormant) {
    const rule = ruleset.rules[id]!;
    rule.enabled = true;
    if (rule.severity < 0) rule.severity = 'warn';
  }
  enabledForOverrides.set(ruleset, new Set(dormant));
  return ruleset;
}

export function cacheFor(recipe: RulesetRecipe, ruleset: Ruleset): ResultCache | undefined {
  return recipe.cacheDir === undefined ? undefined : new ResultCache(recipe.cacheDir, rulesetFingerprint(ruleset));
}
