import type { RuleEntry } from '../../lint/rule-catalog.js';

/** One line per rule: id, severity, ruleset, description. */
export function rulesText(rules: RuleEntry[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const rulesetWidth = Math.max(...rules.map((r) => r.ruleset.length));
  const lines = rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(5)}  ${r.ruleset.padEnd(rulesetWidth)}  ${r.description}`);
  return `${lines.join('\n')}\n`;
}
