import { LINT_FORMATTERS } from '../../report/formatters/index.js';
import { asLintReport } from './as-lint-report.js';
import { checkJson } from './json.js';
import { checkText } from './text.js';
import type { CheckFormatter } from './types.js';

/**
 * `check`'s own formats (text, json) and every lint format other than those two names, fed the
 * counted findings and changes as one lint report: a format registered for lint works here too.
 */
export function checkFormatters(): Readonly<Record<string, CheckFormatter>> {
  const formats: Record<string, CheckFormatter> = { text: checkText, json: checkJson };
  for (const [name, formatter] of Object.entries(LINT_FORMATTERS)) {
    if (!(name in formats) && name !== 'stylish') formats[name] = (report, context) => formatter(asLintReport(report), context);
  }
  return formats;
}
