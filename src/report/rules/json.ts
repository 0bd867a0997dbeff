import type { RuleFormatter } from './index.js';

export const rulesJson: RuleFormatter = ({ rules, diffChecks }) => `${JSON.stringify({ rules, diffChecks }, null, 2)}\n`;
