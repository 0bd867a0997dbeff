import type { FormatContext } from '../../report/formatters/types.js';
import type { CheckReport } from '../check-report.js';

/** A `check` format: a pure function of the report, like every other formatter. */
export type CheckFormatter = (report: CheckReport, context: FormatContext) => string;
