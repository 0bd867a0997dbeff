import type { Ruleset } from '@stoplight/spectral-core';
import type { HouseOptions } from '../config/types.js';
import { severityFromName } from '../report/finding.js';
import { applyHouseOptions } from './house-options.js';

type Rule = Ruleset['rules'][string];

interface SavedRule {
  rule: Rule;
  enabled: boolean;
  severity: Rule['severity'];
  then: Rule['then'];
}

/**
 * A rule the ruleset switches off still has a severity in its own definition; a test of
 * that rule runs it there (warn when the definition gives none or says off).
 */
function severityForTest(rule: Rule): Rule['severity'] {
  const defined = (rule.definition as { severity?: unknown }).severity;
  if (typeof defined === 'number' && defined >= 0 && defined <= 3) return defined as Rule['severity'];
  return typeof defined === 'string' ? (severityFromName(defined) ?? 1) : 1;
}

/**
 * Runs `task` with only the named rules enabled (switched on even where the ruleset turns
 * them off) and the given house options applied, then puts the ruleset back as it was, so
 * one loaded ruleset serves many test cases in turn. Rules with file `overrides` cannot be
 * disabled (Spectral keeps them enabled), so callers still filter findings by rule.
 */
export async function withOnlyRules<T>(ruleset: Ruleset, ids: readonly string[], options: Record<string, string>, task: () => Promise<T>): Promise<T> {
  const saved: SavedRule[] = Object.values(ruleset.rules).map((rule) => ({ rule, enabled: rule.enabled, severity: rule.severity, then: rule.then }));
  try {
    for (const { rule } of saved) rule.enabled = false;
    for (const id of ids) {
      const rule = ruleset.rules[id]!;
      rule.enabled = true;
      // Spectral types severity as 0-3, but a rule set to `off` holds -1.
      if ((rule.severity as number) === -1) rule.severity = severityForTest(rule);
    }
    applyHouseOptions(ruleset, options as HouseOptions);
    return await task();
  } finally {
    for (const { rule, enabled, severity, then } of saved) {
      rule.enabled = enabled;
      rule.severity = severity;
      rule.then = then;
    }
  }
}
