import type { Ruleset } from '@stoplight/spectral-core';
import type { RuleSetting } from '../config/types.js';
import { ConfigError } from '../errors.js';

/** Applies `rules:` from apigov.yaml; an id the ruleset does not have is a config error. */
export function applyRuleSettings(ruleset: Ruleset, settings: Record<string, RuleSetting>, configFile: string): void {
  for (const [id, setting] of Object.entries(settings)) {
    const rule = ruleset.rules[id];
    if (!rule) throw new ConfigError(`${configFile}: rules.${id}: unknown rule id (not in the active ruleset)`);
    if (setting === 'off') {
      rule.enabled = false;
    } else {
      rule.enabled = true;
      rule.severity = setting;
    }
  }
}
