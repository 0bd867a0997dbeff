import { ApigovError } from '../errors.js';
import type { SeverityName } from '../report/finding.js';

/** One finding a test case expects; `at` is `file:line:col` of the entry, for error messages. */
export interface ExpectedFinding {
  /** Omitted when the case runs one rule: then it is that rule. */
  rule?: string;
  /** Spectral's path joined with dots, as `apigov lint` fixtures write it (paths./pets.get). */
  path: string;
  severity?: SeverityName;
  /** Compared exactly when given. */
  message?: string;
  at: string;
}

/** The findings expected for one value of the rule's `x-apigov-option` (e.g. casing: snake). */
export interface OptionValueCase {
  value: string;
  findings: ExpectedFinding[];
}

/** What an expectation file says, before it is checked against the ruleset. */
export interface Expectation {
  /** `file:1:1`, for problems with the file as a whole. */
  at: string;
  /** Rules the case runs; by default the rule its folder is named after. */
  rules?: Array<{ id: string; at: string }>;
  /** House options (`x-apigov-option` values) applied while the case runs. */
  options: Record<string, string>;
  findings: ExpectedFinding[];
  /** Set instead of `findings` by the option-table form: one run per option value. */
  perOptionValue?: OptionValueCase[];
}

/** A test layout or expectation file apigov cannot use: one line naming the file, exit 2. */
export class RulesetTestError extends ApigovError {}
