import type { RuleEntry } from '../../lint/rule-catalog.js';
import { rulesJson } from './json.js';
import { rulesMarkdown } from './markdown.js';
import { rulesText } from './text.js';

export type RuleFormatter = (rules: RuleEntry[], ruleset: string) => string;

/** Output formats of `apigov rules`. */
export const RULE_FORMATTERS: Readonly<Record<string, RuleFormatter>> = {
  text: rulesText,
  markdown: rulesMarkdown,
  json: rulesJson,
};
