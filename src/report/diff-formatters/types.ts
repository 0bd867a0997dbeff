import type { DiffReport } from '../../diff/report.js';
import type { FormatContext } from '../formatters/types.js';

export type DiffFormatter = (report: DiffReport, context: FormatContext) => string;
