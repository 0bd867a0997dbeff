import type { Ruleset } from '@stoplight/spectral-core';
import type { LoadedSpec } from '../load/load-spec.js';
import type { Finding } from '../report/finding.js';
import { lintSpec } from './lint-spec.js';
import { withOnlyRules } from './only-rules.js';

/** What a ruleset test needs to know about the ruleset's rules, without touching Spectral. */
export interface RuleLookup {
  has(id: string): boolean;
  /** The house option (`x-apigov-option`) the rule takes, if any. */
  optionOf(id: string): string | undefined;
}

export function ruleLookup(ruleset: Ruleset): RuleLookup {
  return {
    has: (id) => Object.hasOwn(ruleset.rules, id),
    optionOf: (id) => {
      const option = (ruleset.rules[id]?.definition as Record<string, unknown> | undefined)?.['x-apigov-option'];
      return typeof option === 'string' ? option : undefined;
    },
  };
}

/**
 * Lints a spec with only the given rules of the ruleset. Findings of other rules (possible
 * for rules with file overrides, which Spectral never disables) are dropped; findings that
 * belong to no rule — a duplicate key, an unresolvable $ref — are kept, since they mean the
 * test spec itself is broken.
 */
export async function lintOnlyRules(spec: LoadedSpec, ruleset: Ruleset, ids: readonly string[], options: Record<string, string>): Promise<Finding[]> {
  const findings = await withOnlyRules(ruleset, ids, options, () => lintSpec(spec, ruleset));
  return findings.filter((finding) => ids.includes(finding.ruleId) || !Object.hasOwn(ruleset.rules, finding.ruleId));
}
