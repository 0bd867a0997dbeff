import type { Ruleset } from '@stoplight/spectral-core';
import type { HouseOptions } from '../config/types.js';

/**
 * House rules that take a setting name it in `x-apigov-option` (e.g. `casing`); the value
 * from apigov.yaml is passed to their function as that function option. Rules loaded from
 * any ruleset — ours or one extending ours — are tuned the same way, with no copying.
 */
export function applyHouseOptions(ruleset: Ruleset, options: HouseOptions): void {
  for (const rule of Object.values(ruleset.rules)) {
    const option = (rule.definition as Record<string, unknown>)['x-apigov-option'];
    if (typeof option !== 'string') continue;
    const value = options[option as keyof HouseOptions];
    if (value === undefined) continue;
    rule.then = rule.then.map((then) => ({ ...then, functionOptions: { ...(then.functionOptions ?? {}), [option]: value } }));
  }
}
