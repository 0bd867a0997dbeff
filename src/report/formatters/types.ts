import type { Finding, Report } from '../finding.js';

export interface FormatContext {
  /** Colour escapes allowed (a TTY without NO_COLOR). */
  color: boolean;
  /** Paths are printed relative to this directory. */
  cwd: string;
}

/** A report whose findings may be read once, in report order, without all being in memory. */
export type StreamedReport = Omit<Report, 'findings'> & { findings: Iterable<Finding> };

/** A formatter is a pure function of the report: no printing, no clock, no environment. */
export type Formatter = (report: Report, context: FormatContext) => string;
