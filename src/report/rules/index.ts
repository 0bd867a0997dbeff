import type { RuleEntry } from '../../lint/rule-catalog.js';
import { rulesHtml } from './html.js';
import { rulesJson } from './json.js';
import { rulesMarkdown } from './markdown.js';
import { rulesText } from './text.js';

export interface DiffCheckEntry {
  id: string;
  level: string;
  direction: string;
  check: string;
  description: string;
}

/** The catalog `apigov rules` prints: lint rules, and the diff checks when describing the default. */
export interface Catalog {
  ruleset: string;
  rules: RuleEntry[];
  diffChecks: DiffCheckEntry[];
}

export type RuleFormatter = (catalog: Catalog) => string;

/** Output formats of `apigov rules`. */
export const RULE_FORMATTERS: Readonly<Record<string, RuleFormatter>> = {
  text: rulesText,
  markdown: rulesMarkdown,
  json: rulesJson,
  html: rulesHtml,
};
