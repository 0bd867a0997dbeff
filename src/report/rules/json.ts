import type { RuleEntry } from '../../lint/rule-catalog.js';

export function rulesJson(rules: RuleEntry[]): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}
