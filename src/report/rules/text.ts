import type { RuleFormatter } from './index.js';

/** One line per rule (id, severity, ruleset, description), then one per diff check id. */
export const rulesText: RuleFormatter = ({ rules, diffChecks }) => {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const rulesetWidth = Math.max(...rules.map((r) => r.ruleset.length));
  const lines = rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(5)}  ${r.ruleset.padEnd(rulesetWidth)}  ${r.description}`);
  if (diffChecks.length > 0) {
    const width = Math.max(...diffChecks.map((c) => c.id.length));
    lines.push('', 'Diff checks (apigov diff):', ...diffChecks.map((c) => `${c.id.padEnd(width)}  ${c.level.padEnd(5)}  ${c.direction.padEnd(8)}  ${c.check}`));
  }
  return `${lines.join('\n')}\n`;
};
