import { githubActions } from './github-actions.js';
import { gitlab } from './gitlab.js';
import { htmlReport } from './html.js';
import { json, jsonChunks } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter, StreamedReport } from './types.js';

/** Every lint output format, by the name `--format` takes. New formats register here. */
export const LINT_FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish,
  json,
  sarif,
  junit,
  'github-actions': githubActions,
  markdown,
  html: htmlReport,
  gitlab,
};

/** Formats that can also be produced in pieces, for reports too large for one string. */
export const LINT_CHUNKED_FORMATTERS: Readonly<Record<string, (report: StreamedReport) => Iterable<string>>> = { json: jsonChunks };

/**
 * Formats that record files which could not be linted inside the report itself (a failed SARIF
 * invocation, a JUnit error case...), so they are written even when every file failed.
 */
export const FORMATS_REPORTING_FAILURES: ReadonlySet<string> = new Set(['sarif', 'junit', 'github-actions', 'markdown', 'html', 'gitlab']);

export type { Formatter, FormatContext } from './types.js';
