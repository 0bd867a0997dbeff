import type { Report } from '../finding.js';

export interface FormatContext {
  /** Colour escapes allowed (a TTY without NO_COLOR). */
  color: boolean;
  /** Paths are printed relative to this directory. */
  cwd: string;
}

/** A formatter is a pure function of the report: no printing, no clock, no environment. */
export type Formatter = (report: Report, context: FormatContext) => string;
